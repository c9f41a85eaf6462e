package planbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** PLANBOT_HTTP_PORT is the app's, whatever platforms run (or none): read once, a bad value names the key. */
class HttpConfigTest {

    static Settings settings(String... kv) {
        java.util.Map<String, String> env = new java.util.HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            env.put(kv[i], kv[i + 1]);
        }
        return Settings.load(env, Path.of("no-such.env"));
    }

    @Test
    void thePortDefaultsTo7070AndZeroMeansAnyFreePort() {
        assertThat(HttpConfig.from(settings()).port()).isEqualTo(7070);
        assertThat(HttpConfig.from(settings("PLANBOT_HTTP_PORT", " 0 ")).port()).isZero();
    }

    @Test
    void aBadPortStopsStartUpNamingTheKey() {
        assertThatThrownBy(() -> HttpConfig.from(settings("PLANBOT_HTTP_PORT", "http")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PLANBOT_HTTP_PORT").hasMessageContaining("'http'");
        assertThatThrownBy(() -> HttpConfig.from(settings("PLANBOT_HTTP_PORT", "70000")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PLANBOT_HTTP_PORT");
    }
}
