package planbot.scheduler.digest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import planbot.domain.PlanDate;
import planbot.domain.Rag;
import planbot.domain.Status;

/**
 * A weekly digest as neutral data: what {@link DigestBuilder} found, for a chat platform, {@link DigestText} or
 * {@link DigestChart} to render. Immutable; every list is in the order a reader should see it.
 *
 * @param scope        what it covers
 * @param period       from the last digest to now
 * @param silentAfter  how long an owner must have gone without an update to be listed as silent
 * @param totals       task counts by RAG and by status word over the whole scope
 * @param sections     the same counts per section, in plan order; they sum to {@code totals}
 * @param overdue      open tasks past their target date, worst first
 * @param dueSoon      open tasks due today or in the next {@link DigestBuilder#DUE_WITHIN_DAYS} days, soonest first
 * @param completed    tasks finished in the period (and still finished), in the order they finished
 * @param slipped      tasks whose target date was revised in the period, the most often revised first
 * @param silentOwners owners none of whose open tasks has been updated for a while, the longest silent first
 * @param tbc          open tasks whose target date is TBC, in plan order
 */
public record Digest(DigestScope scope, Period period, Duration silentAfter, Counts totals, List<SectionCounts> sections,
                     List<Overdue> overdue, List<Due> dueSoon, List<Done> completed, List<Slip> slipped,
                     List<SilentOwner> silentOwners, List<Item> tbc) {

    /** What an empty week says instead of nothing at all. */
    public static final String QUIET_TEXT = "Nothing due, nothing overdue, nothing finished this week.";

    /** The status key under which tasks without a status are counted. */
    public static final String NO_STATUS = "(no status)";

    public Digest {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(silentAfter, "silentAfter");
        Objects.requireNonNull(totals, "totals");
        sections = List.copyOf(sections);
        overdue = List.copyOf(overdue);
        dueSoon = List.copyOf(dueSoon);
        completed = List.copyOf(completed);
        slipped = List.copyOf(slipped);
        silentOwners = List.copyOf(silentOwners);
        tbc = List.copyOf(tbc);
    }

    /** True for an empty week: nothing overdue, nothing due soon, nothing completed and nothing slipped. */
    public boolean isQuiet() {
        return overdue.isEmpty() && dueSoon.isEmpty() && completed.isEmpty() && slipped.isEmpty();
    }

    /** The period a digest covers; {@code to} is the moment it was built, in the zone whose days count. */
    public record Period(ZonedDateTime from, ZonedDateTime to) {
        public Period {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        /** The calendar day of the digest: what "overdue", "days late" and "due in 14 days" count from. */
        public LocalDate today() {
            return to.toLocalDate();
        }
    }

    /**
     * Task counts.
     *
     * @param total    how many tasks
     * @param byRag    every {@link Rag} (zero included), in the enum's order
     * @param byStatus status words as councils wrote them (tasks without one under {@link #NO_STATUS}),
     *                 ordered by what they mean (not started … closed, unknown words last), then by word
     */
    public record Counts(int total, Map<Rag, Integer> byRag, Map<String, Integer> byStatus) {
        public Counts {
            EnumMap<Rag, Integer> rag = new EnumMap<>(Rag.class);
            for (Rag r : Rag.values()) {
                rag.put(r, byRag.getOrDefault(r, 0));
            }
            byRag = Collections.unmodifiableMap(rag);
            byStatus = Collections.unmodifiableMap(new LinkedHashMap<>(byStatus));
        }

        public int of(Rag rag) {
            return byRag.get(rag);
        }

        /** The counts by RAG in one line, as chat shows them: "🔴 2 overdue · 🟠 1 at risk · 🟢 5 on track · …". */
        public String ragLine() {
            String s = "🔴 " + of(Rag.RED) + " overdue · 🟠 " + of(Rag.AMBER) + " at risk · 🟢 " + of(Rag.GREEN)
                    + " on track · 🔵 " + of(Rag.BLUE) + " done · ⚪ " + of(Rag.GREY) + " closed";
            return of(Rag.NONE) > 0 ? s + " · " + of(Rag.NONE) + " without a status" : s;
        }

        /** The counts by status word, as the tracker spells them: "In progress 4, Completed 2"; "none" when empty. */
        public String statusLine() {
            if (byStatus.isEmpty()) {
                return "none";
            }
            StringBuilder s = new StringBuilder();
            byStatus.forEach((word, n) -> s.append(s.length() == 0 ? "" : ", ").append(word).append(' ').append(n));
            return s.toString();
        }

        public int of(String statusWord) {
            return byStatus.getOrDefault(statusWord, 0);
        }
    }

    /** The counts of one section of one plan. */
    public record SectionCounts(String plan, String section, Counts counts) {
        public SectionCounts {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(section, "section");
            Objects.requireNonNull(counts, "counts");
        }
    }

    /** A task as a digest line shows it. */
    public record Item(String plan, String section, String actionKey, String ref, String description, String owner,
                       Status status, PlanDate target) {
        public Item {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(section, "section");
            Objects.requireNonNull(actionKey, "actionKey");
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(description, "description");
        }

        static Item of(TaskSnapshot t) {
            return new Item(t.plan(), t.section(), t.actionKey(), t.ref(), t.description(), t.owner(), t.status(),
                    t.target());
        }
    }

    /** An open task past its target date, {@code daysLate} calendar days after it (1 the day after). */
    public record Overdue(Item task, long daysLate) {
        public Overdue {
            Objects.requireNonNull(task, "task");
        }
    }

    /** An open task due in {@code daysLeft} calendar days (0 today). */
    public record Due(Item task, long daysLeft) {
        public Due {
            Objects.requireNonNull(task, "task");
        }
    }

    /** A task finished in the period; {@code task.status()} is its status now. */
    public record Done(Item task, Instant at) {
        public Done {
            Objects.requireNonNull(task, "task");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * A task whose target date was revised in the period.
     *
     * @param from          its target before the first revision in the period
     * @param to            its target after the last revision in the period (null if the date was removed)
     * @param timesInPeriod how many revisions the period saw
     * @param timesInTotal  how many revisions it has had in all
     * @param lastAt        when the last of them was made
     */
    public record Slip(Item task, PlanDate from, PlanDate to, int timesInPeriod, int timesInTotal, Instant lastAt) {
        public Slip {
            Objects.requireNonNull(task, "task");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(lastAt, "lastAt");
        }
    }

    /**
     * An owner who has gone quiet.
     *
     * @param owner       the name as the tracker writes it
     * @param openTasks   how many open tasks they own in scope
     * @param lastUpdated the most recent update of any of those tasks
     * @param daysSilent  calendar days from then to the day of the digest
     */
    public record SilentOwner(String owner, int openTasks, Instant lastUpdated, long daysSilent) {
        public SilentOwner {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(lastUpdated, "lastUpdated");
        }
    }
}
