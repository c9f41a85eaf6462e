package planbot.tracker.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import planbot.domain.Action;
import planbot.domain.Layout;
import planbot.domain.Layout.Role;
import planbot.domain.Plan;
import planbot.domain.PlanDate;
import planbot.domain.Section;
import planbot.domain.Task;

/** Improvement plans kept as Word tables: milestones in bullets, dates in words, one owner cell for many. */
class WordPlanReaderTest {
    static final String SAMPLE = "service-improvement-plan-update.txt";

    @Test
    void GIVEN_the_flattened_word_sample_WHEN_read_THEN_3_areas_8_actions_30_milestones_15_dated() throws Exception {
        ReadResult result = Samples.read(SAMPLE);
        Plan plan = result.plan();

        assertThat(plan.layout().columns()).extracting(Layout.Column::role).containsExactly(
                Role.SECTION, Role.ACTION, Role.TASK, Role.OWNER, Role.NOTES);
        assertThat(plan.sections()).extracting(Section::name).containsExactly("Service Restructure Actions",
                "Implement Team moves and agreed new line management changes",
                "Improved Management information and reporting and exploration of Digital/mobile working capabilities "
                        + "across the service");
        assertThat(plan.actions()).hasSize(8);
        assertThat(plan.tasks()).hasSize(30);
        List<PlanDate> targets = plan.tasks().map(Task::target).filter(t -> t != null).toList();
        assertThat(targets).hasSize(15);
        assertThat(targets).filteredOn(t -> t.precision() == PlanDate.Precision.MONTH).hasSize(14);
        assertThat(targets).filteredOn(t -> t.precision() == PlanDate.Precision.DAY)
                .extracting(PlanDate::date).containsExactly(LocalDate.of(2016, 9, 1));
        assertThat(result.problems()).isEmpty();
        assertThat(result.notices()).contains("row 25: 11 milestones read as tasks of A02, the sentence before them as "
                + "the action's text; 4 with a target date");
    }

    @Test
    void GIVEN_the_sample_WHEN_read_THEN_the_intro_is_the_actions_text_and_notes_never_give_dates() throws Exception {
        Plan plan = Samples.read(SAMPLE).plan();
        Action bic = plan.actions().filter(a -> a.key().equals("A02")).findFirst().orElseThrow();

        assertThat(bic.recommendation()).endsWith("All Service teams developing team improvement plans setting out what "
                + "BiC looks like for that service area:");
        assertThat(bic.tasks()).extracting(Task::description).doesNotContain(bic.recommendation())
                .contains("Team plans to be in place by 1 September 2016");
        assertThat(bic.tasks()).extracting(Task::owner).containsOnly("Patsy Dell and Service Managers");
        // notes are the action's, bullets and all; "awarded in 2015 and 2016" and "set up for 2017" give no date
        assertThat(bic.notes()).contains("Member development provided 2016, new programme set up for 2017");
        Task ongoing = bic.tasks().get(10);
        assertThat(ongoing.description()).isEqualTo("Agreed programme of member and officer development  - on-going");
        assertThat(ongoing.target()).isNull();
        Task financialYear = bic.tasks().get(7);
        assertThat(financialYear.description()).contains("2015/16 taken as the baseline");
        assertThat(financialYear.target()).isNull();
        Task december = bic.tasks().get(6);
        assertThat(december.target().display()).isEqualTo("December 2016");
        assertThat(december.target().date()).isEqualTo(LocalDate.of(2016, 12, 31));
    }

    @Test
    void GIVEN_as_many_owner_lines_as_bullets_WHEN_read_THEN_each_bullet_takes_its_line_and_ditto_the_one_above()
            throws Exception {
        String text = "Plan\n\n\tArea\n\tAction\n\tMilestones\n\tOwner\n\tProgress notes\n"
                + "\tHousing\n\tFix the backlog\n\t\u00b7 Recruit two officers by March 2026\n\n\u00b7 Clear cases\n"
                + "\tAnna Smith\n\nBen Jones\n\t\u2022 Advert out in January 2026\n"
                + "\t\n\tNew system\n\t- Procure, Autumn 2026\n- Go live April - June 2027\n\tditto\n\t\n";
        Plan plan = TrackerReader.read(text.getBytes(StandardCharsets.UTF_8), "plan.txt", ReadOptions.named("p")).plan();

        assertThat(plan.tasks()).extracting(Task::description, Task::owner, t -> t.target() == null ? null
                : t.target().display()).containsExactly(
                tuple("Recruit two officers by March 2026", "Anna Smith", "March 2026"),
                tuple("Clear cases", "Ben Jones", null),
                tuple("Procure, Autumn 2026", "Ben Jones", null),
                tuple("Go live April - June 2027", "Ben Jones", "June 2027"));
        assertThat(plan.actions()).extracting(Action::notes).containsExactly("\u2022 Advert out in January 2026", null);
    }
}
