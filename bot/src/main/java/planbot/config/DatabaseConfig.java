package planbot.config;

import java.util.Objects;
import planbot.storage.PoolSettings;

/**
 * The database pool slice of the settings ({@code PLANBOT_DB_POOL_SIZE}, {@code PLANBOT_DB_CONNECT_TIMEOUT_SECONDS}),
 * read once at start-up by {@link #from}; immutable.
 *
 * @param pool  what {@code planbot.storage.Database} opens its PostgreSQL pool with
 * @param given whether either key was set, so that a SQLite start can say they are ignored
 */
public record DatabaseConfig(PoolSettings pool, boolean given) {
    public static final String POOL_SIZE = "PLANBOT_DB_POOL_SIZE";
    public static final String CONNECT_TIMEOUT = "PLANBOT_DB_CONNECT_TIMEOUT_SECONDS";

    public DatabaseConfig {
        Objects.requireNonNull(pool, "pool");
    }

    /** @throws ConfigException naming the key whose value is not a whole number in its range */
    public static DatabaseConfig from(Settings settings) {
        int size = number(settings, POOL_SIZE, PoolSettings.DEFAULTS.size(), PoolSettings.MAX_SIZE);
        int timeout = number(settings, CONNECT_TIMEOUT, PoolSettings.DEFAULTS.connectTimeoutSeconds(),
                PoolSettings.MAX_CONNECT_TIMEOUT_SECONDS);
        return new DatabaseConfig(new PoolSettings(size, timeout),
                settings.get(POOL_SIZE).isPresent() || settings.get(CONNECT_TIMEOUT).isPresent());
    }

    /** The sentence a SQLite start logs when pool settings were given for nothing; empty otherwise. */
    public String noteFor(String jdbcUrl) {
        return given && jdbcUrl.startsWith("jdbc:sqlite:")
                ? POOL_SIZE + " and " + CONNECT_TIMEOUT + " are ignored on SQLite: it writes through one connection at a time"
                : "";
    }

    private static int number(Settings settings, String key, int fallback, int max) {
        String raw = settings.getOrDefault(key, String.valueOf(fallback)).strip();
        int value;
        try {
            value = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            value = 0;
        }
        if (value < 1 || value > max) {
            throw new ConfigException(key + " must be a whole number from 1 to " + max + " (got '" + raw + "')");
        }
        return value;
    }
}
