package planbot.scheduler.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static planbot.scheduler.digest.Inputs.day;
import static planbot.scheduler.digest.Inputs.london;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import planbot.domain.PlanDate;
import planbot.domain.Rag;

class DigestBuilderTest {

    @Nested
    class Overdue {
        @Test
        void givenOpenTasksPastTheirDates_whenBuilt_thenTheyAreOverdueByCalendarDaysWorstFirst() {
            Digest d = Inputs.at("2023-05-15T09:00")
                    .task("A/1", "On target", day("2023-05-14"), "Sam")
                    .task("A/2", "In progress", day("2023-03-31"), null)
                    .task("A/3", "Delayed", day("2023-05-14"), "Kim")
                    .task("A/4", "Completed", day("2023-01-01"), "Sam")
                    .task("A/5", "Closed - no longer required", day("2023-01-01"), "Sam")
                    .task("A/6", "On target", day("2023-05-15"), "Sam")
                    .build();

            assertThat(d.overdue()).extracting(o -> o.task().ref(), Digest.Overdue::daysLate, o -> o.task().owner())
                    .containsExactly(tuple("A/2", 45L, null), tuple("A/1", 1L, "Sam"), tuple("A/3", 1L, "Kim"));
        }

        @Test
        void givenADigestJustAfterMidnight_whenBuilt_thenDaysLateCountLondonCalendarDaysNotHours() {
            // 00:30 BST on 15 May is still 14 May in UTC: the London day is the one that counts.
            Digest d = Inputs.at("2023-05-15T00:30").task("A/1", "On target", day("2023-05-14"), null).build();

            assertThat(d.overdue()).singleElement().extracting(Digest.Overdue::daysLate).isEqualTo(1L);
        }

        @Test
        void givenATaskWithoutAStatusPastItsDate_whenBuilt_thenItIsOverdueAndRed() {
            Digest d = Inputs.at("2023-05-15T09:00").task("A/1", null, day("2023-05-01"), null).build();

            assertThat(d.overdue()).hasSize(1);
            assertThat(d.totals().of(Rag.RED)).isEqualTo(1);
        }
    }

    @Nested
    class DueSoon {
        @Test
        void givenTargetsAroundTheFourteenDayHorizon_whenBuilt_thenTodayToDayFourteenAreDueSoonestFirst() {
            Digest d = Inputs.at("2023-05-15T09:00")
                    .task("A/1", "On target", day("2023-05-29"), null)
                    .task("A/2", "On target", day("2023-05-30"), null)
                    .task("A/3", "At risk", day("2023-05-15"), null)
                    .task("A/4", "Completed", day("2023-05-16"), null)
                    .task("A/5", "Not started", new PlanDate(PlanDate.Kind.DATE, java.time.LocalDate.of(2023, 5, 31),
                            PlanDate.Precision.MONTH, null, "May 2023"), null)
                    .task("A/6", "In progress", day("2023-05-20"), null)
                    .build();

            assertThat(d.dueSoon()).extracting(x -> x.task().ref(), Digest.Due::daysLeft)
                    .containsExactly(tuple("A/3", 0L), tuple("A/6", 5L), tuple("A/1", 14L));
        }
    }

    @Nested
    class Completed {
        @Test
        void givenCompletionsInAndBeforeThePeriod_whenBuilt_thenOnlyThoseInThePeriodOfTasksStillFinishedCount() {
            Digest d = Inputs.at("2023-05-15T09:00").since("2023-05-08T09:00")
                    .task("A/1", "Completed", day("2023-05-31"), "Sam")
                    .task("A/2", "Completed", day("2023-05-31"), "Sam")
                    .task("A/3", "In progress", day("2023-05-31"), "Sam")
                    .task("A/4", "Closed - no longer required", null, "Kim")
                    .completed("A/1", "Completed", london("2023-05-12T15:00"))
                    .completed("A/2", "Completed", london("2023-05-08T08:59")) // before the last digest
                    .completed("A/3", "Done", london("2023-05-10T10:00"))      // reopened since
                    .completed("A/4", "Closed", london("2023-05-09T10:00"))
                    .completed("X/9", "Completed", london("2023-05-09T10:00")) // not in scope
                    .build();

            assertThat(d.completed()).extracting(c -> c.task().ref(), Digest.Done::at)
                    .containsExactly(tuple("A/4", london("2023-05-09T10:00")), tuple("A/1", london("2023-05-12T15:00")));
            assertThat(d.completed().get(0).task().status().word()).isEqualTo("Closed - no longer required");
        }

        @Test
        void givenATaskCompletedTwiceInThePeriod_whenBuilt_thenItIsListedOnceAtItsLastCompletion() {
            Digest d = Inputs.at("2023-05-15T09:00")
                    .task("A/1", "Completed", day("2023-05-31"), null)
                    .completed("A/1", "Completed", london("2023-05-09T10:00"))
                    .completed("A/1", "Completed", london("2023-05-11T10:00"))
                    .build();

            assertThat(d.completed()).singleElement().extracting(Digest.Done::at).isEqualTo(london("2023-05-11T10:00"));
        }
    }

    @Nested
    class Slipped {
        @Test
        void givenRevisionsInAndBeforeThePeriod_whenBuilt_thenOneLinePerTaskWithFirstFromLastToAndTimesInAll() {
            Digest d = Inputs.at("2023-05-15T09:00").since("2023-05-08T09:00")
                    .task("S", "A/1", "In progress", day("2023-07-31"), "Sam", london("2023-05-12T10:00"), 3)
                    .task("S", "A/2", "On target", day("2023-06-30"), "Kim", london("2023-05-10T10:00"), 1)
                    .task("S", "A/3", "On target", day("2023-06-30"), "Kim", london("2023-05-01T10:00"), 1)
                    .revised("A/1", day("2023-04-30"), day("2023-05-31"), london("2023-04-20T10:00"))
                    .revised("A/1", day("2023-05-31"), day("2023-06-30"), london("2023-05-09T10:00"))
                    .revised("A/1", day("2023-06-30"), day("2023-07-31"), london("2023-05-12T10:00"))
                    .revised("A/2", day("2023-05-31"), day("2023-06-30"), london("2023-05-10T10:00"))
                    .revised("A/3", day("2023-05-31"), day("2023-06-30"), london("2023-05-01T10:00"))
                    .build();

            assertThat(d.slipped()).extracting(s -> s.task().ref(), Digest.Slip::from, Digest.Slip::to,
                            Digest.Slip::timesInPeriod, Digest.Slip::timesInTotal)
                    .containsExactly(
                            tuple("A/1", day("2023-05-31"), day("2023-07-31"), 2, 3),
                            tuple("A/2", day("2023-05-31"), day("2023-06-30"), 1, 1));
        }

        @Test
        void givenATotalBehindTheRevisionsSeen_whenBuilt_thenTheTotalIsNeverBelowThePeriodsCount() {
            Digest d = Inputs.at("2023-05-15T09:00")
                    .task("A/1", "In progress", day("2023-07-31"), null)
                    .revised("A/1", day("2023-05-31"), day("2023-07-31"), london("2023-05-12T10:00"))
                    .build();

            assertThat(d.slipped()).singleElement().extracting(Digest.Slip::timesInTotal).isEqualTo(1);
        }
    }

    @Nested
    class SilentOwners {
        @Test
        void givenOwnersWhoseOpenTasksWentUnupdated_whenBuilt_thenThoseSilentThirtyDaysOrMoreAreListedLongestFirst() {
            String now = "2023-05-15T09:00";
            Digest d = Inputs.at(now)
                    .task("S", "A/1", "On target", day("2023-09-30"), "Sam", london("2023-04-15T09:00"), 0) // exactly 30 days
                    .task("S", "A/2", "On target", day("2023-09-30"), "sam ", london("2023-03-01T09:00"), 0)
                    .task("S", "A/3", "On target", day("2023-09-30"), "Kim", london("2023-02-01T09:00"), 0)
                    .task("S", "A/4", "On target", day("2023-09-30"), "Kim", london("2023-05-14T09:00"), 0) // Kim spoke lately
                    .task("S", "A/5", "Completed", day("2023-09-30"), "Lee", london("2022-01-01T09:00"), 0) // finished: not chased
                    .task("S", "A/6", "In progress", day("2023-09-30"), "Ana", london("2023-04-15T09:01"), 0) // 29 days 23:59
                    .task("S", "A/7", "In progress", day("2023-09-30"), "Joe", london("2023-01-01T09:00"), 0)
                    .task("S", "A/8", "In progress", day("2023-09-30"), null, london("2020-01-01T09:00"), 0)
                    .build();

            assertThat(d.silentOwners()).extracting(Digest.SilentOwner::owner, Digest.SilentOwner::openTasks,
                            Digest.SilentOwner::daysSilent)
                    .containsExactly(tuple("Joe", 1, 134L), tuple("Sam", 2, 30L));
        }
    }

    @Nested
    class QuietWeek {
        @Test
        void givenNothingOverdueDueCompletedOrSlipped_whenBuilt_thenTheDigestIsQuietAndSaysSo() {
            Digest d = Inputs.at("2023-05-15T09:00")
                    .task("A/1", "On target", day("2023-09-30"), "Sam")
                    .task("A/2", "On target", PlanDate.tbc(null, "TBC"), "Sam")
                    .task("A/3", "Completed", day("2023-01-31"), "Sam")
                    .build();

            assertThat(d.isQuiet()).isTrue();
            assertThat(d.tbc()).extracting(Digest.Item::ref).containsExactly("A/2");
            assertThat(DigestText.render(d)).contains(Digest.QUIET_TEXT)
                    .contains("Nothing due, nothing overdue, nothing finished this week.");
        }

        @Test
        void givenNoTasksAtAll_whenBuilt_thenTheDigestIsQuietWithZeroCounts() {
            Digest d = Inputs.at("2023-05-15T09:00").build();

            assertThat(d.isQuiet()).isTrue();
            assertThat(d.totals().total()).isZero();
            assertThat(d.totals().byRag()).containsOnlyKeys(Rag.values()).allSatisfy((rag, n) -> assertThat(n).isZero());
            assertThat(d.sections()).isEmpty();
        }

        @Test
        void givenOneOverdueTask_whenBuilt_thenTheDigestIsNotQuiet() {
            Digest d = Inputs.at("2023-05-15T09:00").task("A/1", "On target", day("2023-05-01"), null).build();

            assertThat(d.isQuiet()).isFalse();
            assertThat(DigestText.render(d)).doesNotContain(Digest.QUIET_TEXT);
        }
    }

    @Nested
    class Counts {
        @Test
        void givenTasksInTwoSections_whenBuilt_thenCountsByRagAndStatusWordAreGivenOverallAndPerSectionAndSumUp() {
            ZonedDateTime now = Inputs.at("2023-05-15T09:00").input().now();
            Digest d = Inputs.at("2023-05-15T09:00")
                    .task("ONE", "A/1", "On target", day("2023-05-01"), null, now.toInstant(), 0)
                    .task("ONE", "A/2", "On target", day("2023-06-01"), null, now.toInstant(), 0)
                    .task("ONE", "A/3", "Completed", day("2023-05-01"), null, now.toInstant(), 0)
                    .task("TWO", "B/1", "At risk", day("2023-06-01"), null, now.toInstant(), 0)
                    .task("TWO", "B/2", "Parked", day("2023-06-01"), null, now.toInstant(), 0)
                    .task("TWO", "B/3", null, null, null, now.toInstant(), 0)
                    .task("TWO", "B/4", "Closed - no longer required", null, null, now.toInstant(), 0)
                    .task("TWO", "B/5", "on target", null, null, now.toInstant(), 0)
                    .build();

            assertThat(d.totals().total()).isEqualTo(8);
            assertThat(d.totals().byRag()).containsExactly(
                    entry(Rag.BLUE, 1), entry(Rag.GREY, 1),
                    entry(Rag.RED, 1), entry(Rag.AMBER, 1),
                    entry(Rag.GREEN, 2), entry(Rag.NONE, 2));
            assertThat(d.totals().byStatus()).containsExactly(
                    entry("On target", 2), entry("on target", 1),
                    entry("At risk", 1), entry("Completed", 1),
                    entry("Closed - no longer required", 1),
                    entry("Parked", 1), entry(Digest.NO_STATUS, 1));
            assertThat(d.sections()).extracting(Digest.SectionCounts::section, s -> s.counts().total())
                    .containsExactly(tuple("ONE", 3), tuple("TWO", 5));
            assertSectionsSumToTotals(d);
        }
    }

    @Test
    void givenAPeriodThatEndsBeforeItStarts_whenTheInputIsMade_thenItIsRefused() {
        ZonedDateTime now = Inputs.at("2023-05-15T09:00").input().now();
        assertThatThrownBy(() -> new DigestInput(DigestScope.all("t"), List.of(), List.of(), List.of(), now.plusHours(1),
                now, Duration.ofDays(30))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after it ends");
    }

    @Test
    void givenALastDigestInTheFuture_whenThePeriodStarts_thenItIsTheWeekBefore() {
        ZonedDateTime now = Inputs.at("2023-05-15T09:00").input().now();
        assertThat(DigestInput.periodStart(now.plusDays(1).toInstant(), now)).isEqualTo(now.minusDays(7));
        assertThat(DigestInput.periodStart(null, now)).isEqualTo(now.minusDays(7));
        assertThat(DigestInput.periodStart(now.minusDays(3).toInstant(), now)).isEqualTo(now.minusDays(3));
    }

    /** Every RAG and every status word: the sections' counts add up to the totals. */
    static void assertSectionsSumToTotals(Digest d) {
        int total = 0;
        java.util.Map<Rag, Integer> rag = new java.util.EnumMap<>(Rag.class);
        java.util.Map<String, Integer> words = new java.util.HashMap<>();
        for (Digest.SectionCounts s : d.sections()) {
            total += s.counts().total();
            s.counts().byRag().forEach((k, v) -> rag.merge(k, v, Integer::sum));
            s.counts().byStatus().forEach((k, v) -> words.merge(k, v, Integer::sum));
        }
        assertThat(total).isEqualTo(d.totals().total());
        assertThat(rag).isEqualTo(d.totals().byRag());
        assertThat(words).isEqualTo(d.totals().byStatus());
    }
}
