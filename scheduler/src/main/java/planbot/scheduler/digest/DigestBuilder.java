package planbot.scheduler.digest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import planbot.domain.PlanDate;
import planbot.domain.Rag;
import planbot.domain.StatusKind;

/**
 * Builds a {@link Digest} from a {@link DigestInput}. Pure: no I/O and no clock (the input says what "now" is),
 * so the same input always gives the same digest. Stateless and thread-safe; linear in the number of tasks
 * apart from sorting the lists it reports.
 *
 * <p>The rules, with "today" the calendar day of {@code now} in its zone:
 * <ul>
 *   <li>RAG as {@link Rag#of}: completed blue, closed grey, past its target and not finished red, at risk or
 *       delayed amber, not started, on target or in progress green.</li>
 *   <li>Overdue: open (not completed or closed; no status counts as open) and its target date before today;
 *       days late in calendar days.</li>
 *   <li>Due soon: open with a target date from today to today + {@value #DUE_WITHIN_DAYS} days inclusive.</li>
 *   <li>Completed: a {@link Completion} in the period for a task that is still finished (a task reopened
 *       since does not count); the last completion if there were several.</li>
 *   <li>Slipped: the {@link TargetRevision}s in the period, one line per task.</li>
 *   <li>Silent owners: owners of open tasks none of which has been updated for {@code silentAfter}; how long
 *       in calendar days. Owner names are matched ignoring case.</li>
 *   <li>TBC: open tasks whose target is TBC.</li>
 * </ul>
 * Revisions and completions outside the period, or of tasks not in the input, are ignored.
 */
public final class DigestBuilder {

    /** How far ahead "due soon" looks, in calendar days. */
    public static final int DUE_WITHIN_DAYS = 14;

    private DigestBuilder() {
    }

    public static Digest build(DigestInput in) {
        LocalDate today = in.now().toLocalDate();
        Instant from = in.since().toInstant();
        Instant to = in.now().toInstant();

        Map<String, TaskSnapshot> byKey = new HashMap<>(in.tasks().size() * 2);
        Tally totals = new Tally();
        Map<String, Tally> sections = new LinkedHashMap<>();
        Map<String, String[]> sectionNames = new HashMap<>();
        List<Digest.Overdue> overdue = new ArrayList<>();
        List<Digest.Due> due = new ArrayList<>();
        List<Digest.Item> tbc = new ArrayList<>();
        Map<String, Owner> owners = new LinkedHashMap<>();

        for (TaskSnapshot t : in.tasks()) {
            byKey.put(key(t.plan(), t.ref()), t);
            Rag rag = Rag.of(t.status(), t.target(), today);
            totals.add(t, rag);
            String sectionKey = key(t.plan(), t.section());
            sections.computeIfAbsent(sectionKey, k -> new Tally()).add(t, rag);
            sectionNames.putIfAbsent(sectionKey, new String[] {t.plan(), t.section()});
            if (t.isFinished()) {
                continue;
            }
            PlanDate target = t.target();
            if (target != null && target.isDate()) {
                LocalDate date = target.date();
                if (date.isBefore(today)) {
                    overdue.add(new Digest.Overdue(Digest.Item.of(t), ChronoUnit.DAYS.between(date, today)));
                } else if (!date.isAfter(today.plusDays(DUE_WITHIN_DAYS))) {
                    due.add(new Digest.Due(Digest.Item.of(t), ChronoUnit.DAYS.between(today, date)));
                }
            } else if (target != null && target.kind() == PlanDate.Kind.TBC) {
                tbc.add(Digest.Item.of(t));
            }
            if (t.owner() != null) {
                owners.computeIfAbsent(t.owner().toLowerCase(Locale.ROOT), k -> new Owner(t.owner())).add(t.updatedAt());
            }
        }
        // Stable sorts: ties keep plan order.
        overdue.sort(Comparator.comparingLong(Digest.Overdue::daysLate).reversed());
        due.sort(Comparator.comparingLong(Digest.Due::daysLeft));

        List<Digest.SectionCounts> sectionCounts = new ArrayList<>(sections.size());
        sections.forEach((k, tally) -> {
            String[] names = sectionNames.get(k);
            sectionCounts.add(new Digest.SectionCounts(names[0], names[1], tally.counts()));
        });

        return new Digest(in.scope(), new Digest.Period(in.since(), in.now()), in.silentAfter(), totals.counts(), sectionCounts,
                overdue, due, completed(in, byKey, from, to), slipped(in, byKey, from, to),
                silentOwners(owners.values(), in.silentAfter(), in.now()), tbc);
    }

    private static List<Digest.Done> completed(DigestInput in, Map<String, TaskSnapshot> byKey, Instant from, Instant to) {
        Map<String, Completion> last = new LinkedHashMap<>();
        for (Completion c : in.completions()) {
            String k = key(c.plan(), c.ref());
            TaskSnapshot t = byKey.get(k);
            if (t == null || !t.isFinished() || !inPeriod(c.at(), from, to)) {
                continue;
            }
            Completion seen = last.get(k);
            if (seen == null || !c.at().isBefore(seen.at())) {
                last.put(k, c);
            }
        }
        List<Digest.Done> done = new ArrayList<>(last.size());
        last.forEach((k, c) -> done.add(new Digest.Done(Digest.Item.of(byKey.get(k)), c.at())));
        done.sort(Comparator.comparing(Digest.Done::at));
        return done;
    }

    private static List<Digest.Slip> slipped(DigestInput in, Map<String, TaskSnapshot> byKey, Instant from, Instant to) {
        Map<String, List<TargetRevision>> perTask = new LinkedHashMap<>();
        for (TargetRevision r : in.revisions()) {
            String k = key(r.plan(), r.ref());
            if (byKey.containsKey(k) && inPeriod(r.at(), from, to)) {
                perTask.computeIfAbsent(k, x -> new ArrayList<>()).add(r);
            }
        }
        List<Digest.Slip> slips = new ArrayList<>(perTask.size());
        perTask.forEach((k, revisions) -> {
            revisions.sort(Comparator.comparing(TargetRevision::at)); // stable: same-instant rows keep input order
            TargetRevision first = revisions.get(0);
            TargetRevision lastOne = revisions.get(revisions.size() - 1);
            TaskSnapshot t = byKey.get(k);
            slips.add(new Digest.Slip(Digest.Item.of(t), first.from(), lastOne.to(), revisions.size(),
                    Math.max(t.timesRevised(), revisions.size()), lastOne.at()));
        });
        slips.sort(Comparator.comparingInt(Digest.Slip::timesInTotal).reversed()
                .thenComparing(Digest.Slip::lastAt, Comparator.reverseOrder()));
        return slips;
    }

    private static List<Digest.SilentOwner> silentOwners(Iterable<Owner> owners, Duration silentAfter, ZonedDateTime now) {
        List<Digest.SilentOwner> silent = new ArrayList<>();
        for (Owner o : owners) {
            if (Duration.between(o.lastUpdated, now.toInstant()).compareTo(silentAfter) >= 0) {
                // The threshold is a duration; how long is told in calendar days, as people count them.
                long days = ChronoUnit.DAYS.between(o.lastUpdated.atZone(now.getZone()).toLocalDate(), now.toLocalDate());
                silent.add(new Digest.SilentOwner(o.name, o.openTasks, o.lastUpdated, days));
            }
        }
        silent.sort(Comparator.comparing(Digest.SilentOwner::lastUpdated)
                .thenComparing(Digest.SilentOwner::owner, String.CASE_INSENSITIVE_ORDER));
        return silent;
    }

    private static boolean inPeriod(Instant at, Instant from, Instant to) {
        return !at.isBefore(from) && at.isBefore(to);
    }

    private static String key(String plan, String name) {
        return plan + '\u0000' + name;
    }

    /** Counts by RAG and by status word, ordered for reading once done. */
    private static final class Tally {
        private int total;
        private final EnumMap<Rag, Integer> rag = new EnumMap<>(Rag.class);
        /** kind ordinal (no status last), then word. */
        private final Map<String, Integer> words = new HashMap<>();
        private final Map<String, Integer> wordOrder = new HashMap<>();

        void add(TaskSnapshot t, Rag r) {
            total++;
            rag.merge(r, 1, Integer::sum);
            String word = t.status() == null ? Digest.NO_STATUS : t.status().word();
            words.merge(word, 1, Integer::sum);
            wordOrder.putIfAbsent(word, t.status() == null ? StatusKind.values().length : t.status().kind().ordinal());
        }

        Digest.Counts counts() {
            Map<String, Integer> ordered = new TreeMap<>(Comparator.<String>comparingInt(wordOrder::get)
                    .thenComparing(String.CASE_INSENSITIVE_ORDER).thenComparing(Comparator.naturalOrder()));
            ordered.putAll(words);
            return new Digest.Counts(total, rag, ordered);
        }
    }

    /** An owner's open tasks: how many, and the latest update among them. */
    private static final class Owner {
        private final String name;
        private int openTasks;
        private Instant lastUpdated = Instant.MIN;

        Owner(String name) {
            this.name = name;
        }

        void add(Instant updatedAt) {
            openTasks++;
            if (updatedAt.isAfter(lastUpdated)) {
                lastUpdated = updatedAt;
            }
        }
    }
}
