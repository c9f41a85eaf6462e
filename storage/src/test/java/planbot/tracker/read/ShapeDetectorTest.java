package planbot.tracker.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import planbot.domain.Layout;
import planbot.domain.Layout.Role;

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
}
