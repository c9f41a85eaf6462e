package planbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import planbot.domain.StatusKind;

/** Today is Wednesday 15 May 2024 (see {@link Fixtures}). */
class ReminderReplyParserTest {

    private final ReminderReplyParser replies = new ReminderReplyParser(Fixtures.DATES);

    @ParameterizedTest(name = "GIVEN reply <{0}> WHEN parsed THEN status <{1}> meaning {2}")
    @CsvSource(delimiter = '|', value = {
            "done            | done        | COMPLETED",
            "Done!           | Done        | COMPLETED",
            "completed       | completed   | COMPLETED",
            "Complete.       | Complete    | COMPLETED",
            "on target       | on target   | ON_TARGET",
            "On Target       | On Target   | ON_TARGET",
            "at risk         | at risk     | AT_RISK",
            "delayed         | delayed     | DELAYED",
            "in progress     | in progress | IN_PROGRESS",
    })
    void givenAStatusReply_whenParsed_thenSetStatusWithTheWordsAsTyped(String text, String word, StatusKind kind) {
        ReminderReply r = replies.parse(text);

        assertThat(r).isEqualTo(new ReminderReply.SetStatus(word, null));
        assertThat(((ReminderReply.SetStatus) r).kind()).isEqualTo(kind);
    }

    @Test
    void givenAStatusFollowedByWords_whenParsed_thenTheWordsAreTheNote() {
        assertThat(replies.parse("at risk waiting on legal"))
                .isEqualTo(new ReminderReply.SetStatus("at risk", "waiting on legal"));
        assertThat(replies.parse("done - signed off at committee on 14/05"))
                .isEqualTo(new ReminderReply.SetStatus("done", "signed off at committee on 14/05"));
        assertThat(replies.parse("On target, meeting booked"))
                .isEqualTo(new ReminderReply.SetStatus("On target", "meeting booked"));
    }

    @ParameterizedTest(name = "GIVEN reply <{0}> WHEN parsed THEN new date {1}")
    @CsvSource(delimiter = '|', value = {
            "new date 30/06/2024                      | 2024-06-30 |",
            "new date 30/06/2024 waiting on legal     | 2024-06-30 | waiting on legal",
            "New date: 30 June 2024 - waiting on legal | 2024-06-30 | waiting on legal",
            "date 30/06/2024                          | 2024-06-30 |",
            "moved to 30/06/2024                      | 2024-06-30 |",
            "moved to end of june, election purdah    | 2024-06-30 | election purdah",
            "new target date is friday                | 2024-05-17 |",
            "delayed until in 2 weeks                 | 2024-05-29 |",
            "revised date 1/7/24 staff sickness       | 2024-07-01 | staff sickness",
    })
    void givenANewDateReply_whenParsed_thenNewDateWithTheReasonAsTyped(String text, LocalDate date, String reason) {
        assertThat(replies.parse(text)).isEqualTo(new ReminderReply.NewDate(date, reason));
    }

    @Test
    void givenANewDateThatIsNotReal_whenParsed_thenItIsRefusedWithTheReason() {
        assertThat(replies.parse("new date 31/02/2024"))
                .isEqualTo(new ReminderReply.Failed("31/02/2024 is not a real date (February 2024 has 29 days)."));
        assertThat(replies.parse("moved to 05/31/2024")).isInstanceOf(ReminderReply.Failed.class);
        assertThat(replies.parse("date 31/04/2024 legal")).isInstanceOf(ReminderReply.Failed.class);
    }

    @Test
    void givenNewDateWithNoDate_whenParsed_thenItAsksWhichDate() {
        assertThat(replies.parse("new date")).isEqualTo(
                new ReminderReply.Failed("Which date? Reply like `new date 30/06/2024 waiting on legal`."));
        assertThat(((ReminderReply.Failed) replies.parse("new date soonish")).message())
                .startsWith("I can't read `soonish` as a date.").endsWith("Reply like `new date 30/06/2024 waiting on legal`.");
    }

    @ParameterizedTest(name = "GIVEN reply <{0}> WHEN parsed THEN free text, not a date")
    @ValueSource(strings = {"moved to the new office", "date agreed with legal", "deadline is tight", "dates are hard"})
    void givenWordsThatOnlyStartLikeADateReply_whenParsed_thenTheyAreFreeText(String text) {
        assertThat(replies.parse(text)).isEqualTo(new ReminderReply.FreeText(text));
    }

    @Test
    void givenDelayedUntilWords_whenParsed_thenTheStatusIsNotMistakenForADate() {
        assertThat(replies.parse("delayed by legal")).isEqualTo(new ReminderReply.SetStatus("delayed", "by legal"));
        assertThat(replies.parse("delayed until legal reply")).isEqualTo(new ReminderReply.SetStatus("delayed", "until legal reply"));
    }

    @Test
    void givenASnoozeReply_whenParsed_thenSnoozeForOrUntil() {
        assertThat(replies.parse("snooze 1w")).isEqualTo(new ReminderReply.Snooze(SnoozeSpec.For.days(7)));
        assertThat(replies.parse("Snooze 3d")).isEqualTo(new ReminderReply.Snooze(SnoozeSpec.For.days(3)));
        assertThat(replies.parse("snooze until 30/06/2024 on leave"))
                .isEqualTo(new ReminderReply.Snooze(new SnoozeSpec.Until(LocalDate.of(2024, 6, 30)), "on leave"));
        assertThat(replies.parse("snooze 2 weeks")).isEqualTo(new ReminderReply.Snooze(SnoozeSpec.For.days(14)));
    }

    @Test
    void givenAnUnusableSnooze_whenParsed_thenItSaysHowToReply() {
        assertThat(((ReminderReply.Failed) replies.parse("snooze")).message()).startsWith("How long should I snooze this for?");
        assertThat(((ReminderReply.Failed) replies.parse("snooze 0d")).message())
                .isEqualTo("I can snooze for 1 to 365 days, not 0. Reply like `snooze 3d`, `snooze 1w` or `snooze until 30/06/2024`.");
        assertThat(((ReminderReply.Failed) replies.parse("snooze forever")).message()).startsWith("I can't read `forever` as a snooze")
                .doesNotContain("<ref>");
    }

    @ParameterizedTest(name = "GIVEN reply <{0}> WHEN parsed THEN free text kept as typed")
    @ValueSource(strings = {"Spoke to legal, they will reply next week", "not done yet", "done?", "it's done",
            "*bold* <!channel> @everyone 'quotes'", "completed-ish", "donezo"})
    void givenAnythingElse_whenParsed_thenFreeTextAsTyped(String text) {
        assertThat(replies.parse("  " + text + "\n")).isEqualTo(new ReminderReply.FreeText(text));
    }

    @Test
    void givenAnEmptyOrOverlongReply_whenParsed_thenItIsRefusedWithASentence() {
        assertThat(((ReminderReply.Failed) replies.parse("  ")).message()).startsWith("Your reply was empty.");
        assertThat(((ReminderReply.Failed) replies.parse(null)).message()).startsWith("Your reply was empty.");
        assertThat(((ReminderReply.Failed) replies.parse("x".repeat(100_000))).message())
                .startsWith("That reply is too long: 100,000 characters, and I take up to 4,000.");
    }
}
