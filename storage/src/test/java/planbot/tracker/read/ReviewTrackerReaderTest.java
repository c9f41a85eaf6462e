package planbot.tracker.read;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import planbot.domain.Action;
import planbot.domain.Layout.Role;
import planbot.domain.Layout;
import planbot.domain.Plan;
import planbot.domain.PlanDate;
import planbot.domain.Section;
import planbot.domain.Task;
import planbot.tracker.Problem;

/**
 * The review tracker sample, read once. Every number here was counted by hand from the file (awk over the
 * internal-ref cells, the label rows and the date cells), not taken from the reader's output.
 */
class ReviewTrackerReaderTest {
    private static ReadResult result;
    private static Plan plan;

    @BeforeAll
    static void readSample() throws Exception {
        result = Samples.read(Samples.REVIEW);
        plan = result.plan();
    }

    @Test
    void GIVEN_review_sample_WHEN_read_THEN_shape_and_header_layout_are_kept_for_export() {
        assertThat(plan.layout().shape()).isEqualTo(Layout.Shape.REVIEW);
        assertThat(plan.layout().columns()).extracting(Layout.Column::header).containsExactly(
                "REF.", "MAIN ACTION RAG STATUS", "RED QUADRANT RECOMMENDATION", "KEY TASKS FOR DELIVERY",
                "INTERNAL REF", "PROGRESS RAG STATUS", "REVISED SHORT / MEDIUM / LONG TERM", "REVISED START DATE",
                "REVISED PLANNED TARGET END DATE");
        assertThat(plan.layout().columns()).extracting(Layout.Column::role).containsExactly(
                Role.ACTION_REF, Role.ACTION_STATUS, Role.ACTION, Role.TASK, Role.TASK_REF, Role.STATUS, Role.TERM,
                Role.START, Role.TARGET);
    }

    @Test
    void GIVEN_review_sample_WHEN_read_THEN_sections_actions_and_tasks_match_a_hand_count() {
        assertThat(plan.sections()).extracting(Section::name).containsExactly(
                "PLANNING ENFORCEMENT", "PRE-APPLICATION ADVICE SERVICE", "COMPLAINTS PROCESS",
                "STAKEHOLDER ENGAGEMENT & CONSULTATION", "CONSULTATION PROCESS",
                "ORGANISATIONAL STRUCTURES IN PLANNING", "BUSINESS SUPPORT & CUSTOMER SERVICES", "IT INFRASTRUCTURE",
                "PLANNING PORTAL (WLBC WEBSITE)", "COMMUNICATIONS", "ELECTED MEMBER TRAINING");
        assertThat(plan.sections()).extracting(s -> s.actions().size())
                .containsExactly(6, 7, 3, 4, 2, 6, 2, 13, 2, 8, 3);
        assertThat(plan.actions().count()).isEqualTo(56);
        assertThat(plan.tasks().count()).isEqualTo(210);
        assertThat(plan.actions().allMatch(a -> a.label() != null)).isTrue();
    }

    @Test
    void GIVEN_review_sample_WHEN_read_THEN_target_dates_match_a_hand_count() {
        Map<PlanDate.Kind, Long> byKind = plan.tasks().map(Task::target).filter(Objects::nonNull)
                .collect(groupingBy(PlanDate::kind, counting()));
        assertThat(byKind).containsOnly(
                Map.entry(PlanDate.Kind.DATE, 118L),
                Map.entry(PlanDate.Kind.NOT_APPLICABLE, 73L),
                Map.entry(PlanDate.Kind.TBC, 14L));
        // PORT002/01 has empty dates; COM005/01-02 and COM007/01-02 end one cell short of a target
        assertThat(plan.tasks().filter(t -> t.target() == null).map(Task::ref))
                .containsExactly("PORT002/01", "COM005/01", "COM005/02", "COM007/01", "COM007/02");
    }

    @Test
    void GIVEN_review_sample_WHEN_read_THEN_task_status_words_match_a_hand_count() {
        Map<String, Long> byWord = plan.tasks().collect(groupingBy(t -> t.status().word(), counting()));
        assertThat(byWord).containsOnly(
                Map.entry("Completed", 116L),
                Map.entry("On target", 51L),
                Map.entry("In progress", 34L),
                Map.entry("Closed - no longer required", 9L));
    }

    @Test
    void GIVEN_review_sample_WHEN_read_THEN_main_status_words_match_a_hand_count() {
        Map<String, Long> byWord = plan.actions()
                .collect(groupingBy(a -> a.status() == null ? "(none)" : a.status().word(), counting()));
        // the 10 without one: PRE-APP 003-007, COMPLAINTS 001-003, ENGAGEMENT 001-002, whose split REF
        // took the main status's cell
        assertThat(byWord).containsOnly(
                Map.entry("Completed", 20L),
                Map.entry("In progress", 14L),
                Map.entry("On target", 11L),
                Map.entry("Closed - no longer required", 1L),
                Map.entry("(none)", 10L));
    }

    @Test
    void GIVEN_review_sample_WHEN_read_THEN_terms_are_kept_verbatim() {
        Map<String, Long> byTerm = plan.tasks().collect(groupingBy(t -> String.valueOf(t.term()), counting()));
        assertThat(byTerm).containsOnly(
                Map.entry("N/A", 78L), Map.entry("Medium", 62L), Map.entry("Short", 46L), Map.entry("TBC", 14L),
                Map.entry("Long", 8L), Map.entry("short", 2L));
    }

    @Test
    void GIVEN_review_sample_WHEN_read_THEN_nothing_is_a_problem_and_every_repair_is_noticed() {
        assertThat(result.problems()).isEmpty();
        assertThat(result.notices()).hasSize(33);
        assertThat(result.notices()).filteredOn(n -> n.contains("split over two cells")).hasSize(14);
        assertThat(result.notices()).filteredOn(n -> n.contains("extra empty cell")).hasSize(17);
        assertThat(result.notices()).filteredOn(n -> n.contains("typo")).hasSize(2);
    }

    @Test
    void GIVEN_ENG003_whose_label_comes_after_its_first_tasks_WHEN_read_THEN_one_action_with_label_and_joined_recommendations() {
        Action eng003 = action("ENG003");
        assertThat(eng003.label()).isEqualTo("ENGAGEMENT 003");
        assertThat(eng003.status().word()).isEqualTo("Completed");
        assertThat(eng003.tasks()).extracting(Task::ref)
                .containsExactly("ENG003/01", "ENG003/02", "ENG003/03", "ENG003/04");
        assertThat(eng003.recommendation().split("\n")).hasSize(3)
                .satisfies(lines -> {
                    assertThat(lines[0]).startsWith("a) The Planning Service with Customer Services");
                    assertThat(lines[1]).startsWith("b) The Planning Service review its case management");
                    assertThat(lines[2]).isEqualTo("c) Legal Services and Planning agree an SLA for Enforcement.");
                });
        assertThat(section("ENG003")).isEqualTo("STAKEHOLDER ENGAGEMENT & CONSULTATION");
        // bold text that is not a parenthesised remark stays in the description, as plain text
        assertThat(task("ENG003/04").description()).isEqualTo("DUPLICATE - This is already covered under Enforcement.");
    }

    @Test
    void GIVEN_PRE002_and_ORG006_continued_after_a_blank_line_WHEN_read_THEN_recommendation_continues() {
        assertThat(action("PRE002").recommendation())
                .endsWith("predicting income generation against the costs of the\n"
                        + "income generation against the costs of the fee based service.");
        assertThat(action("PRE002").tasks()).hasSize(4);
        assertThat(action("ORG006").recommendation())
                .endsWith("for determining the level of\nCIL/infrastructure payments to be paid and collected.");
    }

    @Test
    void GIVEN_PRE003_with_its_REF_split_over_two_cells_WHEN_read_THEN_label_is_joined_and_cells_line_up() {
        Action pre003 = action("PRE003");
        assertThat(pre003.label()).isEqualTo("PRE-APP 003");
        assertThat(pre003.status()).isNull();
        assertThat(pre003.recommendation()).startsWith("Financial and Planning Service include in their internal KPI");
        assertThat(pre003.tasks()).hasSize(4);
        Task first = pre003.tasks().get(0);
        assertThat(first.description()).startsWith("Liaise with Finance colleagues");
        assertThat(first.status().word()).isEqualTo("On target");
        assertThat(first.target().date()).isEqualTo(LocalDate.of(2023, 6, 30));
        assertThat(result.notices()).contains("row 47: the REF was split over two cells ('PRE-APP' '003'); read as "
                + "'PRE-APP 003', with no main status");
    }

    @Test
    void GIVEN_COMMS_005_split_and_shifted_right_WHEN_read_THEN_main_status_and_tasks_line_up() {
        Action com005 = action("COM005");
        assertThat(com005.label()).isEqualTo("COMMS 005");
        assertThat(com005.status().word()).isEqualTo("Completed");
        assertThat(com005.recommendation()).startsWith("All out-dated planning documents");
        assertThat(com005.tasks()).extracting(Task::ref).containsExactly("COM005/01", "COM005/02");
        assertThat(task("COM005/02").description()).startsWith("Add updated guidance notes on the pre-app process");
        assertThat(task("COM005/02").start().kind()).isEqualTo(PlanDate.Kind.NOT_APPLICABLE);
    }

    @Test
    void GIVEN_MEMBER_TRAINING_001_rows_shifted_by_an_empty_cell_WHEN_read_THEN_six_tasks_on_target() {
        Action mem001 = action("MEM001");
        assertThat(mem001.label()).isEqualTo("MEMBER TRAINING 001");
        assertThat(mem001.status().word()).isEqualTo("On target");
        assertThat(mem001.recommendation()).startsWith("a) Member Training be provided on the Enforcement Process");
        assertThat(mem001.tasks()).hasSize(6);
        assertThat(mem001.tasks()).allSatisfy(t -> {
            assertThat(t.status().word()).isEqualTo("On target");
            assertThat(t.term()).isEqualTo("Short");
            assertThat(t.start().date()).isEqualTo(LocalDate.of(2022, 8, 1));
            assertThat(t.target().date()).isEqualTo(LocalDate.of(2023, 1, 31));
        });
        assertThat(mem001.tasks().get(1).description()).isEqualTo("Undertake gap analysis to find out what the training should include.");
        assertThat(result.notices()).contains("row 215: the row was shifted right by an extra empty cell; it was read one column to the left",
                "row 216: the row was shifted right by an extra empty cell; it was read one column to the left");
    }

    @Test
    void GIVEN_IT012_labelled_with_a_typo_WHEN_read_THEN_label_kept_as_written_and_noticed() {
        assertThat(action("IT012").label()).isEqualTo("IT INFRASTRUCURE 012");
        assertThat(action("IT011").label()).isEqualTo("IT INFRASTRUCTURE 011");
        assertThat(result.notices()).contains("row 183: the REF label 'IT INFRASTRUCURE 012' looks like a typo of "
                + "'IT INFRASTRUCTURE', as its neighbours write it; it is kept as written");
    }

    @Test
    void GIVEN_dates_with_remarks_WHEN_read_THEN_date_remark_and_original_text_are_kept() {
        // the text is kept only where display() would not give the cell back
        PlanDate com002 = task("COM002/01").target();
        assertThat(com002.kind()).isEqualTo(PlanDate.Kind.TBC);
        assertThat(com002.remark()).isEqualTo("interdependency on Website Redesign Project");
        assertThat(com002.text()).isNull();
        assertThat(com002.display()).isEqualTo("TBC - interdependency on Website Redesign Project");

        PlanDate bus = task("BUS001/04").target();
        assertThat(bus.date()).isEqualTo(LocalDate.of(2023, 8, 31));
        assertThat(bus.remark()).isEqualTo("*");
        assertThat(bus.text()).isEqualTo("31/08/2023*");

        PlanDate it009 = task("IT009/02").target();
        assertThat(it009.date()).isEqualTo(LocalDate.of(2023, 8, 30));
        assertThat(it009.remark()).isEqualTo("TBC");
        assertThat(it009.text()).isNull();
        assertThat(it009.display()).isEqualTo("30/08/2023 - TBC");
        assertThat(task("IT009/02").start().date()).isEqualTo(LocalDate.of(2023, 6, 1));

        PlanDate org003 = task("ORG003/04").start();
        assertThat(org003.date()).isEqualTo(LocalDate.of(2022, 7, 1));
        assertThat(org003.text()).isEqualTo("01/07/22");
        assertThat(task("ORG003/04").target()).isEqualTo(PlanDate.of(LocalDate.of(2022, 11, 30)));

        assertThat(task("EN001/01").target().kind()).isEqualTo(PlanDate.Kind.NOT_APPLICABLE);
    }

    @Test
    void GIVEN_bold_parenthesised_remarks_WHEN_read_THEN_they_move_to_notes() {
        Task en004 = task("EN004/02");
        assertThat(en004.description()).isEqualTo("Develop process mapping of current process.");
        assertThat(en004.notes()).isEqualTo("DUPLICATE OF 005.");

        assertThat(task("COM002/02").notes()).isEqualTo("Links to the Customer Feedback Policy");
        assertThat(task("COM002/02").description()).endsWith("regarding vexatious complaints.");
        assertThat(task("COM002/03").description()).isEqualTo("Create link to the Corporate Complaints Policy - "
                + "complaints about decisions do not come under the Corporate Complaints Procedure.");
        assertThat(action("ENG004").notes()).isEqualTo("This has been considered as part of the new Customer Feedback Policy");
        assertThat(action("ENG004").recommendation()).endsWith("initiate periodic customer experience interviews.");
        // other bold text stays inline
        assertThat(task("EN001/02").description()).endsWith("in consultation with Officers & Members. Hold initial workshop.");
    }

    @Test
    void GIVEN_bad_cells_in_a_review_tracker_WHEN_read_THEN_problems_name_row_and_column_and_words_are_kept()
            throws Exception {
        String tsv = "\n\nREF.\tMAIN ACTION RAG STATUS\tRED QUADRANT RECOMMENDATION\tKEY TASKS FOR DELIVERY\tINTERNAL REF"
                + "\tPROGRESS RAG STATUS\tREVISED SHORT / MEDIUM / LONG TERM\tREVISED START DATE"
                + "\tREVISED PLANNED TARGET END DATE\n"
                + "<b>PLANNING ENFORCEMENT</b>\t\t\t\t\t\t\t\t\n"
                + "ENFORCEMENT 001\tCompleted\tA charter.\tHold a meeting\tEN001/01\tStalled\tShort\t01/02/2023\t31/02/2023\n"
                + "\t\t\tA stray note with no ref\t\t\t\t\t\n"
                + "\t\t\tSame ref again\tEN001/01\tCompleted\n";

        ReadResult read = TrackerReader.read(tsv.getBytes(java.nio.charset.StandardCharsets.UTF_8), "review.tsv",
                ReadOptions.named("bad cells"));

        Task task = read.plan().tasks().findFirst().orElseThrow();
        assertThat(task.status().word()).isEqualTo("Stalled");
        assertThat(task.status().kind()).isEqualTo(planbot.domain.StatusKind.UNKNOWN);
        assertThat(task.target()).isNull();
        assertThat(read.plan().tasks()).extracting(Task::ref).containsExactly("EN001/01", "EN001/01-2");
        assertThat(read.problems()).containsExactly(
                new Problem(5, "PROGRESS RAG STATUS", "Stalled",
                        "'Stalled' is not a status planbot knows; it is kept as written"),
                new Problem(5, "REVISED PLANNED TARGET END DATE", "31/02/2023",
                        "not a real date: February 2023 has 28 days; the date is left empty"),
                new Problem(6, null, null, "this row has no internal ref (such as EN003/01) and is not a section "
                        + "heading, so it was not read"),
                new Problem(7, "INTERNAL REF", "EN001/01", "another task already has this ref; this one is read as EN001/01-2"));
    }

    @Test
    void GIVEN_planbots_export_with_trailing_columns_and_a_key_for_a_label_WHEN_read_THEN_fields_back_and_layout_the_councils()
            throws Exception {
        String csv = "REF.,MAIN ACTION RAG STATUS,RED QUADRANT RECOMMENDATION,KEY TASKS FOR DELIVERY,INTERNAL REF,"
                + "PROGRESS RAG STATUS,REVISED SHORT / MEDIUM / LONG TERM,REVISED START DATE,"
                + "REVISED PLANNED TARGET END DATE,OWNER,NOTES,ACTION NOTES,ACTION LEAD\r\n"
                + "PLANNING ENFORCEMENT,,,,,,,,,,,,\r\n"
                + "EN007,Not started,Review the charter.,Draft,EN007/01,Not started,Short,01/02/2023,"
                + "TBC - with legal,Sam Patel,'=see the log,Budget agreed.,Head of Planning\r\n"
                + "\"\",,,Consult,EN007/01-2,At risk,,,,,,,\r\n";

        ReadResult read = TrackerReader.read(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), "export.csv",
                ReadOptions.named("export"));

        assertThat(read.plan().layout().columns()).hasSize(9);
        Action en007 = read.plan().actions().findFirst().orElseThrow();
        assertThat(en007.key()).isEqualTo("EN007");
        assertThat(en007.label()).isNull(); // the REF cell was just the key
        assertThat(en007.lead()).isEqualTo("Head of Planning");
        assertThat(en007.notes()).isEqualTo("Budget agreed.");
        Task draft = en007.tasks().get(0);
        assertThat(draft.owner()).isEqualTo("Sam Patel");
        assertThat(draft.notes()).isEqualTo("=see the log");
        assertThat(draft.target()).isEqualTo(PlanDate.tbc("with legal", null));
        assertThat(en007.tasks()).extracting(Task::ref).containsExactly("EN007/01", "EN007/01-2");
        assertThat(read.problems()).isEmpty();
    }

    private static Action action(String key) {
        return plan.actions().filter(a -> a.key().equals(key)).findFirst().orElseThrow();
    }

    private static Task task(String ref) {
        return plan.tasks().filter(t -> t.ref().equals(ref)).findFirst().orElseThrow();
    }

    private static String section(String key) {
        return plan.sections().stream().filter(s -> s.actions().stream().anyMatch(a -> a.key().equals(key)))
                .map(Section::name).findFirst().orElseThrow();
    }
}
