package planbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.domain.AuditEvent;
import planbot.domain.Source;
import planbot.storage.OutboxEntry;
import planbot.storage.OutboxMessage;

/**
 * The dispatcher against a real SQLite outbox filled by the real sweep, sending to a fake platform that keeps a
 * real platform's rules, with a clock only the test moves.
 */
class OutboxDispatcherTest {
    @TempDir
    Path dir;

    @Test
    void aDueReminderIsSentOnceWithItsMessageIdStoredFindableAndAudited() {
        try (DeliveryFixture f = DeliveryFixture.open(dir, List.of(
                DeliveryFixture.task(1, "Draft the policy", DeliveryFixture.DAY, "Olivia")))) {
            // GIVEN the sweep has decided one "due today" reminder for Olivia
            assertThat(f.sweep().decided()).hasSize(1);
            String key = f.rows().get(0).key();
            OutboxDispatcher dispatcher = f.dispatcher();

            // WHEN the dispatcher runs
            DispatchReport report = dispatcher.runOnce();

            // THEN Olivia got it, in her channel, worded for the day
            assertThat(report.sent()).isEqualTo(1);
            assertThat(f.messenger.posted()).hasSize(1);
            FakeMessenger.Call call = f.messenger.posted().get(0);
            assertThat(call.to()).isEqualTo(new Recipient("fake", "dm-Olivia", "Olivia"));
            ReminderNotice notice = (ReminderNotice) call.notice();
            assertThat(notice.heading()).isEqualTo("Reminder for Olivia");
            assertThat(notice.text()).isEqualTo("EN001/01 is due today (15/05/2023).");
            assertThat(notice.description()).isEqualTo("Draft the policy");
            // AND the row is SENT with the platform's id, which leads back to the task
            String messageId = ((SendResult.Sent) call.result()).platformMessageId();
            OutboxMessage row = f.row(key);
            assertThat(row.state()).isEqualTo(OutboxMessage.State.SENT);
            assertThat(row.platformMessageId()).isEqualTo(messageId);
            assertThat(row.sentAt()).isEqualTo(DeliveryFixture.NINE);
            ReminderThreads threads = new ReminderThreads(f.outbox, f.stores.tenants(), f.stores.tasks());
            assertThat(threads.findTasksByMessageId(messageId)).singleElement().satisfies(t -> {
                assertThat(t.taskRef()).isEqualTo("EN001/01");
                assertThat(t.taskId()).isEqualTo(f.taskId("EN001/01"));
                assertThat(t.tenant()).isEqualTo(f.tenant);
                assertThat(t.outboxKey()).isEqualTo(key);
            });
            assertThat(threads.findTasksByMessageId("fake:dm-Olivia:999")).isEmpty();
            // AND the audit trail says a reminder was sent, by the scheduler
            AuditEvent sent = f.audit("EN001/01").get(0);
            assertThat(sent.entity()).isEqualTo("reminder");
            assertThat(sent.source()).isEqualTo(Source.SCHEDULER);
            assertThat(sent.change()).isEqualTo("reminder sent");
            assertThat(sent.after()).isEqualTo("DUE_TODAY to Olivia on fake");
        }
    }

    @Test
    void runningTheDispatcherAndTheSweepAgainSendsNothingTwice() {
        try (DeliveryFixture f = DeliveryFixture.open(dir, List.of(
                DeliveryFixture.task(1, "Draft", DeliveryFixture.DAY, "Olivia"),
                DeliveryFixture.task(2, "Consult", DeliveryFixture.DAY.minusDays(30), "Priya"),
                DeliveryFixture.task(3, "Publish", DeliveryFixture.DAY.plusDays(20), "Olivia")))) {
            // GIVEN a sweep's reminders, all delivered
            int decided = f.sweep().decided().size();
            assertThat(decided).isGreaterThanOrEqualTo(3); // due today, overdue (its escalations predate the import), 14 days before
            f.dispatcher().runOnce();
            assertThat(f.messenger.posted()).hasSize(2); // Olivia's two reminders in one message, and Priya's

            // WHEN the sweep runs again, and two dispatchers run, later the same day and the next
            f.sweep();
            f.dispatcher().runOnce();
            f.clock.advance(Duration.ofHours(2));
            f.sweep();
            f.dispatcher().runOnce();
            f.dispatcher().runOnce();

            // THEN nothing was sent twice
            Set<String> keys = new HashSet<>();
            for (FakeMessenger.Call c : f.messenger.posted()) {
                for (String key : c.keys()) {
                    assertThat(keys.add(key)).as("sent twice: %s", key).isTrue();
                }
            }
            assertThat(keys).hasSize(decided);
            assertThat(f.messenger.calls()).hasSize(2);
            assertThat(f.rows()).allSatisfy(m -> assertThat(m.state()).isEqualTo(OutboxMessage.State.SENT));
        }
    }

    @Test
    void aRateLimitedSendWaitsAsLongAsThePlatformSaysAndOtherFailuresBackOffExponentially() {
        try (DeliveryFixture f = DeliveryFixture.open(dir, List.of(
                DeliveryFixture.task(1, "Draft", DeliveryFixture.DAY, "Olivia")))) {
            f.sweep();
            String key = f.rows().get(0).key();
            // GIVEN a platform that answers 429 with Retry-After: 120, then fails twice without saying how long
            f.messenger.thenAnswer("dm-Olivia", new SendResult.RetryLater(Duration.ofSeconds(120), "ratelimited"),
                    new SendResult.RetryLater(null, "HTTP 503"), new SendResult.RetryLater(null, "HTTP 503"));
            OutboxDispatcher dispatcher = f.dispatcher();

            // WHEN it runs: the first attempt is rate-limited
            assertThat(dispatcher.runOnce().retried()).isEqualTo(1);
            // THEN the row waits exactly the retry-after, keeping the reason
            OutboxMessage waiting = f.row(key);
            assertThat(waiting.state()).isEqualTo(OutboxMessage.State.NEW);
            assertThat(waiting.lastError()).isEqualTo("ratelimited");
            assertThat(waiting.nextAttemptAt()).isEqualTo(DeliveryFixture.NINE.plusSeconds(120));
            f.clock.advance(Duration.ofSeconds(119));
            assertThat(dispatcher.runOnce().claimed()).isZero();

            // WHEN the retry-after has passed: a 503, and the backoff starts at 30 s
            f.clock.advance(Duration.ofSeconds(1));
            dispatcher.runOnce();
            Instant second = f.clock.instant();
            assertThat(f.row(key).nextAttemptAt()).isEqualTo(second.plusSeconds(60)); // attempt 2: 30 s doubled
            f.clock.advance(Duration.ofSeconds(60));
            dispatcher.runOnce();
            assertThat(f.row(key).nextAttemptAt()).isEqualTo(f.clock.instant().plusSeconds(120)); // attempt 3
            f.clock.advance(Duration.ofSeconds(120));
            dispatcher.runOnce();

            // THEN the fourth attempt is sent, and only it was posted
            assertThat(f.row(key).state()).isEqualTo(OutboxMessage.State.SENT);
            assertThat(f.row(key).attempts()).isEqualTo(4);
            assertThat(f.messenger.calls()).hasSize(4);
            assertThat(f.messenger.posted()).hasSize(1);
        }
    }

    @Test
    void givenASentADeadAndAStaleRow_thenEachOutcomeIsCountedOnceWithItsPlatform() {
        try (DeliveryFixture f = DeliveryFixture.open(dir, List.of(
                DeliveryFixture.task(1, "Draft", DeliveryFixture.DAY, "Olivia"),
                DeliveryFixture.task(2, "Consult", DeliveryFixture.DAY, "Priya"),
                DeliveryFixture.task(3, "Publish", DeliveryFixture.DAY, "Sam")))) {
            // GIVEN Priya's channel does not exist, and Sam's task is finished after its reminder was decided
            f.messenger.missingChannel("dm-Priya");
            f.sweep();
            long sams = f.taskId("EN001/03");
            f.stores.tasks().update(f.tenant, sams, f.stores.tasks().get(f.tenant, sams).orElseThrow().task()
                    .withStatus(planbot.domain.Status.of("Completed")), f.clock.instant());
            io.micrometer.core.instrument.simple.SimpleMeterRegistry meters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
            OutboxDispatcher dispatcher = new OutboxDispatcher(f.db, f.outbox, f.stores.tenants(), f.stores.audit(), f.notices,
                    f.routing, List.of(f.messenger), DeliveryConfig.defaults(), f.clock, () -> 0.0, meters);
            // WHEN it runs until nothing is left
            for (int i = 0; i < 3; i++) {
                dispatcher.runOnce();
            }
            // THEN Olivia's reminder and the admin's notice were sent, Priya's died, Sam's was skipped before routing
            String platform = f.messenger.platform();
            assertThat(meters.counter("planbot.outbox.messages", "outcome", "sent", "platform", platform).count()).isEqualTo(2);
            assertThat(meters.counter("planbot.outbox.messages", "outcome", "dead", "platform", platform).count()).isEqualTo(1);
            assertThat(meters.counter("planbot.outbox.messages", "outcome", "skipped", "platform", "none").count()).isEqualTo(1);
            assertThat(meters.find("planbot.outbox.messages").counters()).hasSize(3);
        }
    }

    @Test
    void aPermanentFailureIsDeadWithItsReasonAndTheAdminIsToldExactlyOnce() {
        try (DeliveryFixture f = DeliveryFixture.open(dir, List.of(
                DeliveryFixture.task(1, "Draft", DeliveryFixture.DAY, "Olivia"),
                DeliveryFixture.task(2, "Consult", DeliveryFixture.DAY, "Priya")))) {
            // GIVEN Priya's channel does not exist on the platform
            f.messenger.missingChannel("dm-Priya");
            f.sweep();
            String priyas = f.rows().get(1).key();
            assertThat(f.row(priyas).entry().recipientName()).isEqualTo("Priya");

            // WHEN the dispatcher runs, again and again
            DispatchReport first = f.dispatcher().runOnce();
            for (int i = 0; i < 3; i++) {
                f.clock.advance(Duration.ofMinutes(10));
                f.dispatcher().runOnce();
            }

            // THEN Olivia's reminder went; Priya's is dead with the platform's reason, tried once
            assertThat(first.sent()).isEqualTo(1);
            assertThat(first.dead()).isEqualTo(1);
            OutboxMessage dead = f.row(priyas);
            assertThat(dead.state()).isEqualTo(OutboxMessage.State.DEAD);
            assertThat(dead.lastError()).startsWith("channel_not_found");
            assertThat(dead.attempts()).isEqualTo(1);
            // AND one admin notice was queued under dead:{id} and delivered to the admins' channel, saying what and why
            List<OutboxMessage> admin = f.rows(OutboxDispatcher.ADMIN);
            assertThat(admin).hasSize(1);
            assertThat(admin.get(0).key()).isEqualTo("dead:" + dead.id());
            assertThat(admin.get(0).state()).isEqualTo(OutboxMessage.State.SENT);
            List<FakeMessenger.Call> toAdmins = new ArrayList<>();
            for (FakeMessenger.Call c : f.messenger.posted()) {
                if (c.to().address().equals("admins")) {
                    toAdmins.add(c);
                }
            }
            assertThat(toAdmins).hasSize(1);
            AdminNotice notice = (AdminNotice) toAdmins.get(0).notice();
            assertThat(notice.failedKey()).isEqualTo(priyas);
            assertThat(notice.text()).startsWith("I could not deliver the DUE_TODAY reminder about EN001/02 for Priya: "
                    + "channel_not_found: there is no channel dm-Priya, or planbot is not in it.");
            // AND the task's history says so
            assertThat(f.audit("EN001/02")).extracting(AuditEvent::change).containsExactly("reminder undelivered");
        }
    }

    @Test
    void aRowThatKeepsFailingIsGivenUpAfterItsAttemptsAndAnUnreachablePersonIsHeldNotDead() {
        try (DeliveryFixture f = DeliveryFixture.open(dir, List.of(
                DeliveryFixture.task(1, "Draft", DeliveryFixture.DAY, "Olivia"),
                DeliveryFixture.task(2, "Consult", DeliveryFixture.DAY, "Sam")))) {
            // GIVEN a platform that times out three times on Olivia's reminder, and Sam has no chat account
            f.routing.unreachable("Sam");
            f.sweep();
            String olivias = f.rows().get(0).key();
            String sams = f.rows().get(1).key();
            SendResult timeout = new SendResult.RetryLater(null, "timed out");
            f.messenger.thenAnswer("dm-Olivia", timeout, timeout, timeout);
            OutboxDispatcher dispatcher = f.dispatcher(DeliveryConfig.defaults().withMaxAttempts(3));

            // WHEN the dispatcher keeps running for an hour
            for (int i = 0; i < 60; i++) {
                dispatcher.runOnce();
                f.clock.advance(Duration.ofMinutes(1));
            }

            // THEN Olivia's is dead after three attempts and the admin heard about it once; Sam's waits (held, with the
            // reason, no attempt counted), and the admin hears of it only in the day's one summary of what waits
            assertThat(f.row(olivias).state()).isEqualTo(OutboxMessage.State.DEAD);
            assertThat(f.row(olivias).lastError()).isEqualTo("timed out (gave up after 3 attempts)");
            assertThat(f.row(sams).state()).isEqualTo(OutboxMessage.State.HELD);
            assertThat(f.row(sams).lastError()).isEqualTo("nobody has linked a chat account to Sam");
            assertThat(f.row(sams).attempts()).isZero();
            String summary = OutboxDispatcher.HELD_KEY + f.tenant.id() + ":" + DeliveryFixture.DAY;
            assertThat(f.rows(OutboxDispatcher.ADMIN)).extracting(OutboxMessage::key)
                    .containsExactlyInAnyOrder("dead:" + f.row(olivias).id(), summary);
            assertThat(f.messenger.calls()).hasSize(3 + 2); // Olivia's three attempts, her admin notice and the summary
        }
    }

    @Test
    void anAdminNoticeThatCannotBeDeliveredDiesWithoutAnotherNotice() {
        try (DeliveryFixture f = DeliveryFixture.open(dir, List.of(
                DeliveryFixture.task(1, "Draft", DeliveryFixture.DAY, "Olivia")))) {
            // GIVEN neither Olivia's channel nor the admins' exists
            f.messenger.missingChannel("dm-Olivia").missingChannel("admins");
            f.sweep();
            // WHEN the dispatcher runs a few times
            for (int i = 0; i < 5; i++) {
                f.dispatcher().runOnce();
                f.clock.advance(Duration.ofMinutes(5));
            }
            // THEN the reminder and its one admin notice are dead, and nothing more was queued
            assertThat(f.rows()).hasSize(2).allSatisfy(m -> assertThat(m.state()).isEqualTo(OutboxMessage.State.DEAD));
            assertThat(f.messenger.calls()).hasSize(2);
        }
    }

    @Test
    void twentyRemindersForOneChannelArePacedAboutOneASecondAndAllDeliveredOnce() {
        List<planbot.domain.Task> tasks = new ArrayList<>(DeliveryFixture.dueToday(20, "Olivia"));
        tasks.add(DeliveryFixture.task(21, "Someone else's", DeliveryFixture.DAY, "Priya"));
        try (DeliveryFixture f = DeliveryFixture.open(dir, tasks)) {
            // GIVEN 20 reminders due at once for Olivia, and one for Priya, each decided at a moment of its own (one
            // sweep's would be one message)
            assertThat(f.sweep().decided()).hasSize(21);
            f.eachRowItsOwnMoment();
            OutboxDispatcher dispatcher = f.dispatcher();

            // WHEN the dispatcher runs every 100 ms of the test's clock for half a minute
            DispatchReport first = dispatcher.runOnce();
            for (int i = 0; i < 300; i++) {
                f.clock.advance(Duration.ofMillis(100));
                dispatcher.runOnce();
            }

            // THEN the first pass sent one to each channel and handed Olivia's other 19 back
            assertThat(first.sent()).isEqualTo(2);
            assertThat(first.deferred()).isEqualTo(19);
            assertThat(first.nextSlot()).isEqualTo(DeliveryFixture.NINE.plusSeconds(1));
            // AND the platform never had to refuse a post: Olivia's came a second apart, 19 s from first to last
            assertThat(f.messenger.rateLimited()).isZero();
            List<Instant> olivia = new ArrayList<>();
            for (FakeMessenger.Call c : f.messenger.calls()) {
                if (c.to().address().equals("dm-Olivia")) {
                    olivia.add(c.at());
                }
            }
            assertThat(olivia).hasSize(20);
            for (int i = 1; i < olivia.size(); i++) {
                assertThat(Duration.between(olivia.get(i - 1), olivia.get(i))).isBetween(Duration.ofSeconds(1),
                        Duration.ofMillis(1100));
            }
            assertThat(Duration.between(olivia.get(0), olivia.get(19))).isBetween(Duration.ofSeconds(19), Duration.ofSeconds(21));
            // AND each reminder went once, in the order the sweep wrote them; no attempt was counted for waiting
            Set<String> keys = new HashSet<>();
            f.messenger.posted().forEach(c -> keys.add(c.key()));
            assertThat(keys).hasSize(21);
            assertThat(f.rows()).allSatisfy(m -> {
                assertThat(m.state()).isEqualTo(OutboxMessage.State.SENT);
                assertThat(m.attempts()).isEqualTo(1);
            });
        }
    }

    @Test
    void aRowThatCannotBeReadIsDeadWithAReasonAnAdminCanActOn() {
        try (DeliveryFixture f = DeliveryFixture.open(dir, List.of(
                DeliveryFixture.task(1, "Draft", DeliveryFixture.DAY, "Olivia")))) {
            // GIVEN rows about a task that does not exist, of an unknown kind, and with a broken payload
            f.outbox.enqueue(List.of(
                    new OutboxEntry(f.tenant.id(), "rem:x:1", "OVERDUE", 999_999L, "OWNER", "Olivia",
                            "{\"type\":\"reminder\",\"taskRef\":\"EN009/09\",\"target\":\"2023-05-01\"}"),
                    new OutboxEntry(f.tenant.id(), "rem:x:2", "BIRTHDAY", f.taskId("EN001/01"), "OWNER", "Olivia",
                            "{\"type\":\"reminder\"}"),
                    new OutboxEntry(f.tenant.id(), "rem:x:3", "OVERDUE", f.taskId("EN001/01"), "OWNER", "Olivia", "{oops")),
                    f.clock.instant());
            // WHEN the dispatcher runs
            f.dispatcher().runOnce();
            // THEN each is dead with its reason, and the admin is told about each
            assertThat(f.row("rem:x:1").lastError()).isEqualTo("its task (EN009/09) is no longer in the plan");
            assertThat(f.row("rem:x:2").lastError()).isEqualTo("it is a reminder of a kind I do not know: BIRTHDAY");
            assertThat(f.row("rem:x:3").lastError()).isEqualTo("its payload is not JSON");
            assertThat(f.rows(OutboxDispatcher.ADMIN)).hasSize(3);
        }
    }

    @Test
    void aMessengerThatThrowsIsRetriedLikeATransientFailure() {
        try (DeliveryFixture f = DeliveryFixture.open(dir, List.of(
                DeliveryFixture.task(1, "Draft", DeliveryFixture.DAY, "Olivia")))) {
            f.sweep();
            String key = f.rows().get(0).key();
            // GIVEN a messenger whose first call blows up
            Messenger flaky = new Messenger() {
                private boolean failed;

                @Override
                public String platform() {
                    return FakeMessenger.PLATFORM;
                }

                @Override
                public SendResult send(Notice notice, Recipient recipient) {
                    if (!failed) {
                        failed = true;
                        throw new IllegalStateException("connection reset; token xoxb-secret");
                    }
                    return f.messenger.send(notice, recipient);
                }
            };
            OutboxDispatcher dispatcher = f.dispatcher(DeliveryConfig.defaults(), List.of(flaky));
            // WHEN it runs, and again after the backoff
            dispatcher.runOnce();
            OutboxMessage failed = f.row(key);
            f.clock.advance(Duration.ofSeconds(30));
            dispatcher.runOnce();
            // THEN the failure was kept without the exception's text, and the retry went through
            assertThat(failed.state()).isEqualTo(OutboxMessage.State.NEW);
            assertThat(failed.lastError()).isEqualTo("the fake messenger failed unexpectedly (see the log)");
            assertThat(f.row(key).state()).isEqualTo(OutboxMessage.State.SENT);
        }
    }
}
