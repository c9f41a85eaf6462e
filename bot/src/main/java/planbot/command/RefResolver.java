package planbot.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import planbot.domain.RefKey;
import planbot.storage.ActionRow;
import planbot.storage.RefIndexEntry;
import planbot.storage.TaskInAction;
import planbot.storage.TaskRepository;
import planbot.storage.TaskRow;
import planbot.storage.Tenant;

/**
 * Turns a ref as typed into the one action or task it names, or says why it cannot, with the closest
 * candidates. It never guesses: a ref resolves only when exactly one thing matches.
 *
 * <p>First the indexed exact forms ({@link RefKey}: {@code EN3/1} finds {@code EN003/01}, {@code enforcement 3}
 * finds the action labelled {@code ENFORCEMENT 003}); only when those miss is the tenant's whole ref index
 * read, for abbreviations ({@code ENF003} → {@code EN003}, since ENFORCEMENT starts with ENF), small typos in
 * a label's words with the right number, and suggestions. A ref that names its plan ({@code EN003/01 in south})
 * is looked for in that plan only. Every candidate offered can be typed back as a ref: one that more than one
 * plan has is offered once per plan, as {@code EN003/01 in south}. Thread-safe.
 */
public final class RefResolver {
    private static final int SUGGESTIONS = 5;

    /** What a typed ref names. */
    public sealed interface Resolution permits ToTask, ToAction, Unresolved {
    }

    /** One task, with its action's name and lead (read with it). */
    public record ToTask(TaskInAction found) implements Resolution {
        public TaskRow task() {
            return found.task();
        }
    }

    public record ToAction(ActionRow action) implements Resolution {
    }

    /** Nothing, or more than one thing, matched: a sentence and the candidates to offer. */
    public record Unresolved(String message, java.util.List<String> candidates) implements Resolution {
    }

    private final TaskRepository tasks;

    public RefResolver(TaskRepository tasks) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
    }

    public Resolution resolve(Tenant tenant, RefText typed) {
        String shown = Quote.of(typed.text());
        String key = RefKey.of(typed.text());
        if (key.isEmpty() || key.length() > 64) {
            return new Unresolved(shown + " is not a ref: refs look like EN003, ENFORCEMENT 003 or EN003/01.",
                    java.util.List.of());
        }
        Optional<Resolution> exact = exact(tenant, key, typed);
        if (exact.isPresent()) {
            return exact.get();
        }
        java.util.List<RefIndexEntry> all = tasks.refIndex(tenant);
        java.util.List<RefIndexEntry> index = new ArrayList<>(all);
        index.removeIf(e -> !typed.inPlan(e.planName()));
        if (index.isEmpty() && typed.plan() != null) {
            return noSuchPlan(typed, all);
        }
        Optional<NormalisedRef> form = typed.form();
        Set<String> matches = form.isPresent() ? fuzzy(form.get(), index) : Set.of();
        if (matches.size() == 1) {
            Optional<Resolution> found = exact(tenant, RefKey.of(matches.iterator().next()), typed);
            if (found.isPresent()) {
                return found.get();
            }
        }
        if (matches.size() > 1) {
            Map<String, Set<String>> plans = new LinkedHashMap<>(); // ref → the plans that have it
            index.forEach(e -> plans.computeIfAbsent(e.isTask() ? e.taskRef() : e.actionKey(), k -> new java.util.TreeSet<>())
                    .add(e.planName()));
            java.util.List<String> offered = new ArrayList<>();
            matches.forEach(m -> offer(m, plans.get(m), typed.plan() != null, offered));
            return new Unresolved(shown + " could mean more than one thing; say which.",
                    offered.subList(0, Math.min(SUGGESTIONS, offered.size())));
        }
        return new Unresolved("I can't find " + shown + (typed.plan() == null ? " in the plan." : " in " + Quote.of(typed.plan()) + "."),
                closest(key, index, typed.plan()));
    }

    /** A ref naming a plan the tenant does not have: the same ref in each plan it has. */
    private static Unresolved noSuchPlan(RefText typed, java.util.List<RefIndexEntry> all) {
        Set<String> plans = new java.util.TreeSet<>();
        all.forEach(e -> plans.add(e.planName()));
        java.util.List<String> offered = new ArrayList<>();
        plans.forEach(p -> offered.add(new RefText(typed.text(), p).toString()));
        return new Unresolved("There is no plan called " + Quote.of(typed.plan()) + " here"
                + (plans.isEmpty() ? "." : "; the plans are " + String.join(", ", plans) + "."),
                offered.subList(0, Math.min(SUGGESTIONS, offered.size())));
    }

    /**
     * An exact match on the indexed key in the plan the ref names (any, if none): a task ref first (EN3/1), then an
     * action's key or label (EN3, ENFORCEMENT3).
     */
    private Optional<Resolution> exact(Tenant tenant, String key, RefText typed) {
        java.util.List<TaskInAction> byRef = new ArrayList<>(tasks.findTasksByKey(tenant, key));
        byRef.removeIf(t -> !typed.inPlan(t.task().planName()));
        if (byRef.size() == 1) {
            return Optional.of(new ToTask(byRef.get(0)));
        }
        if (byRef.size() > 1) {
            java.util.List<String> where = new ArrayList<>();
            byRef.forEach(t -> where.add(new RefText(t.task().ref(), t.task().planName()).toString()));
            return Optional.of(new Unresolved("More than one plan has " + byRef.get(0).task().ref() + "; say which plan.", where));
        }
        java.util.List<ActionRow> actions = new ArrayList<>(tasks.findActionsByKey(tenant, key));
        actions.removeIf(a -> !typed.inPlan(a.planName()));
        if (actions.size() == 1) {
            return Optional.of(new ToAction(actions.get(0)));
        }
        if (actions.size() > 1) {
            Set<String> plans = new LinkedHashSet<>();
            actions.forEach(a -> plans.add(a.planName()));
            java.util.List<String> where = new ArrayList<>();
            actions.forEach(a -> where.add(plans.size() > 1 ? new RefText(a.key(), a.planName()).toString() : a.key()));
            return Optional.of(new Unresolved("More than one action goes by that name; say which.", where));
        }
        return Optional.empty();
    }

    /**
     * Refs that match a typed form loosely: same number(s), and letters that abbreviate or slightly misspell the
     * action's key letters or its label's words. Returns the canonical refs (task refs or action keys).
     */
    private static Set<String> fuzzy(NormalisedRef typed, java.util.List<RefIndexEntry> index) {
        Set<String> out = new LinkedHashSet<>();
        String letters = typed.letters();
        for (RefIndexEntry e : index) {
            if (typed.kind() == NormalisedRef.Kind.TASK) {
                if (!e.isTask()) {
                    continue;
                }
                Optional<NormalisedRef> stored = RefSyntax.parse(e.taskRef());
                if (stored.isPresent() && stored.get().task().equals(typed.task())
                        && actionMatches(letters, typed.number(), e)) {
                    out.add(e.taskRef());
                }
            } else if (!e.isTask() && actionMatches(letters, typed.number(), e)) {
                out.add(e.actionKey());
            }
        }
        return out;
    }

    private static boolean actionMatches(String letters, int number, RefIndexEntry e) {
        Optional<NormalisedRef> key = RefSyntax.parse(e.actionKey());
        if (key.isPresent() && key.get().number() == number) {
            String k = key.get().letters();
            if (letters.startsWith(k) || k.startsWith(letters)) {
                return true;
            }
        }
        if (e.label() != null) {
            Optional<NormalisedRef> label = RefSyntax.parse(e.label());
            if (label.isPresent() && label.get().number() == number) {
                String l = label.get().letters();
                return letters.length() >= 2 && l.startsWith(letters)
                        || letters.length() >= 6 && Suggest.distance(letters, l, 2) <= 2;
            }
        }
        return false;
    }

    /**
     * The names closest to what was typed, for "did you mean": each as it can be typed back, naming its plan when
     * the ref named one ({@code plan}) or when more than one plan has that name.
     */
    private static java.util.List<String> closest(String key, java.util.List<RefIndexEntry> index, String plan) {
        Map<String, String> names = new LinkedHashMap<>(); // comparable key → name to show
        Map<String, Set<String>> plans = new LinkedHashMap<>(); // comparable key → the plans that have it
        for (RefIndexEntry e : index) {
            if (e.isTask()) {
                name(names, plans, e.taskRef(), e.planName());
            } else {
                name(names, plans, e.actionKey(), e.planName());
                if (e.label() != null) {
                    name(names, plans, e.label(), e.planName());
                }
            }
        }
        java.util.List<String> keys = Suggest.closest(key, new ArrayList<>(names.keySet()), SUGGESTIONS);
        if (keys.isEmpty() && key.length() <= Suggest.MAX_LENGTH) {
            // Nothing is a near miss: offer the nearest few anyway, so the user sees what refs look like here.
            java.util.List<String> all = new ArrayList<>(names.keySet());
            all.sort(java.util.Comparator.comparingInt(k -> Suggest.distance(key, k, Suggest.MAX_LENGTH)));
            keys = all.subList(0, Math.min(3, all.size()));
        }
        java.util.List<String> out = new ArrayList<>();
        keys.forEach(k -> offer(names.get(k), plans.get(k), plan != null, out));
        return out.subList(0, Math.min(SUGGESTIONS, out.size()));
    }

    /** A name as it can be typed back: bare when one plan has it and no plan was named, else once per plan. */
    private static void offer(String name, Set<String> plans, boolean namePlan, java.util.List<String> out) {
        if (!namePlan && plans.size() == 1) {
            out.add(name);
        } else {
            plans.forEach(p -> out.add(new RefText(name, p).toString()));
        }
    }

    private static void name(Map<String, String> names, Map<String, Set<String>> plans, String name, String plan) {
        String k = RefKey.of(name);
        names.putIfAbsent(k, name);
        plans.computeIfAbsent(k, x -> new java.util.TreeSet<>()).add(plan);
    }
}
