package planbot.scheduler.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DigestScheduleTest {
    static final Subscription MONDAYS = Subscription.weekly("wlbc", "slack:C123", "Planning review", null);

    @Test
    void givenAnInstantAfterMonday9London_whenTheLatestSlotIsAsked_thenItIsThatMondaysAndItsIsoWeek() {
        DigestSchedule.Slot slot = DigestSchedule.latestSlot(MONDAYS, Inputs.london("2023-05-17T14:00"));

        assertThat(slot.at().toLocalDateTime()).isEqualTo(LocalDateTime.parse("2023-05-15T09:00"));
        assertThat(slot.at().getZone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(slot.isoWeek()).isEqualTo("2023-W20");
        assertThat(DigestSchedule.outboxKey(MONDAYS, slot)).isEqualTo("dig:wlbc:slack:C123:2023-W20");
    }

    @Test
    void givenTheInstantsAroundTheSlot_whenTheLatestSlotIsAsked_thenTheSlotItselfCountsAndAMinuteBeforeIsLastWeek() {
        assertThat(DigestSchedule.latestSlot(MONDAYS, Inputs.london("2023-05-15T09:00")).isoWeek()).isEqualTo("2023-W20");
        assertThat(DigestSchedule.latestSlot(MONDAYS, Inputs.london("2023-05-15T08:59")).at().toLocalDateTime())
                .isEqualTo(LocalDateTime.parse("2023-05-08T09:00"));
        assertThat(DigestSchedule.latestSlot(MONDAYS, Inputs.london("2023-05-21T23:59")).isoWeek()).isEqualTo("2023-W20");
    }

    @Test
    void givenAServiceDownForThreeWeeks_whenItSweepsAgain_thenItCatchesUpWithOneDigestForTheCurrentWeekOnly() {
        Outbox outbox = new Outbox("dig:wlbc:slack:C123:2023-W17");
        sweep(outbox, MONDAYS, Inputs.london("2023-05-01T00:00"), Inputs.london("2023-05-03T17:00")); // up: W18 sent
        // down from Wednesday 3 May 17:00 until Wednesday 24 May 10:00: the Mondays of W19, W20 and W21 pass
        sweep(outbox, MONDAYS, Inputs.london("2023-05-24T10:00"), Inputs.london("2023-05-28T23:45"));

        assertThat(outbox.firstWritten).containsExactly(
                entry("dig:wlbc:slack:C123:2023-W18", Inputs.london("2023-05-01T09:00")),
                entry("dig:wlbc:slack:C123:2023-W21", Inputs.london("2023-05-24T10:00")));
        assertThat(outbox.attempts).isGreaterThan(100); // every sweep tried; the key kept it to one row a week
    }

    @Test
    void givenNoDigestSentYet_whenTheFirstSweepRunsMidWeek_thenThisWeeksDigestIsWrittenAtOnce() {
        Outbox outbox = new Outbox();
        sweep(outbox, MONDAYS, Inputs.london("2023-05-17T14:00"), Inputs.london("2023-05-17T16:00"));

        assertThat(outbox.firstWritten).containsExactly(entry("dig:wlbc:slack:C123:2023-W20", Inputs.london("2023-05-17T14:00")));
    }

    @Test
    void givenTheWeeksAroundTheClockChanges_whenSweptEveryQuarterHour_thenEachWeekHasOneDigestAt9London() {
        Outbox outbox = new Outbox("dig:wlbc:slack:C123:2023-W11", "dig:wlbc:slack:C123:2023-W42");
        sweep(outbox, MONDAYS, Inputs.london("2023-03-19T00:00"), Inputs.london("2023-04-02T23:45"));
        sweep(outbox, MONDAYS, Inputs.london("2023-10-22T00:00"), Inputs.london("2023-11-05T23:45"));

        assertThat(outbox.firstWritten).containsExactly(
                entry("dig:wlbc:slack:C123:2023-W12", Instant.parse("2023-03-20T09:00:00Z")), // GMT
                entry("dig:wlbc:slack:C123:2023-W13", Instant.parse("2023-03-27T08:00:00Z")), // BST from 26 March
                entry("dig:wlbc:slack:C123:2023-W43", Instant.parse("2023-10-23T08:00:00Z")), // BST
                entry("dig:wlbc:slack:C123:2023-W44", Instant.parse("2023-10-30T09:00:00Z"))); // GMT from 29 October
    }

    @Test
    void givenASundayTimeInsideTheSpringForwardGap_whenSwept_thenThatWeekStillHasExactlyOneDigest() {
        Subscription atHalfOne = MONDAYS.at(DayOfWeek.SUNDAY, LocalTime.of(1, 30), Subscription.DEFAULT_ZONE);
        Outbox outbox = new Outbox("dig:wlbc:slack:C123:2023-W10");
        sweep(outbox, atHalfOne, Inputs.london("2023-03-19T00:00"), Inputs.london("2023-04-02T23:45"));

        // 01:30 on 26 March does not exist in London: the digest goes at 02:30 BST (01:30 UTC).
        assertThat(outbox.firstWritten).containsExactly(
                entry("dig:wlbc:slack:C123:2023-W11", Inputs.london("2023-03-19T01:30")),
                entry("dig:wlbc:slack:C123:2023-W12", Instant.parse("2023-03-26T01:30:00Z")),
                entry("dig:wlbc:slack:C123:2023-W13", Inputs.london("2023-04-02T01:30")));
    }

    @Test
    void givenDatesAtTheTurnOfTheYear_whenTheirIsoWeekIsAsked_thenTheWeekBasedYearIsUsed() {
        assertThat(DigestSchedule.isoWeek(LocalDate.of(2023, 1, 1))).isEqualTo("2022-W52");
        assertThat(DigestSchedule.isoWeek(LocalDate.of(2024, 12, 30))).isEqualTo("2025-W01");
        assertThat(DigestSchedule.isoWeek(LocalDate.of(2023, 5, 15))).isEqualTo("2023-W20");
    }

    @Test
    void givenASubscriptionWithoutSchedule_whenMade_thenItIsMonday9London() {
        assertThat(MONDAYS.day()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(MONDAYS.time()).isEqualTo(LocalTime.of(9, 0));
        assertThat(MONDAYS.zone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(MONDAYS.scope()).isEqualTo(new DigestScope("wlbc", "Planning review", null));
        assertThat(Subscription.weekly("wlbc", "console", " ", "IT INFRASTRUCTURE").plan()).isNull();
    }

    @Test
    void givenBadSubscriptionValues_whenMade_thenEachIsRefusedWithAReason() {
        assertThatThrownBy(() -> Subscription.weekly(" ", "console", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a subscription needs a tenant");
        assertThatThrownBy(() -> Subscription.weekly("a:b", "console", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot contain ':'");
        assertThatThrownBy(() -> Subscription.weekly("wlbc", "slack C1", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channel cannot contain spaces");
        assertThatThrownBy(() -> Subscription.weekly("wlbc", null, null, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> MONDAYS.at(null, LocalTime.NOON, Subscription.DEFAULT_ZONE))
                .isInstanceOf(NullPointerException.class);
    }

    /**
     * What an outbox with a UNIQUE idempotency key keeps: the first write of each key. It starts with the digests
     * sent before the test's sweeps (the week before their first slot), which are not listed as written.
     */
    static final class Outbox {
        final Map<String, Instant> firstWritten = new LinkedHashMap<>();
        final java.util.Set<String> sentBefore;
        int attempts;

        Outbox(String... sentBefore) {
            this.sentBefore = java.util.Set.of(sentBefore);
        }

        void write(String key, Instant at) {
            attempts++;
            if (!sentBefore.contains(key)) {
                firstWritten.putIfAbsent(key, at);
            }
        }
    }

    /** A sweep every 15 minutes from {@code from} to {@code to}, writing the latest slot's digest when it has come. */
    static void sweep(Outbox outbox, Subscription s, Instant from, Instant to) {
        for (Instant now = from; !now.isAfter(to); now = now.plus(Duration.ofMinutes(15))) {
            outbox.write(DigestSchedule.outboxKey(s, now), now);
        }
    }
}
