package planbot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.domain.Task;
import planbot.testing.TestBot;

/** The console chat reading piped input, as {@code printf … | ./planbot chat} does, over the sample plan. */
class ConsoleChatTest {
    @TempDir
    Path dir;
    TestBot bot;

    @BeforeEach
    void open() {
        bot = TestBot.withSample(dir);
    }

    @AfterEach
    void close() {
        bot.close();
    }

    private String run(String asPerson, String input, boolean interactive) throws Exception {
        StringWriter out = new StringWriter();
        bot.chat(asPerson).run(new BufferedReader(new StringReader(input)), new PrintWriter(out), interactive);
        return out.toString();
    }

    @Test
    void givenTheSixLinesOfTheDemo_whenPipedIntoTheChat_thenTheTranscriptShowsCardsTheChangeTheRefusalAndCandidates()
            throws Exception {
        Task dateBefore = bot.task("EN003/02");

        String transcript = run(null, "status ENF003\nstatus EN3/1\nupdate EN003/01 completed nearly there\n"
                + "history EN003/01\ndate EN003/02 31/02/2023\nstatus XYZ999\n", false);

        assertThat(transcript).isEqualTo(""
                + "plan> status ENF003\n"
                + "ENFORCEMENT 003 (EN003) — In progress\n"
                + "  Section: PLANNING ENFORCEMENT\n"
                + "  Recommendation: An Annual Report on Enforcement activities be submitted to the appropriate committees."
                + " Consideration be given to a six monthly review.\n"
                + "  Tasks (5):\n"
                + "    EN003/01  [GREEN] In progress — due 31/05/2023\n"
                + "        Determine the key criteria and information that will be included within the report (including key improvement…\n"
                + "    EN003/02  [GREEN] In progress — due 31/05/2023\n"
                + "        Utilise existing template (used previously) as a starter for ten to update and further develop.\n"
                + "    EN003/03  [GREEN] In progress — due 31/05/2023\n"
                + "        Include Annual Enforcement Report on Forward Plan of meetings.\n"
                + "    EN003/04  [GREEN] In progress — due 31/05/2023\n"
                + "        Issue annual report to EO&S in May of each year and Cabinet in June, with the first report issued in May 2022.\n"
                + "    EN003/05  [GREEN] In progress — due 31/05/2023\n"
                + "        Circulate report (by email) to all members as a Member update following Cabinet endorsement.\n"
                + "\n"
                + "plan> status EN3/1\n"
                + "EN003/01  [GREEN] In progress — due 31/05/2023\n"
                + "    Determine the key criteria and information that will be included within the report"
                + " (including key improvements made to service and tree enforcement information).\n"
                + "    Action: ENFORCEMENT 003 — PLANNING ENFORCEMENT\n"
                + "\n"
                + "plan> update EN003/01 completed nearly there\n"
                + "✓ EN003/01 is now Completed, with your note.\n"
                + "  EN003/01  [BLUE] Completed — due 31/05/2023\n"
                + "      Determine the key criteria and information that will be included within the report (including key improvement…\n"
                + "  Recorded: status In progress → Completed (nearly there)\n"
                + "\n"
                + "plan> history EN003/01\n"
                + "History of EN003/01, newest first\n"
                + "  15/05/2023 09:00  admin (console): status In progress → Completed (nearly there)\n"
                + "\n"
                + "plan> date EN003/02 31/02/2023\n"
                + "✗ 31/02/2023 is not a real date (February 2023 has 28 days).\n"
                + "\n"
                + "plan> status XYZ999\n"
                + "✗ I can't find `XYZ999` in the plan.\n"
                + "  Did you mean: IT009, IT009/01, IT009/02\n"
                + "\n");
        assertThat(bot.task("EN003/01").status().word()).isEqualTo("Completed");
        assertThat(bot.task("EN003/01").notes()).isEqualTo("15/05/2023 admin: nearly there");
        assertThat(bot.audit("EN003/01")).hasSize(1);
        assertThat(bot.task("EN003/02")).isEqualTo(dateBefore);
        assertThat(bot.audit("EN003/02")).isEmpty();
    }

    @Test
    void givenBlankLinesCommentsAndQuit_whenPiped_thenTheyAreSkippedAndReadingStopsAtQuit() throws Exception {
        String transcript = run(null, "\n# a comment\n   \nstatus EN3/1\nquit\nstatus EN3/2\n", false);

        assertThat(transcript).startsWith("plan> status EN3/1\nEN003/01").endsWith("\nplan> quit\n").doesNotContain("EN3/2");
    }

    @Test
    void givenAnInteractiveTerminal_whenRun_thenItGreetsWithWhoYouAreAndPromptsBeforeEachLine() throws Exception {
        String transcript = run(null, "status EN3/1\n", true);

        assertThat(transcript).startsWith("You are admin (admin). Type `help` for what I understand, `quit` to leave.\nplan> EN003/01");
        assertThat(transcript).endsWith("plan> ");
    }

    @Test
    void givenAReplyToAReminderWithFreeText_whenAnsweredYes_thenTheNoteIsAdded() throws Exception {
        String transcript = run(null, "reply EN003/05 waiting on legal\nyes\n", false);

        assertThat(transcript).contains("? Add this as a note on EN003/05? `waiting on legal`\n  Answer yes or no (Yes, add the note / No).\n");
        assertThat(transcript).contains("✓ Noted on EN003/05.");
        assertThat(bot.task("EN003/05").notes()).isEqualTo("15/05/2023 admin: waiting on legal");
    }

    @Test
    void givenAReplyToAReminderWithFreeText_whenAnsweredNo_thenNothingIsWritten() throws Exception {
        var before = bot.dump();

        String transcript = run(null, "reply EN003/05 waiting on legal\nno\n", false);

        assertThat(transcript).contains("OK, nothing was changed.");
        assertThat(bot.dump()).isEqualTo(before);
    }

    @Test
    void givenYesWithNoQuestionPending_whenTyped_thenItIsReadAsACommandAndChangesNothing() throws Exception {
        var before = bot.dump();

        String transcript = run(null, "yes\n", false);

        assertThat(transcript).contains("✗ I don't know `yes`");
        assertThat(bot.dump()).isEqualTo(before);
    }

    @Test
    void givenAReplyWithoutText_whenTyped_thenItSaysHowToReply() throws Exception {
        assertThat(run(null, "reply EN003/01\n", false)).contains("✗ Reply to a reminder like this: reply EN003/01 done");
    }
}
