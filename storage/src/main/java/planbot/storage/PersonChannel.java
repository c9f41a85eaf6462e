package planbot.storage;

import java.util.Objects;

/**
 * The channel an owner that is a team or a role ("Planning / legal / democratic services", "HoP") is reached in.
 *
 * @param platform "slack", "discord", "teams"
 * @param address  the platform's channel id ({@code C0123})
 */
public record PersonChannel(String platform, String address) {
    public PersonChannel {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(address, "address");
        if (platform.isBlank() || address.isBlank()) {
            throw new IllegalArgumentException("a channel needs a platform and an address");
        }
    }

    /** "slack:C0123", as the audit trail and the people import file write it. */
    @Override
    public String toString() {
        return platform + ":" + address;
    }
}
