package planbot.people;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import planbot.platform.Directory;

/**
 * The member directories of the configured platforms, by platform name ("slack"): how the chat core reaches the
 * caller's platform's {@link Directory} without knowing any platform. The composition root fills it as it configures
 * platforms (tests put a directory built from plain data). Thread-safe.
 */
public final class Directories {
    private final Map<String, Directory> byPlatform = new ConcurrentHashMap<>();

    /** Makes {@code directory} the one of {@code platform}, replacing any before. */
    public void put(String platform, Directory directory) {
        byPlatform.put(Objects.requireNonNull(platform, "platform"), Objects.requireNonNull(directory, "directory"));
    }

    /** The platform's directory; empty when the platform is not configured or cannot list its members. */
    public Optional<Directory> of(String platform) {
        return Optional.ofNullable(byPlatform.get(platform));
    }
}
