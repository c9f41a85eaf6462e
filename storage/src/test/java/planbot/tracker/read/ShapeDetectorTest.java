package planbot.tracker.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import planbot.domain.Layout.Role;
import planbot.domain.Layout;
import planbot.tracker.CouncilLayout.Field;
import planbot.tracker.CouncilLayout;

class ShapeDetectorTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "No.                              | TASK_REF",
            "INTERNAL REF                     | TASK_REF",
            "Action ref                       | ACTION_REF",
            "Action                           | ACTION",
            "Recommendation                   | ACTION",
            "What                             | ACTION",
            "Task                             | TASK",
            "How                              | TASK",
            "INITIAL ACTIVITIES               | TASK",
            "Owner                            | OWNER",
            "Who                              | OWNER",
            "Responsible officer              | OWNER",
            "Action owner                     | OWNER",
            "Lead officer                     | LEAD",
            "Target date                      | TARGET",
            "Due                              | TARGET",
            "Deadline                         | TARGET",
            "By when                          | TARGET",
            "REVISED PLANNED TARGET END DATE  | TARGET",
            "TIMESCALE                        | TIMESCALE",
            "Start date                       | START",
            "RAG                              | STATUS",
            "PROGRESS RAG STATUS              | STATUS",
            "MAIN ACTION RAG STATUS           | ACTION_STATUS",
            "Progress update                  | NOTES",
            "Comments                         | NOTES",
            "Priority area                    | SECTION",
            "Theme                            | SECTION",
            "REVISED SHORT / MEDIUM / LONG TERM | TERM",
    })
    void GIVEN_a_header_word_WHEN_guessed_THEN_its_role(String header, Role role) {
        assertThat(ShapeDetector.guess(header)).isEqualTo(role);
    }

    @Test
    void GIVEN_a_header_naming_nothing_known_WHEN_guessed_THEN_no_role() {
        assertThat(ShapeDetector.guess("Budget (£)")).isNull();
    }

    @Test
    void GIVEN_prose_split_at_a_comma_WHEN_detected_THEN_it_is_not_taken_for_a_header() throws Exception {
        // like the PAS toolkit notes in shared/samples: sentences containing "how" and "no"
        byte[] prose = ("Discuss how things are done in your council and what you would change about it, "
                + "and write down why, as you will have no record otherwise of how you came to those conclusions.\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TrackerReader.read(prose, "toolkit.txt", ReadOptions.named("x")))
                .isInstanceOf(TrackerFormatException.class).hasMessageStartingWith("no header row found");
    }

    @Test
    void GIVEN_title_lines_above_the_header_WHEN_detected_THEN_the_header_is_the_first_row_naming_columns() throws Exception {
        Table table = TableLoader.load(("Improvement plan\n\nAction plan 2024 (activity summary)\n"
                + "Action,Owner,Due\nDo it,Sam,July 2025\n").getBytes(), "x.csv", ReadOptions.named("x"));
        Header header = ShapeDetector.detect(table, ReadOptions.named("x"));
        assertThat(header.index()).isEqualTo(3);
        assertThat(header.shape()).isEqualTo(Layout.Shape.TABLE);
    }

    @Test
    void GIVEN_the_review_sample_under_a_misleading_name_WHEN_read_THEN_shape_comes_from_the_header() throws Exception {
        byte[] review = Files.readAllBytes(Samples.path(Samples.REVIEW));
        byte[] activity = Files.readAllBytes(Samples.path(Samples.ACTIVITY));
        assertThat(TrackerReader.read(review, "phase2-activity-plan.csv", ReadOptions.named("x")).plan().layout().shape())
                .isEqualTo(Layout.Shape.REVIEW);
        assertThat(TrackerReader.read(activity, "review.xlsx", ReadOptions.named("x")).plan().layout().shape())
                .isEqualTo(Layout.Shape.ACTIVITY);
    }

    @Test
    void GIVEN_planbots_trailing_columns_after_the_councils_WHEN_detected_THEN_they_are_read_but_not_in_the_layout()
            throws Exception {
        Header header = detect(Map.of(), "REF.", "MAIN ACTION RAG STATUS", "RECOMMENDATION", "KEY TASKS FOR DELIVERY",
                "INTERNAL REF", "PROGRESS RAG STATUS", "TERM", "START DATE", "TARGET END DATE", "OWNER", "NOTES",
                "ACTION NOTES");

        assertThat(header.shape()).isEqualTo(Layout.Shape.REVIEW);
        assertThat(header.columns()).hasSize(9);
        assertThat(header.trailing()).extracting(CouncilLayout.Trailing::field)
                .containsExactly(Field.OWNER, Field.NOTES, Field.ACTION_NOTES);
        assertThat(header.column(Field.NOTES)).isEqualTo(10);
        assertThat(header.column(Field.STATUS)).isEqualTo(5);
    }

    @Test
    void GIVEN_an_exact_word_the_councils_own_columns_already_hold_or_not_at_the_end_WHEN_detected_THEN_it_is_the_councils()
            throws Exception {
        assertThat(detect(Map.of(), "Ref", "Task", "Status", "STATUS").trailing()).isEmpty();
        assertThat(detect(Map.of(), "Ref", "Task", "NOTES", "Budget").trailing()).isEmpty();
        assertThat(detect(Map.of(), "Ref", "Task", "Timescale", "START", "TARGET").trailing()).isEmpty();
        // a column the --map names is the council's, whatever its header
        assertThat(detect(Map.of("NOTES", Role.NOTES), "Ref", "Task", "NOTES").trailing()).isEmpty();
        // and the cells before planbot's must make a header on their own
        assertThat(detect(Map.of(), "Task", "OWNER").columns()).extracting(Layout.Column::header)
                .containsExactly("Task", "OWNER");
    }

    /**
     * The rule that tells planbot's trailing columns from the council's must give a layout back from its own
     * export, whatever trailing columns the export adds: tried on many headers made of council words and the
     * exact trailing words.
     */
    @Test
    void GIVEN_any_header_read_into_a_layout_WHEN_the_export_adds_trailing_columns_THEN_reading_that_gives_the_layout_back()
            throws Exception {
        List<String> words = new ArrayList<>(List.of("Ref", "No.", "Action", "Task", "How", "Owner", "Lead",
                "Lead officer", "Due", "Start", "Status", "RAG", "Notes", "Budget", "Timescale", "Theme",
                "INTERNAL REF", "KEY TASKS", "WORKSTREAM", "ACTIVITIES", "MAIN ACTION STATUS", ""));
        CouncilLayout.TRAILING.forEach(t -> words.add(t.header()));
        Random random = new Random(7);
        int checked = 0;
        for (int i = 0; i < 3000; i++) {
            List<String> cells = new ArrayList<>();
            for (int n = 2 + random.nextInt(7); n > 0; n--) {
                String word = words.get(random.nextInt(words.size()));
                if (CouncilLayout.trailing(word) == null || !cells.contains(word)) {
                    cells.add(word); // the same exact trailing word twice is a known limit, not tried here
                }
            }
            Header read;
            try {
                read = detect(Map.of(), cells.toArray(new String[0]));
            } catch (TrackerFormatException notAHeader) {
                continue;
            }
            List<Role> roles = read.columns().stream().map(Layout.Column::role).toList();
            for (int subset = 0; subset < 8; subset++) {
                List<String> exported = new ArrayList<>(read.columns().stream().map(Layout.Column::header).toList());
                List<Field> added = new ArrayList<>();
                for (CouncilLayout.Trailing t : CouncilLayout.TRAILING) {
                    if (random.nextBoolean() && !CouncilLayout.covers(read.shape(), roles, t)) {
                        exported.add(t.header());
                        added.add(t.field());
                    }
                }
                Header again = detect(Map.of(), exported.toArray(new String[0]));
                assertThat(again.layout()).as("%s exported as %s", cells, exported).isEqualTo(read.layout());
                assertThat(again.trailing()).extracting(CouncilLayout.Trailing::field).isEqualTo(added);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(5000);
    }

    private static Header detect(Map<String, Role> columnMap, String... header) throws TrackerFormatException {
        Table table = new Table(List.of(new Table.Row(1, List.of(header))));
        return ShapeDetector.detect(table, new ReadOptions("x", null, columnMap, ReadOptions.DEFAULT_MAX_BYTES));
    }
}
