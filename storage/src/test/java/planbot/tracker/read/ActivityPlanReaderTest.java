package planbot.tracker.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import planbot.domain.Action;
import planbot.domain.Layout.Role;
import planbot.domain.Layout;
import planbot.domain.Plan;
import planbot.domain.PlanDate;
import planbot.domain.Task;
import planbot.tracker.Timescales;

/** The activity plan sample: 4 workstreams and 12 activities, counted by hand from the file. */
class ActivityPlanReaderTest {
    private static ReadResult result;
    private static Plan plan;

    @BeforeAll
    static void readSample() throws Exception {
        result = Samples.read(Samples.ACTIVITY);
        plan = result.plan();
    }

    @Test
    void GIVEN_activity_sample_WHEN_read_THEN_four_workstreams_with_twelve_activities_in_one_section() {
        assertThat(plan.layout().shape()).isEqualTo(Layout.Shape.ACTIVITY);
        assertThat(plan.layout().columns()).extracting(Layout.Column::role)
                .containsExactly(Role.ACTION_REF, Role.TASK, Role.TIMESCALE, Role.OWNER);
        assertThat(plan.sections()).hasSize(1);
        assertThat(plan.sections().get(0).name()).isEmpty();
        assertThat(plan.actions()).extracting(Action::key, Action::label).containsExactly(
                tuple("SS", "Smart Sharing"),
                tuple("BCOA", "Building Control Options Appraisal"),
                tuple("CSE", "Communications and Stakeholder Engagement"),
                tuple("GOV", "Governance"));
        assertThat(plan.actions()).extracting(a -> a.tasks().size()).containsExactly(6, 4, 1, 1);
        assertThat(plan.tasks().count()).isEqualTo(12);
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void GIVEN_activity_sample_WHEN_read_THEN_each_timescale_gives_month_precision_start_and_target() {
        assertSpan("SS/01", "10/16 – 3/17", LocalDate.of(2016, 10, 1), LocalDate.of(2017, 3, 31));
        assertSpan("SS/02", "3/17 forwards", LocalDate.of(2017, 3, 1), null);
        assertSpan("SS/03", "11/16 – End 2/17", LocalDate.of(2016, 11, 1), LocalDate.of(2017, 2, 28));
        assertSpan("SS/04", "End 2/17", null, LocalDate.of(2017, 2, 28));
        assertSpan("SS/05", "End 2/17", null, LocalDate.of(2017, 2, 28));
        assertSpan("SS/06", "End 4/17", null, LocalDate.of(2017, 4, 30));
        assertSpan("BCOA/01", "10/16-mid 12/16", LocalDate.of(2016, 10, 1), LocalDate.of(2016, 12, 15));
        assertSpan("BCOA/02", "11/16-mid 12/16", LocalDate.of(2016, 11, 1), LocalDate.of(2016, 12, 15));
        assertSpan("BCOA/03", "mid 12/16 – mid 2/17", LocalDate.of(2016, 12, 15), LocalDate.of(2017, 2, 15));
        assertSpan("BCOA/04", "by end 3/17", null, LocalDate.of(2017, 3, 31));
        for (String ref : new String[] {"CSE/01", "GOV/01"}) {
            assertThat(Timescales.text(task(ref))).isEqualTo("Ongoing");
            assertThat(task(ref).start()).isNull();
            assertThat(task(ref).target().kind()).isEqualTo(PlanDate.Kind.ONGOING);
        }
    }

    @Test
    void GIVEN_activity_sample_WHEN_read_THEN_timescale_text_is_kept_only_where_the_dates_would_not_give_it_back() {
        // "3/17 forwards" would be written "from 3/17", and "10/16-mid 12/16" with a spaced en dash
        assertThat(plan.tasks().filter(t -> t.timescale() != null)).extracting(Task::ref, Task::timescale)
                .containsExactly(tuple("SS/02", "3/17 forwards"), tuple("BCOA/01", "10/16-mid 12/16"),
                        tuple("BCOA/02", "11/16-mid 12/16"));
    }

    @Test
    void GIVEN_activity_sample_WHEN_read_THEN_lead_is_the_task_owner_as_written() {
        assertThat(task("SS/01").owner()).isEqualTo("Heads of Planning (HoP) take lead on individual project");
        assertThat(task("SS/04").owner()).isEqualTo("PM/Business Managers");
        assertThat(task("SS/05").owner()).isNull();
        assertThat(task("BCOA/02").owner()).isNull();
        assertThat(task("CSE/01").owner()).isEqualTo("Project team/service leads");
        assertThat(task("SS/01").description()).startsWith("Design and implement 3 Smart Sharing “proof of concept”");
    }

    @Test
    void GIVEN_rows_written_one_column_out_WHEN_read_THEN_they_are_repaired_and_noticed() {
        assertThat(task("BCOA/01").description()).startsWith("Undertake service data analysis");
        assertThat(task("BCOA/02").description()).startsWith("Establish consensus on expected benefits");
        assertThat(task("BCOA/03").description()).isEqualTo("Identify short list of options for detailed development and evaluation.");
        assertThat(task("BCOA/04").description()).isEqualTo("Design implementation plan for preferred options.");
        assertThat(result.notices()).containsExactly(
                "row 14: the row was shifted one column to the right; 'Building Control Options Appraisal' is read as a new workstream",
                "row 15: an activity is written in the WORKSTREAM column; it is read as an activity of 'Building Control Options Appraisal'",
                "row 16: an activity is written in the WORKSTREAM column; it is read as an activity of 'Building Control Options Appraisal'",
                "row 17: an activity is written in the WORKSTREAM column; it is read as an activity of 'Building Control Options Appraisal'");
    }

    @Test
    void GIVEN_planbots_export_with_what_was_changed_in_chat_WHEN_read_THEN_statuses_leads_and_notes_come_back()
            throws Exception {
        String csv = "WORKSTREAM,INITIAL ACTIVITIES,TIMESCALE,LEAD,NOTES,ACTION LEAD,STATUS,ACTION STATUS\r\n"
                + "Governance,Continue the work stream group.,10/16 \u2013 30/06/2017,PM,Chased,Head of Planning,"
                + "Completed,At risk\r\n"
                + "GOV2,Report to the board.,,,,,Paused,\r\n";

        ReadResult read = TrackerReader.read(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), "export.csv",
                ReadOptions.named("export"));

        assertThat(read.plan().layout().columns()).extracting(Layout.Column::role)
                .containsExactly(Role.ACTION_REF, Role.TASK, Role.TIMESCALE, Role.OWNER);
        assertThat(read.plan().actions()).extracting(Action::key, Action::label, Action::lead)
                .containsExactly(tuple("GOV", "Governance", "Head of Planning"), tuple("GOV2", null, null));
        Task gov = read.plan().tasks().findFirst().orElseThrow();
        assertThat(gov.status().word()).isEqualTo("Completed");
        assertThat(gov.notes()).isEqualTo("Chased");
        assertThat(gov.target()).isEqualTo(PlanDate.of(LocalDate.of(2017, 6, 30)));
        assertThat(gov.timescale()).isNull();
        assertThat(read.plan().actions().findFirst().orElseThrow().status().word()).isEqualTo("At risk");
    }

    private static void assertSpan(String ref, String timescale, LocalDate start, LocalDate target) {
        Task task = task(ref);
        assertThat(Timescales.text(task)).as(ref).isEqualTo(timescale);
        if (start == null) {
            assertThat(task.start()).as(ref + " start").isNull();
        } else {
            assertThat(task.start().date()).as(ref + " start").isEqualTo(start);
            assertThat(task.start().precision()).isEqualTo(PlanDate.Precision.MONTH);
        }
        if (target == null) {
            assertThat(task.target()).as(ref + " target").isNull();
        } else {
            assertThat(task.target().date()).as(ref + " target").isEqualTo(target);
            assertThat(task.target().precision()).isEqualTo(PlanDate.Precision.MONTH);
        }
    }

    private static Task task(String ref) {
        return plan.tasks().filter(t -> t.ref().equals(ref)).findFirst().orElseThrow();
    }
}
