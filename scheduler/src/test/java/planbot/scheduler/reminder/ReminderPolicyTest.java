package planbot.scheduler.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import planbot.scheduler.calendar.Region;

class ReminderPolicyTest {

    @Test
    void theDefaultsAreDesignSectionSeven() {
        ReminderPolicy p = ReminderPolicy.defaults();
        assertThat(p.leadDays()).containsExactly(14, 7, 1);
        assertThat(p.onTheDay()).isTrue();
        assertThat(p.overdueEvery()).isEqualTo(5);
        assertThat(p.escalateLead()).isEqualTo(10);
        assertThat(p.escalateManager()).isEqualTo(20);
        assertThat(p.tbcEveryMonths()).isEqualTo(1);
        assertThat(p.staleAfterDays()).isEqualTo(30);
        assertThat(p.sendAt()).isEqualTo(LocalTime.of(9, 0));
        assertThat(p.zone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(p.region()).isEqualTo(Region.ENGLAND_AND_WALES);
        assertThat(ReminderPolicy.parse("")).isEqualTo(p);
    }

    @Test
    void settingsChangeOneAtATimeAndRoundTripThroughText() {
        ReminderPolicy p = ReminderPolicy.defaults().with("lead", "1, 10,5").with("escalate-manager", "off")
                .with("send-at", "8:30").with("region", "Scotland").with("closed", "27/12/2024,2024-12-30")
                .with("on-the-day", "no").with("tbc-every", "monthly");
        assertThat(p.leadDays()).containsExactly(10, 5, 1);
        assertThat(p.escalateManager()).isZero();
        assertThat(p.sendAt()).isEqualTo(LocalTime.of(8, 30));
        assertThat(p.closures()).containsExactly(LocalDate.of(2024, 12, 27), LocalDate.of(2024, 12, 30));
        assertThat(p.calendar().isWorkingDay(LocalDate.of(2024, 12, 27))).isFalse();
        assertThat(ReminderPolicy.parse(p.format())).isEqualTo(p);
        assertThat(ReminderPolicy.parse("overdue-every=3;stale-after=never\nzone=Europe/Belfast").staleAfterDays()).isZero();
    }

    @Test
    void badSettingsSayWhatIsWrong() {
        assertThatThrownBy(() -> ReminderPolicy.defaults().with("lead", "0")).hasMessageContaining("lead must be 1 to");
        assertThatThrownBy(() -> ReminderPolicy.defaults().with("colour", "red")).hasMessageContaining("unknown reminder setting");
        assertThatThrownBy(() -> ReminderPolicy.parse("send-at=nine")).hasMessageContaining("09:00");
        assertThatThrownBy(() -> ReminderPolicy.parse("zone=Mars/Olympus")).hasMessageContaining("Europe/London");
        assertThatThrownBy(() -> ReminderPolicy.parse("closed=31/02/2024")).hasMessageContaining("closed takes dates");
        assertThatThrownBy(() -> ReminderPolicy.parse("lead")).hasMessageContaining("key=value");
        assertThat(ReminderPolicy.defaults().with("lead", "none").leadDays()).isEqualTo(List.of());
    }

    @Test
    void mergedSettingsKeepEachKeyOnceWithItsLastValue() {
        // GIVEN a tenant's stored changes and a new change WHEN merged THEN each key appears once, the later value winning
        assertThat(ReminderPolicy.mergeSettings("lead=10,5 send-at=08:30", "Send-At=10:00 region=scotland"))
                .isEqualTo("lead=10,5 send-at=10:00 region=scotland");
        assertThat(ReminderPolicy.mergeSettings(null, "lead=3")).isEqualTo("lead=3");
    }

    @Test
    void settingsApplyOverAnyPolicyNotOnlyTheDefaults() {
        // GIVEN an installation's default WHEN a tenant's change is applied THEN what it does not name stays the installation's
        ReminderPolicy installation = ReminderPolicy.parse("lead=3 send-at=10:00");
        ReminderPolicy tenant = installation.withSettings("send-at=11:00");
        assertThat(tenant.leadDays()).containsExactly(3);
        assertThat(tenant.sendAt()).isEqualTo(java.time.LocalTime.of(11, 0));
    }
}
