package planbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import planbot.MainAccess;
import planbot.MainAccess.Run;
import planbot.storage.PoolSettings;

/** The pool settings: defaults, the values a person may give, and a start-up that stops on a bad one. */
class DatabaseConfigTest {

    static Settings settings(Map<String, String> env) {
        return Settings.load(env, Path.of("no-such.env"));
    }

    @Test
    void withNothingSetThePoolHasTenConnectionsAndTenSeconds() {
        DatabaseConfig config = DatabaseConfig.from(settings(Map.of()));
        assertThat(config.pool()).isEqualTo(new PoolSettings(10, 10));
        assertThat(config.noteFor("jdbc:sqlite:data/planbot.db")).isEmpty();
    }

    @Test
    void givenValuesAreTakenAtBothEndsOfTheirRange() {
        assertThat(DatabaseConfig.from(settings(Map.of(DatabaseConfig.POOL_SIZE, "1", DatabaseConfig.CONNECT_TIMEOUT, "300"))).pool())
                .isEqualTo(new PoolSettings(1, 300));
        assertThat(DatabaseConfig.from(settings(Map.of(DatabaseConfig.POOL_SIZE, " 200 ", DatabaseConfig.CONNECT_TIMEOUT, "1"))).pool())
                .isEqualTo(new PoolSettings(200, 1));
    }

    @Test
    void aBadValueIsRefusedNamingItsKey() {
        for (String bad : new String[] {"0", "201", "ten", "-3", "1.5"}) {
            assertThatThrownBy(() -> DatabaseConfig.from(settings(Map.of(DatabaseConfig.POOL_SIZE, bad))))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("PLANBOT_DB_POOL_SIZE must be a whole number from 1 to 200 (got '" + bad + "')");
        }
        assertThatThrownBy(() -> DatabaseConfig.from(settings(Map.of(DatabaseConfig.CONNECT_TIMEOUT, "0"))))
                .isInstanceOf(ConfigException.class)
                .hasMessage("PLANBOT_DB_CONNECT_TIMEOUT_SECONDS must be a whole number from 1 to 300 (got '0')");
    }

    @Test
    void aPoolSizeOnSqliteIsNotedAsIgnoredButCountsOnPostgresql() {
        DatabaseConfig config = DatabaseConfig.from(settings(Map.of(DatabaseConfig.POOL_SIZE, "20")));
        assertThat(config.noteFor("jdbc:sqlite:data/planbot.db")).isEqualTo(
                "PLANBOT_DB_POOL_SIZE and PLANBOT_DB_CONNECT_TIMEOUT_SECONDS are ignored on SQLite: it writes through one connection at a time");
        assertThat(config.noteFor("jdbc:postgresql://db/planbot")).isEmpty();
    }

    @Test
    void aBadPoolSizeStopsPlanbotBeforeItTouchesTheDatabase(@org.junit.jupiter.api.io.TempDir Path dir) {
        // WHEN any verb runs with a pool size out of range
        Run run = MainAccess.planbot(settings(Map.of(DatabaseConfig.POOL_SIZE, "500")),
                "export", "--format", "json", "--db", "jdbc:sqlite:" + dir.resolve("p.db"));
        // THEN it stops with one line naming the key, and no database file was made
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("planbot: PLANBOT_DB_POOL_SIZE must be a whole number from 1 to 200 (got '500')");
        assertThat(dir.resolve("p.db")).doesNotExist();
    }
}
