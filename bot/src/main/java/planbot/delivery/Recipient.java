package planbot.delivery;

import java.util.Objects;

/**
 * Where a notice goes on one platform, as {@link Routing} decides it.
 *
 * @param platform the platform whose {@link Messenger} sends it: "console", "slack", "discord", "teams"
 * @param address  the platform's channel or user id ("C0123ABC"), opaque to everything but that messenger
 * @param name     who it is for, as people read it ("HoP", "the manager channel")
 */
public record Recipient(String platform, String address, String name) {
    public Recipient {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(name, "name");
        if (platform.isBlank() || address.isBlank()) {
            throw new IllegalArgumentException("a recipient needs a platform and an address");
        }
    }

    /** The channel a platform paces by: the same address on the same platform is the same channel. */
    public String channel() {
        return platform + ":" + address;
    }
}
