package planbot.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.App;
import planbot.command.Command;
import planbot.command.CommandParser;
import planbot.command.DateParser;
import planbot.command.ParseResult;
import planbot.domain.Role;
import planbot.platform.Finding;
import planbot.reply.Failure;
import planbot.reply.Listing;
import planbot.reply.Reply;
import planbot.scheduler.reminder.ReminderPolicy;
import planbot.testing.TestBot;

/**
 * The doctor's own rules, without a platform: {@code /plan doctor} is for admins and shows the same findings as a
 * checklist, problems first; waiting messages are counted by reason; the next send follows the policy's working days.
 */
class DoctorTest {
    @TempDir
    Path dir;
    TestBot bot;

    @BeforeEach
    void open() {
        bot = TestBot.withSample(dir).person("Ada Admin", Role.ADMIN).person("Vic Viewer", Role.VIEWER);
    }

    @AfterEach
    void close() {
        bot.close();
    }

    @Test
    void givenAnAdmin_whenTheyAskForTheDoctor_thenTheyGetTheChecklistProblemsFirst() {
        Reply reply = bot.send("Ada Admin", "doctor");

        assertThat(reply).isInstanceOf(Listing.class);
        Listing checklist = (Listing) reply;
        assertThat(checklist.title()).startsWith("planbot's set-up for test-council: 1 problem (reminders cannot all be delivered)");
        assertThat(checklist.lines().get(0)).startsWith("❌ No chat platform is configured");
        assertThat(checklist.lines()).anySatisfy(l -> assertThat(l).startsWith("✅ The sqlite database is up to date"));
        assertThat(checklist.lines()).anySatisfy(l -> assertThat(l).startsWith("✅ The next reminders go out on Monday 15 May 2023 at 09:00"));
    }

    @Test
    void givenSomeoneWhoIsNotAnAdmin_whenTheyAskForTheDoctor_thenTheyAreRefused() {
        Reply reply = bot.send("Vic Viewer", "doctor");

        assertThat(reply).isInstanceOf(Failure.class);
        assertThat(bot.render(reply)).contains("Only an admin can run the doctor.");
    }

    @Test
    void givenDoctorWithWordsAfterIt_whenParsed_thenItIsRefusedAndBareDoctorParses() {
        Reply refused = bot.send("Ada Admin", "doctor now");

        assertThat(refused).isInstanceOf(Failure.class);
        assertThat(bot.render(refused)).contains("doctor");
        assertThat(new CommandParser(new DateParser(bot.clock(), App.ZONE)).parse("/plan doctor", java.util.List::of))
                .isEqualTo(new ParseResult.Parsed(new Command.Doctor()));
    }

    @Test
    void givenMessagesWaitingWithAReason_whenTheDoctorRuns_thenTheyAreCountedByReasonAsAWarning() {
        bot.app().database().withHandle(h -> {
            for (int i = 0; i < 3; i++) {
                h.execute("INSERT INTO outbox (tenant_id, idempotency_key, key_day, kind, recipient_kind, payload, state, attempts,"
                        + " next_attempt_at, last_error, created_at) VALUES (?, ?, '', 'OVERDUE', 'OWNER', '{}', ?, 0, 0, ?, 0)",
                        bot.tenant().id(), "k" + i, i == 2 ? "SENT" : "NEW", i == 2 ? null : "Slack is rate limiting");
            }
            return null;
        });

        Report report = bot.app().doctor().examine(TestBot.TENANT, java.util.List.of());

        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING);
            assertThat(f.text()).isEqualTo("2 messages are waiting (new): Slack is rate limiting.");
        });
    }

    @Test
    void givenAFridayAfterTheSendTimeBeforeABankHoliday_whenTheNextSendIsWorkedOut_thenItIsTheNextWorkingDay() {
        ReminderPolicy p = ReminderPolicy.defaults();
        // Friday 26 May 2023 at 10:00; Monday 29 May is the spring bank holiday
        ZonedDateTime friday = ZonedDateTime.of(2023, 5, 26, 10, 0, 0, 0, App.ZONE);

        assertThat(Doctor.nextSend(p, friday)).isEqualTo(ZonedDateTime.of(2023, 5, 30, 9, 0, 0, 0, App.ZONE));
        assertThat(Doctor.nextSend(p, friday.withHour(8))).isEqualTo(ZonedDateTime.of(2023, 5, 26, 9, 0, 0, 0, App.ZONE));
        assertThat(Doctor.nextSend(p, friday.plusDays(1))).isEqualTo(ZonedDateTime.of(2023, 5, 30, 9, 0, 0, 0, App.ZONE));
    }
}
