package planbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.scheduler.calendar.Region;
import planbot.scheduler.reminder.ReminderPolicy;

/** PLANBOT_REMINDER_POLICY: the installation's default reminder policy, checked at start-up. */
class ReminderConfigTest {
    @TempDir
    Path dir;

    private Settings settings(Map<String, String> environment) {
        return Settings.load(environment, dir.resolve("no.env"));
    }

    @Test
    void withoutTheSettingTheDefaultPolicyIsDesignsDefaults() {
        // GIVEN no PLANBOT_REMINDER_POLICY WHEN it is read THEN the defaults apply
        assertThat(ReminderConfig.from(settings(Map.of())).defaultPolicy()).isEqualTo(ReminderPolicy.defaults());
    }

    @Test
    void theSettingChangesOnlyWhatItNames() {
        // GIVEN lead times, a send time and a region
        Settings s = settings(Map.of(Settings.REMINDER_POLICY, "lead=10,5,1 send-at=08:30 region=scotland"));
        // WHEN it is read
        ReminderPolicy p = ReminderConfig.from(s).defaultPolicy();
        // THEN those are set and the rest are the defaults
        assertThat(p.leadDays()).isEqualTo(List.of(10, 5, 1));
        assertThat(p.sendAt()).isEqualTo(LocalTime.of(8, 30));
        assertThat(p.region()).isEqualTo(Region.SCOTLAND);
        assertThat(p.overdueEvery()).isEqualTo(ReminderPolicy.defaults().overdueEvery());
    }

    @Test
    void aBadValueIsRefusedAtStartUpNamingTheKeyAndTheSetting() {
        // GIVEN a lead time that is not a number
        Settings s = settings(Map.of(Settings.REMINDER_POLICY, "lead=soon"));
        // WHEN planbot's command line is built on it THEN it stops with one line naming the key and the setting
        assertThatThrownBy(() -> new planbot.cli.PlanbotCommand(s)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("PLANBOT_REMINDER_POLICY ")
                .hasMessageContaining("lead")
                .hasMessageNotContaining("\n");
    }

    @Test
    void anUnknownKeyIsRefusedNamingTheKey() {
        Settings s = settings(Map.of(Settings.REMINDER_POLICY, "leed=3"));
        assertThatThrownBy(() -> ReminderConfig.from(s)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("PLANBOT_REMINDER_POLICY").hasMessageContaining("leed");
    }
}
