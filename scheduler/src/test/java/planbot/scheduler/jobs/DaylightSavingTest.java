package planbot.scheduler.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static planbot.scheduler.jobs.Wiring.LONDON;
import static planbot.scheduler.jobs.Wiring.london;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.scheduler.digest.DigestSweepResult;
import planbot.scheduler.reminder.Reminder;
import planbot.scheduler.reminder.SweepRequest;
import planbot.storage.Database;
import planbot.storage.SubscriptionSpec;
import planbot.storage.Tenant;
import planbot.storage.testing.TestDatabases;

/**
 * Both clock changes of 2023 in London (Sunday 26 March, 01:00 GMT → 02:00 BST; Sunday 29 October, 02:00 BST →
 * 01:00 GMT), swept every 15 minutes of simulated time as Quartz would, calling the services directly with a
 * moving clock: every reminder and every weekly digest is decided exactly once, at its local time.
 */
class DaylightSavingTest {
    private static final Duration STEP = Duration.ofMinutes(15);

    @TempDir
    Path dir;
    private Database db;
    private Wiring w;

    /** What each sweep decided, and when. */
    private final Map<String, Instant> remindersAt = new LinkedHashMap<>();
    private final Map<String, Reminder> reminders = new LinkedHashMap<>();
    private final Map<String, Instant> digestsAt = new LinkedHashMap<>();
    private final List<String> decidedTwice = new ArrayList<>();

    @BeforeEach
    void aTenantWithTasksDueAroundBothChangesAndThreeSubscriptions() {
        db = TestDatabases.sqlite(dir);
        Instant imported = london("2023-03-01T10:00");
        w = new Wiring(db, new MovingClock(imported));
        // tasks due on the Monday after each change, the Friday before, and the week after
        w.importPlan("council", Wiring.dueAround("Spring", "SPR", LocalDate.of(2023, 3, 27)), imported);
        w.importPlan("council", Wiring.dueAround("Autumn", "AUT", LocalDate.of(2023, 10, 30)), imported);
        Tenant tenant = w.stores.tenants().find("council").orElseThrow();
        // Monday 09:00 London; Sunday 01:30 London (inside the hour that is skipped in March and repeated in
        // October); Monday 09:00 New York (whose clocks change on other Sundays)
        w.subscriptions.add(tenant, SubscriptionSpec.weekly("slack:MON", null, null), imported);
        w.subscriptions.add(tenant, SubscriptionSpec.weekly("slack:SUN", null, null)
                .at(DayOfWeek.SUNDAY, LocalTime.of(1, 30), LONDON), imported);
        w.subscriptions.add(tenant, SubscriptionSpec.weekly("slack:NYC", null, null)
                .at(DayOfWeek.MONDAY, LocalTime.of(9, 0), java.time.ZoneId.of("America/New_York")), imported);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void springForwardDecidesEveryReminderAndDigestOnceAtItsLocalTime() {
        // GIVEN everything due before Wednesday 22 March decided (a catch-up sweep at noon)
        sweep(london("2023-03-22T12:00"));
        Set<String> before = new HashSet<>(remindersAt.keySet());
        Set<String> digestsBefore = new HashSet<>(digestsAt.keySet());

        // WHEN the sweeps run every 15 minutes from Thursday 23 March to Thursday 30 March
        run(london("2023-03-23T00:00"), london("2023-03-30T00:00"));

        // THEN nothing was decided twice, and the outbox holds exactly what was decided
        assertThat(decidedTwice).isEmpty();
        assertThat(w.duplicateKeys()).isEmpty();
        assertThat(w.reminderKeys()).containsExactlyInAnyOrderElementsOf(remindersAt.keySet());
        assertThat(w.digestKeys()).containsExactlyInAnyOrderElementsOf(digestsAt.keySet());
        // … every reminder of the week at 09:00 London on its own working day, BST or GMT alike
        assertRemindersAtNineOnTheirDay(before);
        assertThat(remindersAt).containsEntry(key("SPR001/01", "DUE_TODAY", "2023-03-27"), Instant.parse("2023-03-27T08:00:00Z"));
        assertThat(remindersAt).containsEntry(key("SPR001/01", "BEFORE_1", "2023-03-24"), Instant.parse("2023-03-24T09:00:00Z"));
        // … and one digest per subscription per week, at its slot
        Map<String, Instant> week = new LinkedHashMap<>(digestsAt);
        week.keySet().removeAll(digestsBefore);
        assertThat(week).containsOnly(
                // 01:30 does not exist on 26 March: the slot moves forward by the gap, to 02:30 BST (01:30 UTC)
                Map.entry("dig:council:slack:SUN:2023-W12", Instant.parse("2023-03-26T01:30:00Z")),
                Map.entry("dig:council:slack:MON:2023-W13", Instant.parse("2023-03-27T08:00:00Z")),
                Map.entry("dig:council:slack:NYC:2023-W13", Instant.parse("2023-03-27T13:00:00Z")));
    }

    @Test
    void fallBackDecidesEveryReminderAndDigestOnceAtItsLocalTime() {
        // GIVEN everything due before Wednesday 25 October decided
        sweep(london("2023-10-25T12:00"));
        Set<String> before = new HashSet<>(remindersAt.keySet());
        Set<String> digestsBefore = new HashSet<>(digestsAt.keySet());

        // WHEN the sweeps run every 15 minutes from Thursday 26 October to Tuesday 7 November
        run(london("2023-10-26T00:00"), london("2023-11-07T00:00"));

        // THEN nothing was decided twice
        assertThat(decidedTwice).isEmpty();
        assertThat(w.duplicateKeys()).isEmpty();
        assertThat(w.reminderKeys()).containsExactlyInAnyOrderElementsOf(remindersAt.keySet());
        assertRemindersAtNineOnTheirDay(before);
        assertThat(remindersAt).containsEntry(key("AUT001/01", "DUE_TODAY", "2023-10-30"), Instant.parse("2023-10-30T09:00:00Z"));
        assertThat(remindersAt).containsEntry(key("AUT001/01", "BEFORE_1", "2023-10-27"), Instant.parse("2023-10-27T08:00:00Z"));
        Map<String, Instant> weeks = new LinkedHashMap<>(digestsAt);
        weeks.keySet().removeAll(digestsBefore);
        assertThat(weeks).containsOnly(
                // 01:30 happens twice on 29 October: the first (BST, 00:30 UTC) is the slot, the second sends nothing
                Map.entry("dig:council:slack:SUN:2023-W43", Instant.parse("2023-10-29T00:30:00Z")),
                Map.entry("dig:council:slack:MON:2023-W44", Instant.parse("2023-10-30T09:00:00Z")),
                Map.entry("dig:council:slack:NYC:2023-W44", Instant.parse("2023-10-30T13:00:00Z")),
                Map.entry("dig:council:slack:SUN:2023-W44", Instant.parse("2023-11-05T01:30:00Z")),
                Map.entry("dig:council:slack:MON:2023-W45", Instant.parse("2023-11-06T09:00:00Z")),
                // New York fell back on 5 November: 09:00 EST is 14:00 UTC
                Map.entry("dig:council:slack:NYC:2023-W45", Instant.parse("2023-11-06T14:00:00Z")));
    }

    private void run(Instant from, Instant until) {
        for (Instant at = from; at.isBefore(until); at = at.plus(STEP)) {
            sweep(at);
        }
    }

    private void sweep(Instant at) {
        for (Reminder r : w.reminders.sweep(SweepRequest.allTenants(at)).decided()) {
            if (remindersAt.putIfAbsent(r.key(), at) != null) {
                decidedTwice.add(r.key());
            }
            reminders.put(r.key(), r);
        }
        DigestSweepResult d = w.digests.sweep(at);
        assertThat(d.failed()).isEmpty();
        for (DigestSweepResult.Sent s : d.sent()) {
            if (digestsAt.putIfAbsent(s.key(), at) != null) {
                decidedTwice.add(s.key());
            }
        }
    }

    private void assertRemindersAtNineOnTheirDay(Set<String> decidedBefore) {
        int checked = 0;
        for (Map.Entry<String, Instant> e : remindersAt.entrySet()) {
            if (decidedBefore.contains(e.getKey())) {
                continue;
            }
            ZonedDateTime local = e.getValue().atZone(LONDON);
            assertThat(local.toLocalTime()).as(e.getKey()).isEqualTo(LocalTime.of(9, 0));
            assertThat(local.toLocalDate()).as(e.getKey()).isEqualTo(reminders.get(e.getKey()).date());
            checked++;
        }
        assertThat(checked).isGreaterThan(3);
    }

    private String key(String ref, String kind, String date) {
        for (Reminder r : reminders.values()) {
            if (r.taskRef().equals(ref) && r.kind().name().equals(kind) && r.date().toString().equals(date)) {
                return r.key();
            }
        }
        return ref + " " + kind + " " + date + " (not decided)";
    }
}
