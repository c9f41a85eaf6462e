package planbot.tracker.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static planbot.tracker.write.Plans.day;
import static planbot.tracker.write.Plans.na;
import static planbot.tracker.write.Plans.task;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import planbot.domain.Action;
import planbot.domain.Layout.Role;
import planbot.domain.Layout;
import planbot.domain.Plan;
import planbot.domain.Section;
import planbot.domain.Status;
import planbot.domain.Task;
import planbot.domain.UserFixableException;
import planbot.tracker.FormulaGuard;

/** The council layout as CSV: what CsvPlanWriter writes and what CouncilLayoutWriter decides. */
class CsvPlanWriterTest {
    private static final String REVIEW_HEADER = "REF.,MAIN ACTION RAG STATUS,RED QUADRANT RECOMMENDATION,"
            + "KEY TASKS FOR DELIVERY,INTERNAL REF,PROGRESS RAG STATUS,REVISED SHORT / MEDIUM / LONG TERM,"
            + "REVISED START DATE,REVISED PLANNED TARGET END DATE";

    private static Plan smallReview(Action action) {
        return new Plan("Planning review", Plans.reviewLayout(),
                List.of(new Section("PLANNING ENFORCEMENT", List.of(action))));
    }

    private static Action en004(Task... tasks) {
        return new Action("EN004", "ENFORCEMENT 004", "a) Delegate \"down\" to Enforcement Officers.\n"
                + "b) Greater accountability.", Status.of("Completed"), null, null, List.of(tasks));
    }

    @Test
    void writesASmallReviewPlanExactlyInTheCouncilsLayout() throws IOException {
        // GIVEN one action with a two-part recommendation and two tasks
        Plan plan = smallReview(en004(
                task("EN004/01", "Conduct benchmarking exercise, compare practice.", "Completed", "N/A", na(), na()),
                task("EN004/05", "Develop a standard template", "Completed", "Short", day("01/02/2023"),
                        day("01/03/2023"))));

        // WHEN exported as CSV
        String csv = Exports.csv(plan);

        // THEN a BOM, the council's header, a section row, the action's cells on its first row only, CRLF
        // between records and the recommendation's own line break kept inside quotes
        assertThat(csv).isEqualTo("\uFEFF" + REVIEW_HEADER + "\r\n"
                + "PLANNING ENFORCEMENT,,,,,,,,\r\n"
                + "ENFORCEMENT 004,Completed,\"a) Delegate \"\"down\"\" to Enforcement Officers.\nb) Greater "
                + "accountability.\",\"Conduct benchmarking exercise, compare practice.\",EN004/01,Completed,"
                + "N/A,N/A,N/A\r\n"
                + "\"\",,,Develop a standard template,EN004/05,Completed,Short,01/02/2023,01/03/2023\r\n");
    }

    @Test
    void appendsOnlyTheTrailingColumnsThePlanNeeds() throws IOException {
        // GIVEN a review plan (no owner, notes or lead columns) where one task has an owner and one has notes
        Plan plan = smallReview(en004(
                new Task("EN004/01", "Benchmark", Status.of("Completed"), null, null, null, null, "HoP", null),
                new Task("EN004/02", "Map the process", Status.of("Completed"), null, null, null, null, null,
                        "(DUPLICATE OF 005.)")));

        // WHEN exported
        List<List<String>> rows = Exports.csvRows(plan);

        // THEN OWNER and NOTES follow the council's columns, and nothing else is added
        assertThat(rows.get(0)).endsWith("REVISED PLANNED TARGET END DATE", "OWNER", "NOTES").hasSize(11);
        assertThat(rows.get(1)).hasSize(11);
        assertThat(rows.get(2).subList(9, 11)).containsExactly("HoP", "");
        assertThat(rows.get(3).subList(9, 11)).containsExactly("", "(DUPLICATE OF 005.)");
    }

    @Test
    void keepsEveryCellOfTheSampleLikePlanWhenParsedBack() throws IOException {
        // GIVEN the review sample's mess: TBC remarks, dates with remarks, a typo label, an unknown status,
        // an action lead and notes, a month-precision date set by planbot
        Plan plan = Plans.review();

        // WHEN exported and parsed back with commons-csv
        List<List<String>> rows = Exports.csvRows(plan);

        // THEN the header is the council's plus the four trailing columns, in the documented order
        assertThat(rows.get(0)).containsExactly("REF.", "MAIN ACTION RAG STATUS", "RED QUADRANT RECOMMENDATION",
                "KEY TASKS FOR DELIVERY", "INTERNAL REF", "PROGRESS RAG STATUS", "REVISED SHORT / MEDIUM / LONG TERM",
                "REVISED START DATE", "REVISED PLANNED TARGET END DATE", "OWNER", "NOTES", "ACTION NOTES",
                "ACTION LEAD");
        assertThat(rows).allSatisfy(r -> assertThat(r).hasSize(13));
        // AND section rows carry only the name
        assertThat(rows.get(1)).containsExactly("PLANNING ENFORCEMENT", "", "", "", "", "", "", "", "", "", "", "",
                "");
        assertThat(rows.get(6).get(0)).isEqualTo("IT INFRASTRUCTURE");
        // AND the split recommendation comes back whole, on the action's first row only
        assertThat(rows.get(4).get(2)).isEqualTo(plan.sections().get(0).actions().get(1).recommendation())
                .contains("\n");
        assertThat(rows.get(5).subList(0, 3)).containsOnly("");
        // AND dates are written as the council wrote them
        assertThat(rows.get(7).subList(4, 9)).containsExactly("IT009/02", "In progress", "Medium",
                "01/06/2023 - TBC", "30/08/2023 - TBC");
        assertThat(rows.get(8).subList(7, 9)).containsExactly("01/05/2023*", "31/08/2023*");
        assertThat(rows.get(9)).containsExactly("IT INFRASTRUCURE 012", "On target",
                "The hardware available to Members and Officers be reviewed.",
                "Engagement to find out what the members would appreciate.", "IT012/01", "Parked", "TBC", "TBC",
                "TBC - Interdependency with SWOW Project", "Sam Patel", "Waiting on SWOW board.",
                "Budget agreed in March.", "Head of Planning");
        assertThat(rows.get(10)).containsExactly("", "", "",
                "Obtain costings and look at the different options for equipment.", "IT012/02", "", "", "",
                "July 2025", "", "", "", "");
        assertThat(rows).hasSize(11);
    }

    @Test
    void writesTheKeyWhenAnActionHasNoLabelAndOneRowForAnActionWithoutTasks() throws IOException {
        // GIVEN an action known only by its key, and an action with no tasks yet
        Action unlabelled = new Action("EN007", null, "Review the charter.", Status.of("Not started"), null, null,
                List.of(task("EN007/01", "Draft", "Not started", null, null, null)));
        Action empty = new Action("EN008", "ENFORCEMENT 008", "Publish the charter.", Status.of("Not started"),
                null, null, List.of());
        Plan plan = new Plan("p", Plans.reviewLayout(), List.of(new Section("", List.of(unlabelled, empty))));

        // WHEN exported
        List<List<String>> rows = Exports.csvRows(plan);

        // THEN no section row for the unnamed section; the key stands in for the label; the empty action has
        // its own cells and empty task cells
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).subList(0, 5)).containsExactly("EN007", "Not started", "Review the charter.", "Draft",
                "EN007/01");
        assertThat(rows.get(2)).containsExactly("ENFORCEMENT 008", "Not started", "Publish the charter.", "", "", "",
                "", "", "");
    }

    @Test
    void writesAnActivityPlanWithTheWorkstreamOnItsFirstRowAndTheLeadPerActivity() throws IOException {
        // GIVEN the activity plan, plus an activity whose dates were set in planbot (no timescale text)
        Plan plan = Plans.activity();

        // WHEN exported
        List<List<String>> rows = Exports.csvRows(plan);

        // THEN the council's four columns only, no section row, timescales as written, the lead per activity
        assertThat(rows).containsExactly(
                List.of("WORKSTREAM", "INITIAL ACTIVITIES", "TIMESCALE", "LEAD"),
                List.of("Smart Sharing", "Design and implement 3 Smart Sharing \u201cproof of concept\u201d projects.",
                        "10/16 \u2013 3/17", "Heads of Planning (HoP) take lead on individual project"),
                List.of("", "Evaluate impact of test projects.", "3/17 forwards", "HoP"),
                List.of("", "Consult with staff on priorities.", "End 2/17", ""),
                List.of("Governance", "Continue with existing arrangements.", "Ongoing", "PM"));
    }

    @Test
    void keepsStatusesAndLeadsSetInChatOnAnActivityPlan() throws IOException {
        // GIVEN an activity plan where a task got a status and the workstream a lead through planbot
        Plan base = Plans.activity();
        Action smart = base.sections().get(0).actions().get(0);
        Action changed = new Action(smart.key(), smart.label(), smart.recommendation(), smart.status(), "PM", null,
                List.of(smart.tasks().get(0).withStatus(Status.of("Completed"))));
        Plan plan = new Plan(base.name(), base.layout(), List.of(new Section("", List.of(changed))));

        // WHEN exported
        List<List<String>> rows = Exports.csvRows(plan);

        // THEN the LEAD column stays the activity's owner; the action lead and the status get trailing columns
        assertThat(rows.get(0)).containsExactly("WORKSTREAM", "INITIAL ACTIVITIES", "TIMESCALE", "LEAD",
                "ACTION LEAD", "STATUS");
        assertThat(rows.get(1).subList(3, 6)).containsExactly(
                "Heads of Planning (HoP) take lead on individual project", "PM", "Completed");
    }

    @Test
    void writesATableByColumnRoleWithASectionColumnAndIgnoredColumnsEmpty() throws IOException {
        // GIVEN a table layout in its own order, with a section column and a column planbot ignores
        Layout layout = new Layout(Layout.Shape.TABLE, List.of(
                new Layout.Column("Theme", Role.SECTION),
                new Layout.Column("Ref", Role.TASK_REF),
                new Layout.Column("Action", Role.ACTION_REF),
                new Layout.Column("Task", Role.TASK),
                new Layout.Column("Owner", Role.OWNER),
                new Layout.Column("Lead", Role.LEAD),
                new Layout.Column("Due", Role.TARGET),
                new Layout.Column("RAG", Role.STATUS),
                new Layout.Column("Budget", Role.IGNORED),
                new Layout.Column("Comments", Role.NOTES)));
        Action a = new Action("DM1", "Validation", "", Status.of("At risk"), "Patsy Dell and Service Managers",
                null, List.of(
                new Task("DM1/1", "Publish checklist", Status.of("At risk"), null, null, day("30/06/2024"), null,
                        "PM/Business Managers", "Draft with legal"),
                new Task("DM1/2", "Train officers", Status.of("Not started"), null, null, null, null, null, null)));
        Plan plan = new Plan("Table", layout, List.of(new Section("Development management", List.of(a)),
                new Section("Empty theme", List.of())));

        // WHEN exported
        List<List<String>> rows = Exports.csvRows(plan);

        // THEN no section rows (the section has a column); section and action cells on their first row only;
        // the action status, which the table has no column for, goes in a trailing column
        assertThat(rows).containsExactly(
                List.of("Theme", "Ref", "Action", "Task", "Owner", "Lead", "Due", "RAG", "Budget", "Comments",
                        "ACTION STATUS"),
                List.of("Development management", "DM1/1", "Validation", "Publish checklist", "PM/Business Managers",
                        "Patsy Dell and Service Managers", "30/06/2024", "At risk", "", "Draft with legal", "At risk"),
                List.of("", "DM1/2", "", "Train officers", "", "", "", "Not started", "", "", ""),
                List.of("Empty theme", "", "", "", "", "", "", "", "", "", ""));
    }

    @Test
    void addsStartAndTargetColumnsOnlyWhenNoColumnHoldsDates() throws IOException {
        // GIVEN a table with no date column, and a task whose target was set in chat
        Layout layout = new Layout(Layout.Shape.TABLE, List.of(
                new Layout.Column("Ref", Role.TASK_REF), new Layout.Column("Task", Role.TASK)));
        Plan plan = new Plan("t", layout, List.of(new Section("", List.of(new Action("A1", null, "", null, null,
                null, List.of(task("A1/1", "Do it", null, null, null, day("30/06/2024"))))))));

        // WHEN exported THEN only TARGET is added, since no task has a start
        assertThat(Exports.csvRows(plan)).containsExactly(
                List.of("Ref", "Task", "TARGET"),
                List.of("A1/1", "Do it", "30/06/2024"));
    }

    @Test
    void neutralisesFormulasInEveryCellHeadersIncluded() throws IOException {
        // GIVEN text that a spreadsheet would evaluate, in a header, a label, a description, an owner, a note
        Plan plan = XlsxPlanWriterTest.formulaPlan();

        // WHEN exported as CSV and parsed back
        List<List<String>> rows = Exports.csvRows(plan);

        // THEN each such cell starts with one apostrophe, and restore gives the original back
        assertThat(rows).containsExactly(
                List.of("'\tx", "'=1+1", "Action", "Owner", "Notes"),
                List.of("'@Section", "", "", "", ""),
                List.of("'+44 1234", "'=1+1", "'-5", "'@SUM(A1)", "'-5 days"));
        assertThat(FormulaGuard.restore(rows.get(2).get(0))).isEqualTo("+44 1234");
    }

    @Test
    void refusesAPlanWithNoLayoutToWriteBack() {
        // GIVEN a plan whose layout has no columns
        Plan plan = new Plan("Bare", new Layout(Layout.Shape.TABLE, List.of()), List.of());

        // WHEN / THEN the spreadsheet formats say why and point to JSON, which still works
        assertThatThrownBy(() -> Exports.csv(plan)).isInstanceOf(UserFixableException.class)
                .hasMessage("plan 'Bare' has no tracker layout to write back; export it as JSON instead");
    }
}
