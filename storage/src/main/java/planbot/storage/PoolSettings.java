package planbot.storage;

/**
 * How {@link Database} sizes its PostgreSQL connection pool and how long it waits for a connection; SQLite ignores
 * both (it writes through one connection at a time, on a local file). Built once at start-up (the bot's
 * {@code DatabaseConfig} reads it from the settings); immutable.
 *
 * @param size                  the most open connections, 1 to {@value #MAX_SIZE}
 * @param connectTimeoutSeconds how long reaching the server, or waiting for a free connection, may take before the
 *                              work fails with a {@link StorageException}, 1 to {@value #MAX_CONNECT_TIMEOUT_SECONDS}
 * @throws IllegalArgumentException for a value out of range
 */
public record PoolSettings(int size, int connectTimeoutSeconds) {
    public static final int MAX_SIZE = 200;
    public static final int MAX_CONNECT_TIMEOUT_SECONDS = 300;
    public static final PoolSettings DEFAULTS = new PoolSettings(10, 10);

    public PoolSettings {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("pool size must be from 1 to " + MAX_SIZE + " (got " + size + ")");
        }
        if (connectTimeoutSeconds < 1 || connectTimeoutSeconds > MAX_CONNECT_TIMEOUT_SECONDS) {
            throw new IllegalArgumentException("connect timeout must be from 1 to " + MAX_CONNECT_TIMEOUT_SECONDS
                    + " seconds (got " + connectTimeoutSeconds + ")");
        }
    }
}
