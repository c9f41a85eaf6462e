package planbot.command;

import static org.assertj.core.api.Assertions.assertThat;
import static planbot.command.SamplePeople.ADA;
import static planbot.command.SamplePeople.LIAM;
import static planbot.command.SamplePeople.MONA;
import static planbot.command.SamplePeople.OLIVIA;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.domain.AuditEvent;
import planbot.domain.DateRevision;
import planbot.domain.PlanDate;
import planbot.domain.Rag;
import planbot.domain.Role;
import planbot.domain.Source;
import planbot.domain.StatusKind;
import planbot.domain.Task;
import planbot.reply.Confirmation;
import planbot.reply.Failure;
import planbot.reply.Reply;
import planbot.testing.TestBot;

/**
 * The commands that change a task, through the whole stack: each stores the change, one audit event (and a
 * date revision for a new target date) in the same transaction, and confirms with the task as it now is.
 */
class CommandServiceChangeTest {
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

    @Test
    void givenAnOwnedTask_whenItsStatusIsUpdatedWithANote_thenTheStatusNoteAndAuditAreStored() {
        Reply reply = bot.send(OLIVIA, "update EN3/1 at risk waiting on legal");

        assertThat(reply).isInstanceOf(Confirmation.class);
        Confirmation c = (Confirmation) reply;
        assertThat(c.text()).isEqualTo("EN003/01 is now At risk, with your note.");
        assertThat(c.task().rag()).isEqualTo(Rag.AMBER);
        assertThat(c.auditLine()).isEqualTo("status In progress → At risk (waiting on legal)");
        assertThat(c.visibleToChannel()).isTrue();
        Task stored = bot.task("EN003/01");
        assertThat(stored.status().word()).isEqualTo("At risk");
        assertThat(stored.status().kind()).isEqualTo(StatusKind.AT_RISK);
        assertThat(stored.notes()).isEqualTo("15/05/2023 Olivia Officer: waiting on legal");
        assertThat(bot.audit("EN003/01")).containsExactly(new AuditEvent(bot.now(), OLIVIA, Source.CONSOLE, "task",
                "EN003/01", "status", "In progress", "At risk", "waiting on legal"));
    }

    @Test
    void givenAStatusWordAsCouncilsWriteIt_whenUpdated_thenTheCanonicalWordIsStored() {
        bot.send(OLIVIA, "update EN003/01 ON-TARGET");

        assertThat(bot.task("EN003/01").status().word()).isEqualTo("On target");
        assertThat(bot.task("EN003/01").notes()).isNull();
    }

    @Test
    void givenATaskAlreadyInThatStatus_whenUpdatedWithoutANote_thenNothingIsWritten() {
        var before = bot.dump();

        Reply reply = bot.send(OLIVIA, "update EN003/01 in progress");

        assertThat(reply).isInstanceOf(Confirmation.class);
        assertThat(((Confirmation) reply).text()).isEqualTo("EN003/01 is already In progress; nothing to change.");
        assertThat(((Confirmation) reply).auditLine()).isNull();
        assertThat(bot.dump()).isEqualTo(before);
    }

    @Test
    void givenDoneAndComplete_whenSent_thenEachMarksItsTaskCompletedWithTheNote() {
        bot.send(OLIVIA, "done EN003/01 report drafted");
        bot.send(OLIVIA, "complete EN003/02");

        assertThat(bot.task("EN003/01").status().word()).isEqualTo("Completed");
        assertThat(bot.task("EN003/01").notes()).endsWith("Olivia Officer: report drafted");
        assertThat(bot.task("EN003/02").status().kind()).isEqualTo(StatusKind.COMPLETED);
        assertThat(bot.audit("EN003/02")).singleElement().satisfies(e -> {
            assertThat(e.change()).isEqualTo("status");
            assertThat(e.after()).isEqualTo("Completed");
            assertThat(e.note()).isNull();
        });
    }

    @Test
    void givenANote_whenAdded_thenItIsAppendedWithTheDayAndWhoAndAudited() {
        bot.send(OLIVIA, "note EN003/01 first draft circulated");
        bot.clock().advance(java.time.Duration.ofDays(1));
        Reply reply = bot.send(OLIVIA, "note EN003/01 comments back");

        assertThat(((Confirmation) reply).text()).isEqualTo("Noted on EN003/01.");
        assertThat(bot.task("EN003/01").notes())
                .isEqualTo("15/05/2023 Olivia Officer: first draft circulated\n16/05/2023 Olivia Officer: comments back");
        assertThat(bot.task("EN003/01").status().word()).isEqualTo("In progress");
        assertThat(bot.audit("EN003/01")).extracting(AuditEvent::change, AuditEvent::after)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("note", "comments back"),
                        org.assertj.core.groups.Tuple.tuple("note", "first draft circulated"));
    }

    @Test
    void givenANewTargetDate_whenSet_thenTheTaskTheRevisionHistoryAndTheAuditAreWrittenTogether() {
        int revisionsBefore = bot.revisions("EN003/01").size();

        Reply reply = bot.send(OLIVIA, "date EN003/01 30/06/2023 waiting on legal");

        assertThat(((Confirmation) reply).text()).isEqualTo("The target date of EN003/01 is now 30/06/2023 (was 31/05/2023).");
        assertThat(bot.task("EN003/01").target()).isEqualTo(PlanDate.of(LocalDate.of(2023, 6, 30)));
        List<DateRevision> revisions = bot.revisions("EN003/01");
        assertThat(revisions).hasSize(revisionsBefore + 1);
        DateRevision last = revisions.get(revisions.size() - 1);
        assertThat(last.from().date()).isEqualTo(LocalDate.of(2023, 5, 31));
        assertThat(last.to()).isEqualTo(PlanDate.of(LocalDate.of(2023, 6, 30)));
        assertThat(last.actor()).isEqualTo(OLIVIA);
        assertThat(last.source()).isEqualTo(Source.CONSOLE);
        assertThat(last.reason()).isEqualTo("waiting on legal");
        assertThat(last.at()).isEqualTo(bot.now());
        assertThat(bot.audit("EN003/01")).singleElement().isEqualTo(new AuditEvent(bot.now(), OLIVIA, Source.CONSOLE,
                "task", "EN003/01", "target-date", "31/05/2023", "30/06/2023", "waiting on legal"));
    }

    @Test
    void givenADateAlreadyPassed_whenSetAsTheTarget_thenItIsStoredAndTheReplyWarnsItIsOverdue() {
        Reply reply = bot.send(OLIVIA, "date EN003/01 01/05/2023");

        assertThat(((Confirmation) reply).text()).contains("already passed");
        assertThat(((Confirmation) reply).task().rag()).isEqualTo(Rag.RED);
    }

    @Test
    void givenAnImpossibleDate_whenSet_thenItIsRefusedAndNothingIsWritten() {
        var before = bot.dump();

        Reply reply = bot.send(OLIVIA, "date EN003/01 31/02/2023");

        assertThat(reply).isInstanceOf(Failure.class);
        assertThat(((Failure) reply).message()).contains("31/02/2023 is not a real date");
        assertThat(bot.dump()).isEqualTo(before);
    }

    @Test
    void givenTheLeadOfAnAction_whenTheyAssignOneOfItsTasksByName_thenTheOwnerChangesAndIsAudited() {
        Reply reply = bot.send(LIAM, "assign EN003/04 Olivia Officer");

        assertThat(((Confirmation) reply).text()).isEqualTo("EN003/04 is now Olivia Officer's.");
        assertThat(bot.task("EN003/04").owner()).isEqualTo(OLIVIA);
        assertThat(bot.audit("EN003/04")).singleElement().satisfies(e -> {
            assertThat(e.change()).isEqualTo("owner");
            assertThat(e.before()).isNull();
            assertThat(e.after()).isEqualTo(OLIVIA);
            assertThat(e.actor()).isEqualTo(LIAM);
        });
        assertThat(((planbot.reply.TaskList) bot.send(OLIVIA, "mine")).tasks())
                .extracting(planbot.reply.TaskView::ref).contains("EN003/04");
    }

    @Test
    void givenANameNotYetInThePlan_whenATaskIsAssignedToIt_thenThePersonIsAddedAsAnOfficer() {
        bot.send(MONA, "assign EN003/01 Sam Jones");

        assertThat(bot.task("EN003/01").owner()).isEqualTo("Sam Jones");
        assertThat(bot.actor("Sam Jones").role()).isEqualTo(Role.OFFICER);
        assertThat(bot.audit("EN003/01").get(0).before()).isEqualTo(OLIVIA);
    }

    @Test
    void givenAPlatformMentionNobodyIsLinkedTo_whenAssigned_thenItIsRefusedWithAWayForward() {
        var before = bot.dump();

        Reply reply = bot.send(MONA, "assign EN003/01 <@U123ABC>");

        assertThat(reply).isInstanceOf(Failure.class);
        assertThat(((Failure) reply).message()).contains("can't tell who").contains("assign by name");
        assertThat(bot.dump()).isEqualTo(before);
    }

    @Test
    void givenASnooze_whenSet_thenTheTaskIsSnoozedUntilThatDayAndAuditedButNotOtherwiseChanged() {
        Task before = bot.task("EN003/01");

        Reply reply = bot.send(OLIVIA, "snooze EN3/1 1w on leave");

        assertThat(((Confirmation) reply).text()).isEqualTo("Reminders for EN003/01 are paused until 22/05/2023.");
        assertThat(bot.snoozedUntil("EN003/01")).contains(LocalDate.of(2023, 5, 22));
        assertThat(bot.task("EN003/01")).isEqualTo(before);
        assertThat(bot.audit("EN003/01")).singleElement().satisfies(e -> {
            assertThat(e.change()).isEqualTo("snooze");
            assertThat(e.after()).isEqualTo("until 22/05/2023");
            assertThat(e.note()).isEqualTo("on leave");
        });
    }

    @Test
    void givenASnoozeUntilADate_whenSet_thenTheTaskIsSnoozedUntilThatDay() {
        bot.send(ADA, "snooze EN003/01 01/06/2023");

        assertThat(bot.snoozedUntil("EN003/01")).contains(LocalDate.of(2023, 6, 1));
    }

    @Test
    void givenAnActionRef_whenAChangeIsAsked_thenItIsRefusedWithTheActionsTasksAsCandidates() {
        var before = bot.dump();

        Reply reply = bot.send(ADA, "update ENF003 done");

        assertThat(reply).isInstanceOf(Failure.class);
        assertThat(((Failure) reply).message()).isEqualTo("ENFORCEMENT 003 is an action; name one of its tasks.");
        assertThat(((Failure) reply).suggestions()).containsExactly("EN003/01", "EN003/02", "EN003/03", "EN003/04", "EN003/05");
        assertThat(bot.dump()).isEqualTo(before);
    }

    @Test
    void givenTheAuditTrailRefusesToBeWritten_whenAStatusChanges_thenTheChangeIsRolledBackAndTheAnswerIsShortAndGeneric() {
        refuseInserts("audit_event");
        var before = bot.dump();

        Reply reply = bot.send(OLIVIA, "update EN003/01 at risk waiting on legal");

        assertThat(reply).isEqualTo(Failure.ours());
        assertThat(bot.dump()).isEqualTo(before);
    }

    @Test
    void givenTheDateHistoryRefusesToBeWritten_whenATargetDateChanges_thenTheTaskAndItsAuditAreRolledBack() {
        refuseInserts("target_date_revision");
        var before = bot.dump();

        Reply reply = bot.send(OLIVIA, "date EN003/01 30/06/2023");

        assertThat(reply).isEqualTo(Failure.ours());
        assertThat(bot.dump()).isEqualTo(before);
        assertThat(bot.task("EN003/01").target().date()).isEqualTo(LocalDate.of(2023, 5, 31));
    }

    /** Makes the database itself refuse any new row in the table, as a full disk or a broken constraint would. */
    private void refuseInserts(String table) {
        bot.app().database().withHandle(h -> h.execute("CREATE TRIGGER refuse_" + table + " BEFORE INSERT ON " + table
                + " BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END"));
    }

    @Test
    void givenATenantWithNoPlanYet_whenAPlanIsImportedAfterTheFirstCommand_thenTheNextCommandFindsIt() {
        planbot.command.CommandRequest request = new planbot.command.CommandRequest("newcomer",
                planbot.command.Actor.guest("someone"), Source.CONSOLE, "status EN003/01");
        assertThat(bot.app().commands().handle(request)).isInstanceOf(Failure.class);

        bot.app().imports().importPlan("newcomer", planbot.storage.testing.TestPlans.read(
                planbot.storage.testing.TestPlans.review("Review")), planbot.tracker.ImportMode.APPLY, "test", bot.clock());

        assertThat(bot.app().commands().handle(request)).isInstanceOf(planbot.reply.TaskCard.class);
    }

    @Test
    void givenAChangeFromAPlatform_whenStored_thenTheAuditNamesThatPlatformAsTheSource() {
        bot.source(Source.SLACK).send(OLIVIA, "done EN003/01");

        assertThat(bot.audit("EN003/01").get(0).source()).isEqualTo(Source.SLACK);
    }
}
