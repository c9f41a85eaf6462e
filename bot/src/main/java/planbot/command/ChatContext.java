package planbot.command;

import java.util.Locale;
import java.util.Optional;
import planbot.storage.ChatIdentity;

/**
 * Where on a chat platform a command was typed, as the adapter knows it: the platform and the workspace
 * (Slack: the enterprise id of an org-wide install, else the team id; Discord: the guild), and who typed it. The core
 * never sees an SDK type; it needs this only to turn a typed mention ({@code <@U123|sam>}) into a
 * {@link planbot.storage.ChatIdentity}, to find the tenant's channels on that platform, to know the caller's own
 * account ({@code admin claim}) and the channel the command was typed in ({@code channel manager} with no mention
 * means that one).
 *
 * @param platform  lower-case platform name as {@link planbot.storage.ChatIdentity#platform()} stores it ("slack")
 * @param workspace the workspace id; never blank
 * @param userId    the caller's platform user id; null where the adapter does not give it
 * @param channel   the platform's id of the channel the command was typed in; null in a direct chat, or where the
 *                  adapter does not give it
 */
public record ChatContext(String platform, String workspace, String userId, String channel) {
    public ChatContext {
        platform = Texts.required(platform, "platform").toLowerCase(Locale.ROOT);
        workspace = Texts.required(workspace, "workspace");
        userId = userId == null ? null : Texts.required(userId, "userId");
        channel = channel == null ? null : Texts.required(channel, "channel");
    }

    /** A command typed by someone, where the adapter does not say in which channel. */
    public ChatContext(String platform, String workspace, String userId) {
        this(platform, workspace, userId, null);
    }

    /** A workspace, without saying who typed the command. */
    public ChatContext(String platform, String workspace) {
        this(platform, workspace, null, null);
    }

    /** The caller's own chat account, when the adapter said who they are. */
    public Optional<ChatIdentity> caller() {
        return userId == null ? Optional.empty() : Optional.of(new ChatIdentity(platform, workspace, userId));
    }
}
