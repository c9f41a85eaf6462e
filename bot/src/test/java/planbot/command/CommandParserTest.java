package planbot.command;

import static org.assertj.core.api.Assertions.assertThat;
import static planbot.command.Fixtures.failed;
import static planbot.command.Fixtures.parsed;

import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import planbot.domain.StatusKind;

/** Today is Wednesday 15 May 2024 (see {@link Fixtures}). */
class CommandParserTest {

    @Nested
    class Prefix {
        @ParameterizedTest(name = "GIVEN <{0}> WHEN parsed THEN status EN3")
        @ValueSource(strings = {"status EN3", "/plan status EN3", "plan status EN3", "/PLAN STATUS EN3", "  Status   EN3  ",
                "\u200Fstatus EN3", "status:\u00A0EN3"})
        void givenAnyPrefixCaseOrSpacing_whenParsed_thenTheSameCommand(String text) {
            assertThat(parsed(text)).isEqualTo(new Command.Status(new RefText("EN3")));
        }

        @ParameterizedTest(name = "GIVEN <{0}> WHEN parsed THEN help overview")
        @ValueSource(strings = {"", "   ", "/plan", "plan", "\n\t"})
        void givenNothingButThePrefix_whenParsed_thenTheHelpOverview(String text) {
            assertThat(parsed(text)).isEqualTo(new Command.Help(null));
        }

        @Test
        void givenNull_whenParsed_thenTheHelpOverviewAndNothingThrows() {
            assertThat(parsed(null)).isEqualTo(new Command.Help(null));
        }
    }

    @Nested
    class Refs {
        @ParameterizedTest(name = "GIVEN status <{0}> WHEN parsed THEN the ref is kept as typed")
        @ValueSource(strings = {"ENF003", "ENFORCEMENT 003", "enforcement 3", "EN003", "EN3", "EN003/01", "EN3/1",
                "en3/1", "IT INFRASTRUCTURE 012", "MEMBER TRAINING 001", "PRE-APP 001", "IT INFRASTRUCURE 013"})
        void givenEachRefShape_whenParsedInStatus_thenTheRefIsKeptAsTyped(String ref) {
            Command c = parsed("status " + ref);

            assertThat(c).isEqualTo(new Command.Status(new RefText(ref)));
            assertThat(((Command.Status) c).ref().form()).isPresent();
        }

        @Test
        void givenAMultiWordRefFollowedByText_whenParsed_thenTheRefEndsAtTheFirstNumber() {
            assertThat(parsed("note IT INFRASTRUCTURE 012 3 people trained"))
                    .isEqualTo(new Command.Note(new RefText("IT INFRASTRUCTURE 012"), "3 people trained"));
            assertThat(parsed("update MEMBER TRAINING 001 on target"))
                    .isEqualTo(new Command.Update(new RefText("MEMBER TRAINING 001"), "on target", null));
        }

        @Test
        void givenARefWithTrailingPunctuation_whenParsed_thenThePunctuationIsNotPartOfTheRef() {
            assertThat(parsed("note EN3/1: called legal")).isEqualTo(new Command.Note(new RefText("EN3/1"), "called legal"));
            assertThat(parsed("status EN3?")).isEqualTo(new Command.Status(new RefText("EN3")));
        }

        @Test
        void givenAStatusRefWithNoNumber_whenParsed_thenItIsKeptForTheResolverToSuggestFrom() {
            assertThat(parsed("status COMMS")).isEqualTo(new Command.Status(new RefText("COMMS")));
            assertThat(parsed("history pre-app")).isEqualTo(new Command.History(new RefText("pre-app")));
        }

        @Test
        void givenNoRef_whenParsed_thenItSaysARefIsMissingAndShowsTheUsage() {
            assertThat(failed("status").message())
                    .isEqualTo("Which action or task? A ref looks like ENF003, EN3, enforcement 3 or EN003/01. "
                            + "Usage: `status <ref>`, e.g. `status ENF003`.");
            assertThat(failed("note please chase legal").message())
                    .startsWith("I couldn't find a ref at the start of `please chase legal`.")
                    .contains("Usage: `note <ref> <text>`");
            assertThat(failed("assign <@U123> EN3").message()).startsWith("I couldn't find a ref");
        }

        @Test
        void givenTwoRefs_whenParsedInStatus_thenItSaysItTakesOne() {
            assertThat(failed("status EN3 EN4").message()).startsWith("`status` takes one ref; I don't know what to do with `EN4`.");
        }
    }

    @Nested
    class Lists {
        @Test
        void givenEveryListFilter_whenParsed_thenTheFilter() {
            assertThat(parsed("list")).isEqualTo(new Command.List(new ListFilter.All()));
            assertThat(parsed("list all")).isEqualTo(new Command.List(new ListFilter.All()));
            assertThat(parsed("list mine")).isEqualTo(new Command.List(new ListFilter.Mine()));
            assertThat(parsed("LIST Overdue")).isEqualTo(new Command.List(new ListFilter.Overdue()));
            assertThat(parsed("list section planning enforcement"))
                    .isEqualTo(new Command.List(new ListFilter.Section("planning enforcement")));
            assertThat(parsed("list status at risk")).isEqualTo(new Command.List(new ListFilter.WithStatus("at risk")));
            assertThat(parsed("list owner Patsy Dell")).isEqualTo(new Command.List(new ListFilter.Owner("Patsy Dell")));
            assertThat(parsed("list owner <@U123>")).isEqualTo(new Command.List(new ListFilter.Owner("<@U123>")));
        }

        @ParameterizedTest(name = "GIVEN <{0}> WHEN parsed THEN due within {1} days")
        @CsvSource({"list due 14d, 14", "list due 7, 7", "list due 3 days, 3", "list due 2w, 14", "list due in 10 days, 10",
                "list due within 1 week, 7"})
        void givenADueWindow_whenParsed_thenDueWithinThatManyDays(String text, int days) {
            assertThat(parsed(text)).isEqualTo(new Command.List(new ListFilter.DueWithin(days)));
        }

        @Test
        void givenABadFilter_whenParsed_thenItSaysWhatIsWrongWithTheUsage() {
            ParseResult.Failed typo = failed("list overdew");
            assertThat(typo.message()).startsWith("I don't know the list filter `overdew`. Did you mean `list overdue`?")
                    .contains("Usage: `list [section <name>|mine|overdue|due <n>d|status <word>|owner <name>]`");
            assertThat(typo.suggestions()).containsExactly("list overdue");
            assertThat(failed("list section").message()).startsWith("Which section?");
            assertThat(failed("list due").message()).startsWith("Due within how long?");
            assertThat(failed("list due 0d").message()).startsWith("I can look 1 to 366 days ahead, not 0.");
            assertThat(failed("list due 9999d").message()).startsWith("I can look 1 to 366 days ahead");
            assertThat(failed("list mine please").message()).startsWith("I don't know what to do with `please` after `list mine`.");
        }

        @Test
        void givenMineAndOverdue_whenParsed_thenTheirOwnCommands() {
            assertThat(parsed("mine")).isEqualTo(new Command.Mine());
            assertThat(parsed("/plan OVERDUE")).isEqualTo(new Command.Overdue());
            assertThat(failed("mine all").message()).contains("Usage: `mine`.");
        }
    }

    @Nested
    class Updates {
        @ParameterizedTest(name = "GIVEN update EN3/1 <{0}> WHEN parsed THEN status <{1}> meaning {2}")
        @CsvSource(delimiter = '|', value = {
                "on target                   | on target                   | ON_TARGET",
                "In Progress                 | In Progress                 | IN_PROGRESS",
                "in-progress                 | in-progress                 | IN_PROGRESS",
                "at risk                     | at risk                     | AT_RISK",
                "not started                 | not started                 | NOT_STARTED",
                "delayed                     | delayed                     | DELAYED",
                "completed                   | completed                   | COMPLETED",
                "closed                      | closed                      | CLOSED",
                "Closed - no longer required | Closed - no longer required | CLOSED",
                "closed – no longer required | closed – no longer required | CLOSED",
                "to completed                | completed                   | COMPLETED",
        })
        void givenEachStatusPhrase_whenParsed_thenTheWordsAsTypedAndWhatTheyMean(String typed, String word, StatusKind kind) {
            Command.Update u = (Command.Update) parsed("update EN3/1 " + typed);

            assertThat(u.ref()).isEqualTo(new RefText("EN3/1"));
            assertThat(u.statusWord()).isEqualTo(word);
            assertThat(u.kind()).isEqualTo(kind);
            assertThat(u.note()).isNull();
        }

        @Test
        void givenWordsAfterTheStatus_whenParsed_thenTheyAreTheNoteAsTyped() {
            assertThat(parsed("update EN003/02 at risk waiting on *legal*  again"))
                    .isEqualTo(new Command.Update(new RefText("EN003/02"), "at risk", "waiting on *legal*  again"));
            assertThat(parsed("update enforcement 3 closed - duplicate of EN4"))
                    .isEqualTo(new Command.Update(new RefText("enforcement 3"), "closed", "duplicate of EN4"));
            assertThat(parsed("update EN3/1 done. Signed off"))
                    .isEqualTo(new Command.Update(new RefText("EN3/1"), "done", "Signed off"));
        }

        @Test
        void givenAMisspeltStatus_whenParsed_thenItSuggestsTheClosestOne() {
            ParseResult.Failed f = failed("update EN3/1 on traget");

            assertThat(f.message()).startsWith("I don't know the status `on traget`. Did you mean `on target`?")
                    .contains("not started, on target, in progress, at risk, delayed, completed or closed");
            assertThat(f.suggestions()).containsExactly("update EN3/1 on target");
        }

        @Test
        void givenAnUnknownOrMissingStatus_whenParsed_thenItListsTheStatuses() {
            assertThat(failed("update EN3/1 purple").message()).startsWith("I don't know the status `purple`. Say not started,");
            assertThat(failed("update EN3/1").message()).startsWith("What's the new status for `EN3/1`?")
                    .contains("Usage: `update <ref> <status> [note]`");
            assertThat(failed("update EN3/1 completed-ish").message()).startsWith("I don't know the status `completed-ish`.");
        }

        @Test
        void givenDoneAndComplete_whenParsed_thenDoneWithAnOptionalNote() {
            assertThat(parsed("done EN3/1")).isEqualTo(new Command.Done(new RefText("EN3/1"), null));
            assertThat(parsed("complete EN003/02 - signed off at committee"))
                    .isEqualTo(new Command.Done(new RefText("EN003/02"), "signed off at committee"));
            assertThat(failed("done").message()).contains("Usage: `done <ref> [note]`");
            assertThat(failed("complete").message()).contains("Usage: `complete <ref> [note]`");
        }

        @Test
        void givenANoteWithMarkupAndHostileText_whenParsed_thenItIsKeptExactlyAsTyped() {
            String note = "*bold* _it_ `code` <!channel> @everyone ' OR 1=1; -- \"quoted\"\nsecond line \u202Eevil";

            assertThat(parsed("note EN3/1 " + note + "  \n")).isEqualTo(new Command.Note(new RefText("EN3/1"), note));
            assertThat(failed("note EN3/1").message()).startsWith("What's the note for `EN3/1`?");
        }
    }

    @Nested
    class Dates {
        @ParameterizedTest(name = "GIVEN date EN3/1 <{0}> WHEN parsed THEN {1}")
        @CsvSource(delimiter = '|', value = {
                "30/06/2024         | 2024-06-30",
                "30/6/24            | 2024-06-30",
                "30 June 2024       | 2024-06-30",
                "30th June 2024     | 2024-06-30",
                "June 30 2024       | 2024-06-30",
                "end of june        | 2024-06-30",
                "friday             | 2024-05-17",
                "next friday        | 2024-05-17",
                "in 2 weeks         | 2024-05-29",
                "tomorrow           | 2024-05-16",
        })
        void givenEachDateForm_whenParsed_thenADateCommand(String typed, LocalDate expected) {
            assertThat(parsed("date EN3/1 " + typed)).isEqualTo(new Command.Date(new RefText("EN3/1"), expected, null));
        }

        @Test
        void givenADateAndAReason_whenParsed_thenTheReasonIsKeptAsTyped() {
            assertThat(parsed("date EN003/02 30/06/2024 waiting on legal"))
                    .isEqualTo(new Command.Date(new RefText("EN003/02"), LocalDate.of(2024, 6, 30), "waiting on legal"));
            assertThat(parsed("date enforcement 3 end of june - election purdah"))
                    .isEqualTo(new Command.Date(new RefText("enforcement 3"), LocalDate.of(2024, 6, 30), "election purdah"));
        }

        @Test
        void givenAnImpossibleDate_whenParsed_thenItSaysWhyAndNeverRollsOver() {
            assertThat(failed("date EN3/1 31/02/2023").message()).isEqualTo("31/02/2023 is not a real date (February 2023 has 28 days).");
            assertThat(failed("date EN3/1 05/31/2024 legal").message()).startsWith("05/31/2024 is not a real date (there is no month 31");
        }

        @Test
        void givenNoDateOrNotADate_whenParsed_thenItSaysHowToWriteOneWithTheUsage() {
            assertThat(failed("date EN3/1").message()).startsWith("What's the new target date for `EN3/1`?")
                    .endsWith("Usage: `date <ref> <dd/mm/yyyy> [reason]`, e.g. `date EN003/02 30/06/2024 waiting on legal`.");
            assertThat(failed("date EN3/1 soonish").message()).startsWith("I can't read `soonish` as a date.")
                    .contains("Usage: `date <ref>");
        }
    }

    @Nested
    class Assigns {
        @Test
        void givenAMentionOrAName_whenParsed_thenTheAssigneeAsTyped() {
            Command.Assign slack = (Command.Assign) parsed("assign EN003/02 <@U123ABC>");
            assertThat(slack.assignee()).isEqualTo(new Assignee.Mention("<@U123ABC>"));
            assertThat(((Assignee.Mention) slack.assignee()).platformUserId()).hasValue("U123ABC");

            Command.Assign labelled = (Command.Assign) parsed("assign EN3/1 <@U123|sam>");
            assertThat(((Assignee.Mention) labelled.assignee()).platformUserId()).hasValue("U123");

            // a Discord mention <@!81234567> reaches the parser in the neutral form its adapter made of it
            Command.Assign discord = (Command.Assign) parsed("assign EN3/1 <@81234567>");
            assertThat(((Assignee.Mention) discord.assignee()).platformUserId()).hasValue("81234567");

            Command.Assign handle = (Command.Assign) parsed("assign EN3/1 @sam");
            assertThat(((Assignee.Mention) handle.assignee()).handle()).hasValue("sam");

            assertThat(parsed("assign ENFORCEMENT 003 Patsy Dell and Service Managers"))
                    .isEqualTo(new Command.Assign(new RefText("ENFORCEMENT 003"), new Assignee.Name("Patsy Dell and Service Managers")));
        }

        @ParameterizedTest(name = "GIVEN assign EN3/1 <{0}> WHEN parsed THEN refused: one person only")
        @ValueSource(strings = {"@everyone", "@here", "<!channel>", "<!here>", "<!subteam^S123>", "Sam @everyone",
                "@Channel"})
        void givenAGroupMention_whenParsed_thenItIsRefused(String who) {
            assertThat(failed("assign EN3/1 " + who).message()).startsWith("A task goes to one person, not to a whole group or channel.");
        }

        @ParameterizedTest(name = "GIVEN assign EN3/1 {0} WHEN parsed THEN not taken for a person")
        @ValueSource(strings = {"<@!81234567>", "<@&123>", "<at>Sam</at>"})
        void givenAPlatformsOwnMentionSyntax_whenParsed_thenItIsNeverAPerson(String who) {
            // the core reads only the neutral form: an adapter that forgot to translate cannot make a ping an assignee
            assertThat(failed("assign EN3/1 " + who).message()).containsAnyOf("I can't read that mention", "cannot contain < or >");
        }

        @Test
        void givenAMissingOrBrokenAssignee_whenParsed_thenItSaysWhatIsWrong() {
            assertThat(failed("assign EN3/1").message()).startsWith("Who should `EN3/1` go to?");
            assertThat(failed("assign EN3/1 @sam please").message()).startsWith("A task goes to one person: I read `@sam` but not `please`.");
            assertThat(failed("assign EN3/1 Sam <b>Smith</b>").message()).startsWith("A name cannot contain < or >");
            assertThat(failed("assign EN3/1 " + "x".repeat(101)).message()).startsWith("That name is too long (101 characters");
        }
    }

    @Nested
    class Snoozes {
        @ParameterizedTest(name = "GIVEN snooze EN3/1 <{0}> WHEN parsed THEN {1} days")
        @CsvSource({"1d, 1", "3d, 3", "1w, 7", "2w, 14", "3 days, 3", "1 week, 7", "for 2 weeks, 14", "10D, 10"})
        void givenADuration_whenParsed_thenSnoozeForThatManyDays(String typed, int days) {
            assertThat(parsed("snooze EN3/1 " + typed))
                    .isEqualTo(new Command.Snooze(new RefText("EN3/1"), new SnoozeSpec.For(Period.ofDays(days))));
        }

        @ParameterizedTest(name = "GIVEN snooze EN3/1 <{0}> WHEN parsed THEN until {1}")
        @CsvSource({"30/06/2024, 2024-06-30", "until 30/06/2024, 2024-06-30", "friday, 2024-05-17", "until end of june, 2024-06-30"})
        void givenADate_whenParsed_thenSnoozeUntilThatDate(String typed, LocalDate until) {
            assertThat(parsed("snooze EN3/1 " + typed))
                    .isEqualTo(new Command.Snooze(new RefText("EN3/1"), new SnoozeSpec.Until(until)));
        }

        @Test
        void givenWordsAfterTheSnooze_whenParsed_thenTheyAreKeptAsTheReason() {
            assertThat(parsed("snooze EN3/1 2w on leave")).isEqualTo(
                    new Command.Snooze(new RefText("EN3/1"), SnoozeSpec.For.days(14), "on leave"));
        }

        @Test
        void givenAnUnusableSnooze_whenParsed_thenItSaysWhy() {
            assertThat(failed("snooze EN3/1").message()).startsWith("How long should I snooze `EN3/1` for?")
                    .contains("Usage: `snooze <ref> <1d|3d|1w|2w|dd/mm/yyyy>`");
            assertThat(failed("snooze EN3/1 0d").message()).startsWith("I can snooze for 1 to 365 days, not 0.");
            assertThat(failed("snooze EN3/1 60w").message()).startsWith("I can snooze for 1 to 365 days, not 420.");
            assertThat(failed("snooze EN3/1 01/05/2024").message()).startsWith("A snooze has to end after today, and 01/05/2024 doesn't.");
            assertThat(failed("snooze EN3/1 today").message()).startsWith("A snooze has to end after today");
            assertThat(failed("snooze EN3/1 31/02/2025").message()).isEqualTo("31/02/2025 is not a real date (February 2025 has 28 days).");
            assertThat(failed("snooze EN3/1 a while").message()).startsWith("I can't read `a while` as a snooze");
        }
    }

    @Nested
    class Others {
        @Test
        void givenHistorySearchAndDigest_whenParsed_thenTheirCommands() {
            assertThat(parsed("history EN003/01")).isEqualTo(new Command.History(new RefText("EN003/01")));
            assertThat(parsed("search annual  report 'enforcement'"))
                    .isEqualTo(new Command.Search("annual  report 'enforcement'"));
            assertThat(parsed("digest")).isEqualTo(new Command.DigestPreview());
            assertThat(parsed("digest preview")).isEqualTo(new Command.DigestPreview());
            assertThat(failed("search").message()).startsWith("What should I search for?");
            assertThat(failed("digest now").message()).startsWith("`digest` shows a preview; I don't know what to do with `now`.");
            assertThat(failed("history").message()).contains("Usage: `history <ref>`");
        }

        @Test
        void givenHelp_whenParsed_thenTheOverviewOrOneCommand() {
            assertThat(parsed("help")).isEqualTo(new Command.Help(null));
            assertThat(parsed("help UPDATE")).isEqualTo(new Command.Help("update"));
            assertThat(parsed("help complete")).isEqualTo(new Command.Help("complete"));
            ParseResult.Failed f = failed("help stauts");
            assertThat(f.message()).isEqualTo("I don't have help for `stauts`. Did you mean `help status`?");
            assertThat(f.suggestions()).containsExactly("help status");
        }
    }

    @Nested
    class UnknownCommands {
        @ParameterizedTest(name = "GIVEN <{0}> WHEN parsed THEN did you mean {1}")
        @CsvSource({"stats, status", "stauts, status", "updte, update", "udpate, update", "hlep, help", "lsit, list",
                "histroy, history", "snoze, snooze", "asign, assign", "serach, search", "overdeu, overdue", "hist, history"})
        void givenATypo_whenParsed_thenItSuggestsTheClosestCommand(String typed, String meant) {
            ParseResult.Failed f = failed(typed + " EN3");

            assertThat(f.message()).startsWith("I don't know `" + typed + "`. Did you mean ").contains("`" + meant + "`");
            assertThat(f.suggestions()).first().isEqualTo(meant);
        }

        @Test
        void givenTheExampleFromTheBrief_whenParsed_thenTheExactSentence() {
            assertThat(failed("stats ENF003").message()).isEqualTo("I don't know `stats`. Did you mean `status`?");
        }

        @Test
        void givenAWordFarFromEveryCommand_whenParsed_thenNoSuggestionButAPointerToHelp() {
            ParseResult.Failed f = failed("banana EN3 please");

            assertThat(f.message()).isEqualTo("I don't know `banana`. Type `help` to see what I can do.");
            assertThat(f.suggestions()).isEmpty();
        }

        @Test
        void givenARefOnItsOwn_whenParsed_thenItSuggestsStatusForIt() {
            ParseResult.Failed f = failed("ENF003");

            assertThat(f.message()).isEqualTo("I don't know `ENF003` as a command. Did you mean `status ENF003`?");
            assertThat(f.suggestions()).containsExactly("status ENF003");
            assertThat(failed("enforcement 3").suggestions()).containsExactly("status enforcement 3");
        }

        @Test
        void givenARefTypedOverTwoLines_whenSuggested_thenTheSuggestionIsOnOneLine() {
            assertThat(failed("at risk\nEN3").suggestions()).containsExactly("status at risk EN3");
            assertThat(failed("update EN3/1 on traget").suggestions()).containsExactly("update EN3/1 on target");
        }

        @Test
        void givenAMuddledCommandThatLooksLikeARef_whenParsed_thenNoStatusSuggestion() {
            ParseResult.Failed f = failed("plan plan status EN3");

            assertThat(f.message()).isEqualTo("I don't know `plan`. Type `help` to see what I can do.");
            assertThat(f.suggestions()).isEmpty();
        }

        @Test
        void givenAStrayInvisibleMarkBetweenWords_whenParsed_thenItIsNotAnArgument() {
            assertThat(parsed("status EN3/1 \u202E")).isEqualTo(new Command.Status(new RefText("EN3/1")));
            assertThat(failed("overdue,\u202D\tfor,").message())
                    .startsWith("I don't know what to do with `for,` after `overdue,`.");
        }

        @Test
        void givenHostileTextAsTheCommand_whenParsed_thenTheEchoIsShortAndCleaned() {
            String message = failed("\u202E`<!channel>`" + "x".repeat(500)).message();

            assertThat(message).startsWith("I don't know `'<!channel>'xxx").contains("…`. Type `help`")
                    .doesNotContain("\u202E").hasSizeLessThan(120);
        }
    }

    @Nested
    class Limits {
        @Test
        void givenACommandLongerThanTheLimit_whenParsed_thenItIsRefusedWithASentence() {
            ParseResult.Failed f = failed("note EN3/1 " + "a".repeat(CommandParser.MAX_LENGTH));

            assertThat(f.message()).isEqualTo("That's too long for a command: 4,011 characters, and I take up to 4,000. "
                    + "Put long notes in the tracker, or send them in parts.");
        }

        @Test
        void givenANoteJustUnderTheLimit_whenParsed_thenItIsKeptWhole() {
            String note = "a b ".repeat(997);
            Command.Note n = (Command.Note) parsed("note EN3/1 " + note);

            assertThat(n.text()).isEqualTo(note.strip());
        }
    }
}
