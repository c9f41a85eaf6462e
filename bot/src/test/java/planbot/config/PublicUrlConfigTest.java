package planbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublicUrlConfigTest {
    static PublicUrlConfig from(Map<String, String> env) {
        return PublicUrlConfig.from(Settings.load(env, Path.of("no-such.env")));
    }

    @Test
    void unsetItIsThisServersLocalhost() {
        assertThat(from(Map.of()).uri()).isEqualTo(URI.create("http://localhost:7070"));
        assertThat(from(Map.of("PLANBOT_HTTP_PORT", "8080")).uri()).isEqualTo(URI.create("http://localhost:8080"));
        assertThat(from(Map.of()).https()).isFalse();
    }

    @Test
    void anHttpsUrlIsKeptWithoutItsTrailingSlash() {
        PublicUrlConfig c = from(Map.of("PLANBOT_PUBLIC_URL", "HTTPS://planbot.council.example:8443/"));
        assertThat(c.uri()).isEqualTo(URI.create("https://planbot.council.example:8443"));
        assertThat(c.https()).isTrue();
    }

    @Test
    void anythingButAnAbsoluteHttpUrlWithNoPathOrQueryIsRefusedNamingTheKey() {
        for (String bad : new String[] {"planbot.council.example", "/signin", "ftp://x.example", "https://x.example?a=1",
                "https://x.example/#top", "https://user:pw@x.example", "https://x.example/planbot", "http://exa mple"}) {
            assertThatThrownBy(() -> from(Map.of("PLANBOT_PUBLIC_URL", bad))).as(bad)
                    .isInstanceOf(ConfigException.class).hasMessageContaining("PLANBOT_PUBLIC_URL");
        }
    }
}
