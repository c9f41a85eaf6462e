package planbot.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RefKeyTest {
    @Test
    void theWaysPeopleTypeOneRefMeetInOneKey() {
        assertThat(RefKey.of("EN003/01")).isEqualTo("EN3/1");
        assertThat(RefKey.of("en3/1")).isEqualTo("EN3/1");
        assertThat(RefKey.of("EN 3 / 1")).isEqualTo("EN3/1");
        assertThat(RefKey.of("ENFORCEMENT 003")).isEqualTo("ENFORCEMENT3");
        assertThat(RefKey.of("enforcement 3")).isEqualTo("ENFORCEMENT3");
        assertThat(RefKey.of("PRE-APP 003")).isEqualTo("PREAPP3");
        assertThat(RefKey.of("1.2")).isEqualTo("1/2");
        assertThat(RefKey.of("IT INFRASTRUCURE 012")).isEqualTo("ITINFRASTRUCURE12");
    }

    @Test
    void zeroStaysAZeroAndNothingTypedIsEmpty() {
        assertThat(RefKey.of("A000/00")).isEqualTo("A0/0");
        assertThat(RefKey.of("  ")).isEmpty();
        assertThat(RefKey.of(null)).isEmpty();
        assertThat(RefKey.of("<!channel>")).isEqualTo("CHANNEL");
    }
}
