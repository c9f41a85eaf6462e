package planbot.scheduler.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static planbot.scheduler.digest.Inputs.day;
import static planbot.scheduler.digest.Inputs.london;

import org.junit.jupiter.api.Test;
import planbot.domain.PlanDate;

class DigestTextTest {

    @Test
    void givenADigestWithSomethingInEveryList_whenRendered_thenEachListHasItsLines() {
        Digest d = Inputs.at("2023-05-15T09:00").since("2023-05-08T09:00")
                .task("S", "A/1", "On target", day("2023-05-14"), "Sam", london("2023-05-14T09:00"), 0)
                .task("S", "A/2", "In progress", day("2023-05-15"), "Kim", london("2023-05-14T09:00"), 0)
                .task("S", "A/3", "Completed", day("2023-05-31"), "Kim", london("2023-05-12T09:00"), 0)
                .task("S", "A/4", "At risk", day("2023-07-31"), "Lee", london("2023-03-01T09:00"), 2)
                .task("S", "A/5", "Not started", Inputs.tbc("awaiting budget"), "Lee", london("2023-03-01T09:00"), 0)
                .completed("A/3", "Completed", london("2023-05-12T09:00"))
                .revised("A/4", day("2023-05-31"), day("2023-07-31"), london("2023-05-10T09:00"))
                .build();

        String text = DigestText.render(d);

        assertThat(text).contains(
                "Overdue (1):\n  A/1  1 day late (due 14/05/2023)  Sam  Do A/1\n",
                "Due in the next 14 days (1):\n  A/2  due today (15/05/2023)  Kim  Do A/2\n",
                "Completed since the last digest (1):\n  A/3  Completed 12/05/2023  Kim  Do A/3\n",
                "Target dates revised since the last digest (1):\n  A/4  31/05/2023 -> 31/07/2023, revised twice in all  Lee  Do A/4\n",
                "Silent owners, no update to their open tasks for 30 days or more (1):\n  Lee: 2 open tasks, last update 75 days ago\n",
                "Target date TBC (1):\n  A/5  TBC - awaiting budget  Lee  Do A/5\n");
        assertThat(text).doesNotContain(Digest.QUIET_TEXT).doesNotContain("By section");
    }

    @Test
    void givenAMonthTarget_whenRendered_thenItIsDueByTheMonthNotOnItsLastDay() {
        PlanDate april = new PlanDate(PlanDate.Kind.DATE, java.time.LocalDate.of(2023, 4, 30), PlanDate.Precision.MONTH,
                null, null);
        Digest d = Inputs.at("2023-05-15T09:00").since("2023-05-08T09:00")
                .task("S", "A/1", "On target", april, "Sam", london("2023-05-14T09:00"), 0)
                .build();

        assertThat(DigestText.render(d)).contains("A/1  15 days late (due by April 2023)  Sam  Do A/1\n");
    }
}
