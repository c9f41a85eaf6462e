package planbot.command;

import static org.assertj.core.api.Assertions.assertThat;
import static planbot.command.SamplePeople.ADA;
import static planbot.command.SamplePeople.LIAM;
import static planbot.command.SamplePeople.OLIVIA;
import static planbot.command.SamplePeople.OSCAR;
import static planbot.command.SamplePeople.VERA;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.domain.PlanDate;
import planbot.domain.Rag;
import planbot.domain.StatusKind;
import planbot.reply.ActionCard;
import planbot.reply.DigestReply;
import planbot.reply.Failure;
import planbot.reply.HelpReply;
import planbot.reply.HistoryReply;
import planbot.reply.Reply;
import planbot.reply.TaskCard;
import planbot.reply.TaskList;
import planbot.reply.TaskView;
import planbot.testing.TestBot;

/** The read-only commands through the whole stack: cards, lists, history, search, digest and help. */
class CommandServiceReadTest {
    @TempDir
    Path dir;
    TestBot bot;

    @BeforeEach
    void open() {
        bot = SamplePeople.open(dir);
    }

    @AfterEach
    void close() {
        bot.close();
    }

    @Nested
    class Status {
        @Test
        void givenATaskRef_whenStatusIsAsked_thenTheCardShowsEveryFieldOfTheTaskAndWhereItSits() {
            Reply reply = bot.send(VERA, "status EN003/01");

            assertThat(reply).isInstanceOf(TaskCard.class);
            TaskView t = ((TaskCard) reply).task();
            assertThat(t.ref()).isEqualTo("EN003/01");
            assertThat(t.actionKey()).isEqualTo("EN003");
            assertThat(t.actionName()).isEqualTo("ENFORCEMENT 003");
            assertThat(t.section()).isEqualTo("PLANNING ENFORCEMENT");
            assertThat(t.description()).startsWith("Determine the key criteria");
            assertThat(t.status().word()).isEqualTo("In progress");
            assertThat(t.rag()).isEqualTo(Rag.GREEN);
            assertThat(t.target().kind()).isEqualTo(PlanDate.Kind.DATE);
            assertThat(t.target().date()).isEqualTo(LocalDate.of(2023, 5, 31));
            assertThat(t.target().display()).isEqualTo("31/05/2023");
            assertThat(t.owner()).isEqualTo(OLIVIA);
            assertThat(t.daysOverdue()).isZero();
            assertThat(((TaskCard) reply).recent()).isEmpty();
            assertThat(reply.visibleToChannel()).isFalse();
        }

        @Test
        void givenATaskPastItsTargetDate_whenStatusIsAsked_thenItIsRedWithTheDaysLate() {
            TaskView t = ((TaskCard) bot.send(VERA, "status EN005/03")).task();

            assertThat(t.rag()).isEqualTo(Rag.RED);
            assertThat(t.daysOverdue()).isEqualTo(45);
            assertThat(bot.render(bot.send(VERA, "status EN005/03"))).contains("[RED, 45 days late]");
        }

        @Test
        void givenATaskWithChanges_whenStatusIsAsked_thenTheCardShowsTheThreeMostRecentNewestFirst() {
            bot.send(OLIVIA, "note EN003/01 first");
            bot.send(OLIVIA, "note EN003/01 second");
            bot.send(OLIVIA, "note EN003/01 third");
            bot.send(OLIVIA, "update EN003/01 at risk");

            TaskCard card = (TaskCard) bot.send(VERA, "status EN003/01");

            assertThat(card.recent()).extracting(h -> h.what())
                    .containsExactly("status In progress → At risk", "note third", "note second");
            assertThat(card.recent().get(0).actor()).isEqualTo(OLIVIA);
            assertThat(card.recent().get(0).source()).isEqualTo("console");
            assertThat(card.task().notes()).isEqualTo(
                    "15/05/2023 Olivia Officer: first\n15/05/2023 Olivia Officer: second\n15/05/2023 Olivia Officer: third");
        }

        @Test
        void givenATaskWithTwoNotes_whenItsCardIsRendered_thenTheNotesStandUnderOneAnotherInsideTheCard() {
            bot.send(OLIVIA, "note EN003/01 first");
            bot.send(OLIVIA, "note EN003/01 second");

            String text = bot.sendText(VERA, "status EN3/1");

            assertThat(text).startsWith("EN003/01  [GREEN] In progress — due 31/05/2023 — Olivia Officer\n    Determine");
            assertThat(text).contains("\n    Action: ENFORCEMENT 003 — PLANNING ENFORCEMENT\n"
                    + "    Notes: 15/05/2023 Olivia Officer: first\n"
                    + "           15/05/2023 Olivia Officer: second\n"
                    + "    Recent:\n"
                    + "      15/05/2023 09:00  Olivia Officer (console): note second\n");
        }

        @Test
        void givenAnActionRef_whenStatusIsAsked_thenTheCardShowsTheActionWithAllItsTasksInPlanOrder() {
            Reply reply = bot.send(VERA, "status ENF003");

            assertThat(reply).isInstanceOf(ActionCard.class);
            ActionCard a = (ActionCard) reply;
            assertThat(a.key()).isEqualTo("EN003");
            assertThat(a.name()).isEqualTo("ENFORCEMENT 003");
            assertThat(a.section()).isEqualTo("PLANNING ENFORCEMENT");
            assertThat(a.recommendation()).startsWith("An Annual Report on Enforcement activities");
            assertThat(a.status().word()).isEqualTo("In progress");
            assertThat(a.lead()).isEqualTo(LIAM);
            assertThat(a.tasks()).extracting(TaskView::ref)
                    .containsExactly("EN003/01", "EN003/02", "EN003/03", "EN003/04", "EN003/05");
            assertThat(a.tasks()).extracting(TaskView::owner).containsExactly(OLIVIA, OLIVIA, OSCAR, null, null);
            assertThat(a.tasks()).allSatisfy(t -> assertThat(t.actionName()).isEqualTo("ENFORCEMENT 003"));
        }

        @Test
        void givenAnActionCard_whenRendered_thenItsTasksAreIndentedUnderIt() {
            String text = bot.sendText(VERA, "status ENF003");

            assertThat(text).startsWith("ENFORCEMENT 003 (EN003) — In progress\n  Section: PLANNING ENFORCEMENT\n  Lead: Liam Lead\n");
            assertThat(text).contains("  Tasks (5):\n    EN003/01  [GREEN] In progress — due 31/05/2023 — Olivia Officer\n"
                    + "        Determine the key criteria");
        }
    }

    @Nested
    class Lists {
        @Test
        void givenAnOfficerWithTasks_whenTheyAskForMine_thenTheirOpenTasksComeSoonestFirst() {
            bot.send(OLIVIA, "done EN003/02");

            for (String command : List.of("mine", "list mine")) {
                TaskList list = (TaskList) bot.send(OLIVIA, command);
                assertThat(list.tasks()).as(command).extracting(TaskView::ref).containsExactly("EN005/03", "EN003/01");
                assertThat(list.total()).isEqualTo(2);
            }
        }

        @Test
        void givenSomeoneWhoOwnsNothing_whenTheyAskForMine_thenTheListIsEmptyAndSaysSo() {
            TaskList list = (TaskList) bot.send(LIAM, "mine");

            assertThat(list.tasks()).isEmpty();
            assertThat(bot.render(list)).contains("You have no open tasks.");
        }

        @Test
        void givenAGuest_whenTheyAskForMine_thenTheyAreToldTheyAreLinkedToNobody() {
            Reply reply = bot.sendAsGuest("stranger", "mine");

            assertThat(reply).isInstanceOf(Failure.class);
            assertThat(((Failure) reply).message()).contains("not linked to anyone");
        }

        @Test
        void givenOverdueTasks_whenOverdueIsAsked_thenOnlyOpenOverdueTasksComeWorstFirst() {
            for (String command : List.of("overdue", "list overdue")) {
                TaskList list = (TaskList) bot.send(VERA, command);

                assertThat(list.total()).as(command).isEqualTo(28);
                assertThat(list.tasks()).hasSize(25);
                assertThat(list.tasks().get(0).ref()).isEqualTo("COM006/01");
                assertThat(list.tasks().get(0).daysOverdue()).isEqualTo(196);
                assertThat(list.tasks()).allSatisfy(t -> {
                    assertThat(t.rag()).isEqualTo(Rag.RED);
                    assertThat(t.status().kind().isFinished()).isFalse();
                });
                assertThat(list.tasks()).extracting(TaskView::daysOverdue).isSortedAccordingTo((a, b) -> b - a);
                assertThat(bot.render(list)).contains("… and 3 more");
            }
        }

        @Test
        void givenTasksDueOnTheThirtyFirst_whenDueWithinSixteenDaysIsAsked_thenTheyAreInAndWithinFifteenTheyAreNot() {
            TaskList sixteen = (TaskList) bot.send(VERA, "list due 16d");
            TaskList fifteen = (TaskList) bot.send(VERA, "list due 15d");

            assertThat(sixteen.tasks()).extracting(TaskView::ref).contains("EN003/01", "EN003/05", "PRE005/03");
            assertThat(sixteen.tasks()).allSatisfy(t -> {
                assertThat(t.target().date()).isBetween(bot.today(), bot.today().plusDays(16));
                assertThat(t.status().kind().isFinished()).isFalse();
            });
            assertThat(fifteen.tasks()).extracting(TaskView::ref).doesNotContain("EN003/01");
            assertThat(bot.render(fifteen)).contains("Nothing is due in the next 15 days.");
        }

        @Test
        void givenACouncilsStatusWords_whenListedByStatus_thenTheWordMatchesLooselyByMeaning() {
            // The sample writes "Closed - no longer required"; people type "closed", "on-target", "In Progress".
            assertThat(((TaskList) bot.send(VERA, "list status closed")).total()).isEqualTo(9);
            assertThat(((TaskList) bot.send(VERA, "list status Closed - no longer required")).total()).isEqualTo(9);
            TaskList onTarget = (TaskList) bot.send(VERA, "list status on-target");
            assertThat(onTarget.total()).isEqualTo(51);
            assertThat(onTarget.tasks()).allSatisfy(t -> assertThat(t.status().kind()).isEqualTo(StatusKind.ON_TARGET));
            assertThat(((TaskList) bot.send(VERA, "list status In Progress")).total()).isEqualTo(34);
        }

        @Test
        void givenAStatusWordNobodyUses_whenListedByStatus_thenTheEmptyListSaysSo() {
            TaskList list = (TaskList) bot.send(VERA, "list status parked");

            assertThat(list.tasks()).isEmpty();
            assertThat(bot.render(list)).contains("No task has the status `parked`.");
        }

        @Test
        void givenAnOwnersName_whenListedByOwnerInAnyCase_thenTheirOpenTasksAreListed() {
            TaskList list = (TaskList) bot.send(VERA, "list owner olivia OFFICER");

            assertThat(list.tasks()).extracting(TaskView::ref).containsExactly("EN005/03", "EN003/01", "EN003/02");
        }

        @Test
        void givenASectionName_whenListedBySection_thenOnlyThatSectionsOpenTasksAreListed() {
            TaskList list = (TaskList) bot.send(VERA, "list section planning enforcement");

            assertThat(list.total()).isEqualTo(9);
            assertThat(list.tasks()).allSatisfy(t -> {
                assertThat(t.section()).isEqualTo("PLANNING ENFORCEMENT");
                assertThat(t.status().kind().isFinished()).isFalse();
            });
        }

        @Test
        void givenAWordOfASectionsName_whenListedBySection_thenThatSectionsOpenTasksAreListed() {
            // The help's own example: the sample's section is "PLANNING ENFORCEMENT".
            TaskList list = (TaskList) bot.send(VERA, "list section enforcement");

            assertThat(list.total()).isEqualTo(9);
            assertThat(list.tasks()).allSatisfy(t -> assertThat(t.section()).isEqualTo("PLANNING ENFORCEMENT"));
        }

        @Test
        void givenASectionFilterWithLikeWildcards_whenListed_thenTheyMatchLiterally() {
            assertThat(bot.sendText(VERA, "list section %")).contains("No section with `%` in its name has open tasks.");
            assertThat(((TaskList) bot.send(VERA, "list section _")).tasks()).isEmpty();
        }

        @Test
        void givenTheWholePlan_whenListIsAsked_thenAllOpenTasksAreCountedAndTheFirstTwentyFiveShown() {
            TaskList list = (TaskList) bot.send(VERA, "list");

            assertThat(list.total()).isEqualTo(85);
            assertThat(list.tasks()).hasSize(25);
        }
    }

    @Nested
    class History {
        @Test
        void givenATaskWithChanges_whenHistoryIsAsked_thenEveryChangeIsListedNewestFirst() {
            bot.send(OLIVIA, "update EN003/01 at risk waiting on legal");
            bot.clock().advance(java.time.Duration.ofHours(1));
            bot.send(OLIVIA, "date EN003/01 30/06/2023 legal are slow");

            HistoryReply history = (HistoryReply) bot.send(VERA, "history EN3/1");

            assertThat(history.ref()).isEqualTo("EN003/01");
            assertThat(history.lines()).extracting(h -> h.what()).containsExactly(
                    "target-date 31/05/2023 → 30/06/2023 (legal are slow)",
                    "status In progress → At risk (waiting on legal)");
            assertThat(bot.render(history)).contains("15/05/2023 10:00  Olivia Officer (console): target-date");
        }

        @Test
        void givenATaskWithNoChanges_whenHistoryIsAsked_thenItSaysSo() {
            assertThat(bot.sendText(VERA, "history EN003/02")).contains("No changes recorded yet.");
        }

        @Test
        void givenChangesToAnActionsTasks_whenTheActionsHistoryIsAsked_thenTheyAreListedWithTheirTaskRefs() {
            bot.send(OLIVIA, "done EN003/01");
            bot.clock().advance(java.time.Duration.ofMinutes(5));
            bot.send(OSCAR, "note EN003/03 booked the room");

            HistoryReply history = (HistoryReply) bot.send(VERA, "history ENF003");

            assertThat(history.ref()).isEqualTo("EN003");
            assertThat(history.lines()).extracting(h -> h.what()).containsExactly(
                    "EN003/03 note booked the room", "EN003/01 status In progress → Completed");
        }
    }

    @Nested
    class Others {
        @Test
        void givenWords_whenSearched_thenTasksMentioningEveryWordAreListed() {
            TaskList list = (TaskList) bot.send(VERA, "search ANNUAL report");

            assertThat(list.tasks()).extracting(TaskView::ref).contains("EN003/03", "EN003/04");
            assertThat(list.tasks()).allSatisfy(t -> assertThat(t.description().toLowerCase())
                    .contains("annual").contains("report"));
        }

        @Test
        void givenWordsNoTaskHas_whenSearched_thenTheEmptyListSaysSo() {
            assertThat(bot.sendText(VERA, "search zebra crossing")).contains("No task mentions `zebra crossing`.");
        }

        @Test
        void givenSearchWordsWithLikeWildcards_whenSearched_thenTheyMatchLiterally() {
            assertThat(((TaskList) bot.send(VERA, "search %")).tasks()).isEmpty();
            assertThat(((TaskList) bot.send(VERA, "search _")).tasks()).isEmpty();
        }

        @Test
        void givenThePlan_whenADigestPreviewIsAsked_thenTheWeeksDigestComesBackToTheAsker() {
            for (String command : List.of("digest", "digest preview")) {
                Reply reply = bot.send(ADA, command);
                assertThat(reply).isInstanceOf(DigestReply.class);
                assertThat(reply.visibleToChannel()).isFalse();
                assertThat(((DigestReply) reply).digest().totals().total()).isEqualTo(210);
                assertThat(bot.sendText(ADA, command)).startsWith("Weekly digest").contains("Overdue (");
            }
        }

        @Test
        void givenHelp_whenAsked_thenEveryCommandIsListedWithItsUsage() {
            HelpReply help = (HelpReply) bot.send(VERA, "help");

            assertThat(help.entries()).extracting(HelpReply.Entry::usage).anySatisfy(u -> assertThat(u).startsWith("status"))
                    .anySatisfy(u -> assertThat(u).startsWith("date <ref> <dd/mm/yyyy>"));
            assertThat(help.entries()).hasSize(HelpText.entries().size());
            assertThat(bot.send(VERA, "/plan")).isEqualTo(help);
        }

        @Test
        void givenHelpForOneCommand_whenAsked_thenItExplainsThatCommandWithAnExample() {
            HelpReply help = (HelpReply) bot.send(VERA, "help date");

            assertThat(help.title()).isEqualTo("How to use date");
            assertThat(help.entries()).singleElement().satisfies(e -> {
                assertThat(e.usage()).isEqualTo("date <ref> <dd/mm/yyyy> [reason]");
                assertThat(e.description()).contains("Example: date EN003/02");
            });
        }
    }
}
