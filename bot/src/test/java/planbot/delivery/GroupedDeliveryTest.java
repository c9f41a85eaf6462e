package planbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.domain.AuditEvent;
import planbot.domain.Status;
import planbot.domain.Task;
import planbot.storage.OutboxMessage;

/**
 * One message per recipient per moment: a sweep's reminders for one person go out as one {@link ReminderGroup}, while
 * the outbox keeps one row per task (sent, skipped, retried and dead per row), on a real SQLite file through the
 * real dispatcher and the fake platform.
 */
class GroupedDeliveryTest {
    @TempDir
    Path dir;

    @Test
    void twelveRemindersForOneOwnerAtOneMomentAreOneMessageAndEveryRowIsSentAsIt() {
        try (DeliveryFixture f = DeliveryFixture.open(dir, DeliveryFixture.dueToday(12, "Olivia"))) {
            // GIVEN a sweep that decides 12 "due today" reminders for Olivia
            assertThat(f.sweep().decided()).hasSize(12);

            // WHEN the dispatcher runs once
            DispatchReport report = f.dispatcher().runOnce();

            // THEN one message reached her, about all 12 tasks
            assertThat(report.sent()).isEqualTo(12);
            assertThat(f.messenger.calls()).hasSize(1);
            FakeMessenger.Call call = f.messenger.posted().get(0);
            ReminderGroup group = (ReminderGroup) call.notice();
            assertThat(group.reminders()).hasSize(12);
            assertThat(group.heading()).isEqualTo("12 tasks need you today, Olivia");
            assertThat(group.text()).startsWith("Due today: EN001/01, EN001/02,");
            // AND every row is SENT with the one message id, and audited as its own reminder
            String messageId = ((SendResult.Sent) call.result()).platformMessageId();
            assertThat(f.rows()).hasSize(12).allSatisfy(r -> {
                assertThat(r.state()).isEqualTo(OutboxMessage.State.SENT);
                assertThat(r.platformMessageId()).isEqualTo(messageId);
            });
            assertThat(f.audit("EN001/07")).extracting(AuditEvent::change).containsExactly("reminder sent");
            // AND the message id leads back to all 12 tasks
            ReminderThreads threads = new ReminderThreads(f.outbox, f.stores.tenants(), f.stores.tasks());
            assertThat(threads.findTasksByMessageId(messageId)).hasSize(12);
        }
    }

    @Test
    void aTaskFinishedBeforeSendingDropsOutOfTheMessageAndItsRowIsSkipped() {
        try (DeliveryFixture f = DeliveryFixture.open(dir, DeliveryFixture.dueToday(12, "Olivia"))) {
            // GIVEN 12 reminders for Olivia, WHEN one task is completed before the dispatcher runs
            f.sweep();
            long id = f.taskId("EN001/05");
            Task now = f.stores.tasks().get(f.tenant, id).orElseThrow().task();
            f.stores.tasks().update(f.tenant, id, now.withStatus(Status.of("Completed")), f.clock.instant());
            DispatchReport report = f.dispatcher().runOnce();

            // THEN one message lists the other 11
            assertThat(report.sent()).isEqualTo(11);
            assertThat(report.skipped()).isEqualTo(1);
            ReminderGroup group = (ReminderGroup) f.messenger.posted().get(0).notice();
            assertThat(group.reminders()).hasSize(11).extracting(ReminderNotice::taskRef).doesNotContain("EN001/05");
            // AND the finished task's row is SKIPPED with the reason, audited
            OutboxMessage skipped = f.rows().stream().filter(r -> r.entry().taskId() == id).findFirst().orElseThrow();
            assertThat(skipped.state()).isEqualTo(OutboxMessage.State.SKIPPED);
            assertThat(skipped.lastError()).isEqualTo("EN001/05 was marked \"Completed\" before it was sent");
            assertThat(f.audit("EN001/05").get(0).change()).isEqualTo("reminder skipped");
            assertThat(f.messenger.calls()).hasSize(1);
        }
    }

    @Test
    void overdueRemindersComeFirstAndEachPersonGetsTheirOwnMessage() {
        try (DeliveryFixture f = DeliveryFixture.open(dir, List.of(
                DeliveryFixture.task(1, "Coming up", DeliveryFixture.DAY.plusDays(20), "Olivia"),
                DeliveryFixture.task(2, "Today", DeliveryFixture.DAY, "Olivia"),
                DeliveryFixture.task(3, "Late", DeliveryFixture.DAY.minusDays(30), "Olivia"),
                DeliveryFixture.task(4, "Priya's", DeliveryFixture.DAY, "Priya")))) {
            f.sweep();
            f.dispatcher().runOnce();

            List<FakeMessenger.Call> posted = f.messenger.posted();
            assertThat(posted).hasSize(2);
            ReminderGroup olivia = (ReminderGroup) posted.stream().filter(c -> c.to().address().equals("dm-Olivia"))
                    .findFirst().orElseThrow().notice();
            assertThat(olivia.reminders()).extracting(ReminderNotice::taskRef).containsExactly("EN001/03", "EN001/02", "EN001/01");
            assertThat(olivia.text()).isEqualTo("Overdue: EN001/03. Due today: EN001/02. Coming up: EN001/01.");
            // a single reminder keeps its own layout
            assertThat(posted.stream().filter(c -> c.to().address().equals("dm-Priya")).findFirst().orElseThrow().notice())
                    .isInstanceOf(ReminderNotice.class);
        }
    }

    @Test
    void aMessageThatFailsForNowRetriesAllItsRowsTogetherAndOneThatFailsForGoodTellsTheAdminOnce() {
        try (DeliveryFixture f = DeliveryFixture.open(dir, DeliveryFixture.dueToday(3, "Olivia"))) {
            // GIVEN Olivia's three reminders, and a platform that answers 503 once, then refuses for good
            f.sweep();
            f.messenger.thenAnswer("dm-Olivia", new SendResult.RetryLater(null, "HTTP 503"),
                    new SendResult.Permanent("account_inactive"));

            // WHEN the dispatcher runs, THEN all three rows wait for one retry at the same moment
            f.dispatcher().runOnce();
            Set<java.time.Instant> due = new HashSet<>();
            f.rows().forEach(r -> {
                assertThat(r.state()).isEqualTo(OutboxMessage.State.NEW);
                due.add(r.nextAttemptAt());
            });
            assertThat(due).hasSize(1);

            // WHEN it runs again after the backoff, THEN all three are DEAD and the admin is told once, about all three
            f.clock.advance(Duration.ofMinutes(2));
            f.dispatcher().runOnce();
            f.dispatcher().runOnce(); // the admin's notice, enqueued by the pass before
            List<OutboxMessage> reminders = new ArrayList<>();
            f.rows().forEach(r -> {
                if (!r.entry().kind().equals(OutboxDispatcher.ADMIN)) {
                    reminders.add(r);
                }
            });
            assertThat(reminders).hasSize(3).allSatisfy(r -> assertThat(r.state()).isEqualTo(OutboxMessage.State.DEAD));
            assertThat(f.messenger.calls()).hasSize(3); // the 503, the refusal, and the admin's notice
            assertThat(f.rows(OutboxDispatcher.ADMIN)).hasSize(1);
            AdminNotice told = (AdminNotice) f.messenger.posted().get(0).notice();
            assertThat(told.what()).isEqualTo("a message of 3 reminders (EN001/01, EN001/02, EN001/03) for Olivia");
            assertThat(f.audit("EN001/02").get(0).change()).isEqualTo("reminder undelivered");
        }
    }
}
