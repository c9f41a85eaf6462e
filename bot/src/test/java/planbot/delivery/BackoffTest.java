package planbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1));

    @Test
    void waitsDoubleFromTheFirstAndStopAtTheMax() {
        assertThat(backoff.delay(1, 0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delay(2, 0)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.delay(3, 0)).isEqualTo(Duration.ofSeconds(120));
        assertThat(backoff.delay(7, 0)).isEqualTo(Duration.ofSeconds(1920));
        assertThat(backoff.delay(8, 0)).isEqualTo(Duration.ofHours(1));
        assertThat(backoff.delay(1000, 0.99)).isEqualTo(Duration.ofHours(1));
        assertThat(backoff.delay(0, 0)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void jitterLengthensAWaitByUpToAQuarterButNeverPastTheMax() {
        assertThat(backoff.delay(1, 0.5)).isEqualTo(Duration.ofMillis(33_750));
        assertThat(backoff.delay(1, 0.999_999)).isLessThan(Duration.ofMillis(37_500)).isGreaterThan(Duration.ofSeconds(37));
        assertThat(backoff.delay(7, 0.999)).isBetween(Duration.ofSeconds(2398), Duration.ofSeconds(2400));
        assertThat(backoff.delay(8, 0.999)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aBackoffNeedsAPositiveFirstWaitNoLongerThanItsMax() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofHours(2), Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
