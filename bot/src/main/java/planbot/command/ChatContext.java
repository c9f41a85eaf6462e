package planbot.command;

import java.util.Locale;

/**
 * Where on a chat platform a command was typed, as the adapter knows it: the platform and the workspace
 * (Slack: the enterprise id of an org-wide install, else the team id; Discord: the guild). The core never sees an
 * SDK type; it needs this only to turn a typed mention ({@code <@U123|sam>}) into a
 * {@link planbot.storage.ChatIdentity} and to find the tenant's channels on that platform.
 *
 * @param platform  lower-case platform name as {@link planbot.storage.ChatIdentity#platform()} stores it ("slack")
 * @param workspace the workspace id; never blank
 */
public record ChatContext(String platform, String workspace) {
    public ChatContext {
        platform = Texts.required(platform, "platform").toLowerCase(Locale.ROOT);
        workspace = Texts.required(workspace, "workspace");
    }
}
