package planbot.storage;

/**
 * How {@link Database} sizes its connection pool and how long it waits for a connection. Built once at start-up
 * (the bot's {@code DatabaseConfig} reads it from the settings); immutable.
 *
 * @param size                  PostgreSQL's most open connections, 1 to {@value #MAX_SIZE}; SQLite ignores it
 *                              (it writes through one connection at a time whatever the pool holds)
 * @param connectTimeoutSeconds how long opening a connection, or waiting for a free one, may take before the
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
