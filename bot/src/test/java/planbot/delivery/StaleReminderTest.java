package planbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.domain.AuditEvent;
import planbot.domain.PlanDate;
import planbot.domain.Source;
import planbot.domain.Status;
import planbot.domain.Task;
import planbot.storage.OutboxMessage;

/**
 * A reminder waits in the outbox between the sweep that decided it and its send (pacing, retries, a platform that
 * was down). If by then it no longer applies to its task as the task is now, the dispatcher skips it: SKIPPED with
 * the reason, audited as "reminder skipped", nothing posted, and no admin told, since it is not a failure.
 */
class StaleReminderTest {
    @TempDir
    Path dir;

    /** The one reminder row the sweep decided, after the task was changed by {@code change}; then one dispatch. */
    private static OutboxMessage decideChangeAndDispatch(DeliveryFixture f, String ref, java.util.function.UnaryOperator<Task> change) {
        assertThat(f.sweep().decided()).hasSize(1);
        String key = f.rows().get(0).key();
        long id = f.taskId(ref);
        Task now = f.stores.tasks().get(f.tenant, id).orElseThrow().task();
        f.stores.tasks().update(f.tenant, id, change.apply(now), f.clock.instant());
        f.dispatcher().runOnce();
        return f.row(key);
    }

    private static void assertSkippedQuietly(DeliveryFixture f, OutboxMessage row, String ref, String reason) {
        assertThat(row.state()).isEqualTo(OutboxMessage.State.SKIPPED);
        assertThat(row.lastError()).isEqualTo(reason);
        assertThat(f.messenger.posted()).isEmpty();
        assertThat(f.rows(OutboxDispatcher.ADMIN)).isEmpty();
        AuditEvent event = f.audit(ref).get(0);
        assertThat(event.entity()).isEqualTo("reminder");
        assertThat(event.source()).isEqualTo(Source.SCHEDULER);
        assertThat(event.change()).isEqualTo("reminder skipped");
        assertThat(event.after()).isEqualTo(row.entry().kind());
        assertThat(event.note()).isEqualTo(reason);
    }

    @Test
    void aReminderForATaskCompletedBetweenTheSweepAndTheSendIsSkippedAuditedAndNotPosted() {
        try (DeliveryFixture f = DeliveryFixture.open(dir, List.of(DeliveryFixture.task(1, "Draft", DeliveryFixture.DAY, "Olivia")))) {
            // GIVEN a "due today" reminder decided, WHEN the task is completed before the dispatcher gets to it
            OutboxMessage row = decideChangeAndDispatch(f, "EN001/01", t -> t.withStatus(Status.of("Completed")));
            // THEN it is skipped, with the reason, audited, and nobody hears of it
            assertSkippedQuietly(f, row, "EN001/01", "EN001/01 was marked \"Completed\" before it was sent");
            // AND the next pass has nothing to claim
            assertThat(f.dispatcher().runOnce().claimed()).isZero();
        }
    }

    @Test
    void aReminderForAClosedTaskIsSkippedToo() {
        try (DeliveryFixture f = DeliveryFixture.open(dir, List.of(DeliveryFixture.task(1, "Draft", DeliveryFixture.DAY, "Olivia")))) {
            OutboxMessage row = decideChangeAndDispatch(f, "EN001/01", t -> t.withStatus(Status.of("Closed - no longer required")));
            assertThat(row.state()).isEqualTo(OutboxMessage.State.SKIPPED);
            assertThat(f.messenger.posted()).isEmpty();
        }
    }

    @Test
    void theOldDatesReminderIsSkippedWhenTheTargetMoved() {
        try (DeliveryFixture f = DeliveryFixture.open(dir, List.of(DeliveryFixture.task(1, "Draft", DeliveryFixture.DAY, "Olivia")))) {
            // GIVEN "due today" decided for 15/05/2023, WHEN the target moves to 30/06/2023 before it is sent
            OutboxMessage row = decideChangeAndDispatch(f, "EN001/01", t -> t.withTarget(PlanDate.of(LocalDate.of(2023, 6, 30))));
            // THEN the reminder about the old date is skipped
            assertSkippedQuietly(f, row, "EN001/01", "EN001/01's target date is now 30/06/2023, not 15/05/2023");
        }
    }

    @Test
    void anOverdueReminderIsSkippedWhenTheTargetBecameTbc() {
        try (DeliveryFixture f = DeliveryFixture.open(dir, List.of(
                DeliveryFixture.task(1, "Draft", DeliveryFixture.DAY.minusDays(3), "Olivia")))) {
            OutboxMessage row = decideChangeAndDispatch(f, "EN001/01",
                    t -> t.withTarget(new PlanDate(PlanDate.Kind.TBC, null, PlanDate.Precision.DAY, null, null)));
            assertThat(row.entry().kind()).isEqualTo("OVERDUE");
            assertThat(row.state()).isEqualTo(OutboxMessage.State.SKIPPED);
            assertThat(row.lastError()).isEqualTo("EN001/01's target date is now TBC, not 12/05/2023");
        }
    }

    @Test
    void aTbcNudgeForATaskThatGotADateIsSkipped() {
        Task tbc = new Task("EN001/01", "Draft", Status.of("On target"), null, null,
                new PlanDate(PlanDate.Kind.TBC, null, PlanDate.Precision.DAY, null, null), null, "Olivia", null);
        try (DeliveryFixture f = DeliveryFixture.open(dir, List.of(tbc))) {
            // GIVEN the monthly "can you set a date?" nudge decided, WHEN the owner sets a date before it is sent
            OutboxMessage row = decideChangeAndDispatch(f, "EN001/01", t -> t.withTarget(PlanDate.of(LocalDate.of(2023, 7, 31))));
            // THEN it is skipped
            assertThat(row.entry().kind()).isEqualTo("TBC_NUDGE");
            assertSkippedQuietly(f, row, "EN001/01", "EN001/01's target date is no longer TBC: it is 31/07/2023");
        }
    }

    @Test
    void aReminderForATaskSnoozedPastTodayIsSkipped() {
        try (DeliveryFixture f = DeliveryFixture.open(dir, List.of(DeliveryFixture.task(1, "Draft", DeliveryFixture.DAY, "Olivia")))) {
            // GIVEN "due today" decided, WHEN the owner snoozes the task for a week before it is sent
            assertThat(f.sweep().decided()).hasSize(1);
            String key = f.rows().get(0).key();
            f.stores.snoozes().snooze(f.tenant, f.taskId("EN001/01"), DeliveryFixture.DAY.plusDays(7), "Olivia", Source.SLACK,
                    null, f.clock.instant());
            f.dispatcher().runOnce();
            // THEN it is skipped until the snooze ends
            assertSkippedQuietly(f, f.row(key), "EN001/01", "EN001/01 is snoozed until 22/05/2023");
        }
    }

    @Test
    void aReminderForAnUnchangedTaskIsSentAsBefore() {
        try (DeliveryFixture f = DeliveryFixture.open(dir, List.of(DeliveryFixture.task(1, "Draft", DeliveryFixture.DAY, "Olivia")))) {
            // GIVEN "due today" decided, WHEN only the task's notes change before it is sent
            OutboxMessage row = decideChangeAndDispatch(f, "EN001/01",
                    t -> new Task(t.ref(), t.description(), t.status(), t.term(), t.start(), t.target(), t.timescale(),
                            t.owner(), "draft with legal"));
            // THEN it is sent and audited as sent
            assertThat(row.state()).isEqualTo(OutboxMessage.State.SENT);
            assertThat(f.messenger.posted()).hasSize(1);
            assertThat(f.audit("EN001/01").get(0).change()).isEqualTo("reminder sent");
        }
    }
}
