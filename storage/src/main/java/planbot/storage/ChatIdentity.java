package planbot.storage;

import java.util.Objects;

/**
 * A person's account on a chat platform.
 *
 * @param platform  "slack", "discord", "teams", "console", …
 * @param workspace the Slack team or enterprise, Discord guild or Teams tenant it lives in
 * @param userId    the platform's user id
 */
public record ChatIdentity(String platform, String workspace, String userId) {
    public ChatIdentity {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(userId, "userId");
    }
}
