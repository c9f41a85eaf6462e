package planbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.scheduler.digest.Subscription;
import planbot.scheduler.reminder.ReminderKind;
import planbot.storage.OutboxEntry;
import planbot.storage.OutboxMessage;

/** The console as the first messenger: what it prints, the id it answers with, and that it shares its writer safely. */
class ConsoleMessengerTest {
    @TempDir
    Path dir;

    private static ReminderNotice reminder(long id, String description) {
        return new ReminderNotice(id, "rem:1:2:OVERDUE:2023-05-15", ReminderKind.OVERDUE, "EN003/01", description,
                "ENFORCEMENT 003", null, java.time.LocalDate.of(2023, 5, 1), 14, "HoP", "HoP", null, null,
                Button.forReminder(7), "test-council", 2);
    }

    @Test
    void aReminderIsPrintedAsPlainTextUnderAHeadingWithTheConsolesWayToAnswerIt() {
        // GIVEN a console
        StringWriter screen = new StringWriter();
        ConsoleMessenger console = new ConsoleMessenger(new PrintWriter(screen));
        // WHEN a reminder whose description hides a terminal escape is sent
        SendResult result = console.send(reminder(42, "Draft the policy \u001b[2J<now>"),
                new Recipient("console", "person:HoP", "HoP"));
        // THEN it is printed, the escape made harmless, and its id names the outbox row
        assertThat(result).isEqualTo(new SendResult.Sent("console-42"));
        assertThat(screen.toString()).isEqualTo("\n"
                + "🔔 Reminder for HoP\n"
                + "EN003/01 is overdue: it was due on 01/05/2023, 14 days ago. Is it done, or does it need a new date?\n"
                + "    Draft the policy ␛[2J<now>\n"
                + "    Action: ENFORCEMENT 003\n"
                + "    [Done] [On target] [At risk] [New date] [Snooze 1w]\n"
                + "    Answer with: reply EN003/01 done | on target | at risk | new date dd/mm/yyyy | snooze 1w\n");
    }

    @Test
    void severalRemindersArePrintedAsOneMessageOverdueFirstWithOneLineEachWhenCompact() {
        // GIVEN two reminders for HoP: one due in 7 working days, one overdue
        ReminderNotice comingUp = new ReminderNotice(43, "rem:1:3:BEFORE_7:2023-05-15", ReminderKind.parse("BEFORE_7"),
                "EN003/02", "Consult", "ENFORCEMENT 003", null, java.time.LocalDate.of(2023, 5, 24), 0, "HoP", "HoP", null,
                null, Button.forReminder(7), "test-council", 3);
        ReminderGroup group = ReminderGroup.of(List.of(comingUp, reminder(42, "Draft")));
        // WHEN they are printed, in full and compact
        StringWriter full = new StringWriter();
        StringWriter compact = new StringWriter();
        SendResult sent = new ConsoleMessenger(new PrintWriter(full)).send(group, new Recipient("console", "person:HoP", "HoP"));
        new ConsoleMessenger(new PrintWriter(compact), new PlainNoticeRenderer(true), java.time.Duration.ZERO)
                .send(group, new Recipient("console", "person:HoP", "HoP"));
        // THEN one heading, the overdue task first, each with its details, and the console's way to answer each
        assertThat(sent).isEqualTo(new SendResult.Sent("console-42"));
        assertThat(full.toString()).isEqualTo("\n"
                + "🔔 2 tasks need you today, HoP\n"
                + "  • EN003/01 is overdue: it was due on 01/05/2023, 14 days ago. Is it done, or does it need a new date?\n"
                + "      Draft\n"
                + "      Action: ENFORCEMENT 003\n"
                + "  • EN003/02 is due in 7 working days, on 24/05/2023.\n"
                + "      Consult\n"
                + "      Action: ENFORCEMENT 003\n"
                + "  [Done] [On target] [At risk] [New date] [Snooze 1w]\n"
                + "  Answer with: reply EN003/01 done | on target | at risk | new date dd/mm/yyyy | snooze 1w\n");
        assertThat(compact.toString()).isEqualTo("\n"
                + "🔔 2 tasks need you today, HoP\n"
                + "  • EN003/01 is overdue: it was due on 01/05/2023, 14 days ago. Is it done, or does it need a new date?\n"
                + "  • EN003/02 is due in 7 working days, on 24/05/2023.\n");
    }

    @Test
    void noticesAndChatOutputNeverInterleaveMidMessage() throws InterruptedException {
        // GIVEN a writer shared by the chat and the messenger
        StringWriter screen = new StringWriter();
        PrintWriter out = new PrintWriter(screen);
        ConsoleMessenger console = new ConsoleMessenger(out);
        String block = new PlainNoticeRenderer().render(reminder(7, "A task"));
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        // WHEN two threads send notices while two print chat replies, all at once
        for (int t = 0; t < 4; t++) {
            boolean notices = t % 2 == 0;
            threads.add(new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (int i = 0; i < 300; i++) {
                    if (notices) {
                        console.send(reminder(7, "A task"), new Recipient("console", "x", "HoP"));
                    } else {
                        out.println("✓ EN003/02 updated to Completed (chat line " + i + ")");
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        // THEN every notice appears whole
        String all = screen.toString();
        int whole = 0;
        for (int at = all.indexOf(block); at >= 0; at = all.indexOf(block, at + 1)) {
            whole++;
        }
        assertThat(whole).isEqualTo(600);
    }

    @Test
    void throughTheDispatcherTheConsoleShowsRemindersAndDigestsAsTheyFire() {
        try (DeliveryFixture f = DeliveryFixture.open(dir, List.of(
                DeliveryFixture.task(1, "Draft the policy", DeliveryFixture.DAY, "HoP"),
                DeliveryFixture.task(2, "Consult", DeliveryFixture.DAY, null)))) {
            // GIVEN the sweep's reminders and this week's digest in the outbox
            f.sweep();
            Instant monday = f.clock.instant();
            f.outbox.enqueue(List.of(new OutboxEntry(f.tenant.id(), "dig:test-council:console:2023-W20", "DIGEST", null,
                    "CHANNEL", "console", DigestPayload.of(Subscription.weekly(DeliveryFixture.TENANT, "console", null, null),
                            monday, null).toJson())), monday);
            StringWriter screen = new StringWriter();
            OutboxDispatcher dispatcher = f.dispatcher(DeliveryConfig.defaults(),
                    List.of(new ConsoleMessenger(new PrintWriter(screen))), new ChatRouting(f.stores.people(), new planbot.storage.JdbiChannelRepository(f.db), List.of("console")));
            // WHEN the dispatcher runs
            DispatchReport report = dispatcher.runOnce();
            // THEN all three were printed at once (the console has no pace) and recorded with console ids
            assertThat(report.sent()).isEqualTo(3);
            assertThat(screen.toString())
                    .contains("🔔 Reminder for HoP\nEN001/01 is due today (15/05/2023).\n    Draft the policy\n")
                    .contains("🔔 Reminder for the owner of EN001/02\nEN001/02 is due today (15/05/2023).\n")
                    .contains("📊 Weekly digest: all plans (for console)\nWeekly digest: all plans\n")
                    .contains("(The chart is attached on chat platforms.)");
            assertThat(f.rows()).allSatisfy(m -> {
                assertThat(m.state()).isEqualTo(OutboxMessage.State.SENT);
                assertThat(m.platformMessageId()).isEqualTo("console-" + m.id());
            });
        }
    }

    @Test
    void aDigestRowBecomesTheDigestOfItsScopeWithAPngChart() throws Undeliverable {
        try (DeliveryFixture f = DeliveryFixture.open(dir, List.of(
                DeliveryFixture.task(1, "Draft the policy", DeliveryFixture.DAY.minusDays(3), "HoP")))) {
            // GIVEN a digest row for a channel, and one for a section the plan does not have
            Subscription s = Subscription.weekly(DeliveryFixture.TENANT, "slack:C123", null, null);
            Subscription wrong = Subscription.weekly(DeliveryFixture.TENANT, "slack:C999", "Test plan", "NO SUCH SECTION");
            Instant at = f.clock.instant();
            f.outbox.enqueue(List.of(
                    new OutboxEntry(f.tenant.id(), "dig:a", "DIGEST", null, "CHANNEL", "slack:C123",
                            DigestPayload.of(s, at, at.minus(Duration.ofDays(7))).toJson()),
                    new OutboxEntry(f.tenant.id(), "dig:b", "DIGEST", null, "CHANNEL", "slack:C999",
                            DigestPayload.of(wrong, at, null).toJson())), at);
            // WHEN they are built
            DigestNotice notice = (DigestNotice) f.notices.build(f.tenant, f.row("dig:a"), at);
            // THEN the digest lists the overdue task and carries a PNG; the misspelt section is undeliverable, saying why
            assertThat(notice.channel()).isEqualTo("slack:C123");
            assertThat(notice.digest().overdue()).extracting(o -> o.task().ref()).containsExactly("EN001/01");
            assertThat(notice.chartPng()).startsWith(0x89, 'P', 'N', 'G');
            assertThat(notice.heading()).isEqualTo("Weekly digest: all plans");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.notices.build(f.tenant, f.row("dig:b"), at))
                    .isInstanceOf(Undeliverable.class).hasMessageContaining("NO SUCH SECTION");
        }
    }
}
