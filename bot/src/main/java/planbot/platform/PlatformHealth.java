package planbot.platform;

import java.util.Objects;

/**
 * How a part of planbot is doing, for {@code GET /health}.
 *
 * @param ok     true when it works
 * @param detail a few words for an operator ("over HTTP", "not started", "socket closed"); never a secret
 */
public record PlatformHealth(boolean ok, String detail) {
    public PlatformHealth {
        Objects.requireNonNull(detail, "detail");
    }

    public static PlatformHealth up(String detail) {
        return new PlatformHealth(true, detail);
    }

    public static PlatformHealth down(String detail) {
        return new PlatformHealth(false, detail);
    }
}
