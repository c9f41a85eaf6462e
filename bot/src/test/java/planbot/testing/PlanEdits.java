package planbot.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import planbot.BundledSample;
import planbot.domain.Action;
import planbot.domain.Plan;
import planbot.domain.Section;
import planbot.domain.Task;
import planbot.tracker.read.ReadOptions;
import planbot.tracker.read.TrackerFormatException;
import planbot.tracker.read.TrackerReader;

/**
 * A plan with owners and leads added, for tests of who may do what: the bundled sample names nobody.
 * {@code PlanEdits.sample().owner("EN003/01", "Olivia Officer").lead("EN003", "Liam Lead").plan()}. Every
 * ref named must exist in the plan, so a typo fails the test instead of silently testing nothing.
 */
public final class PlanEdits {
    private final Plan plan;
    private final Map<String, String> owners = new HashMap<>();
    private final Map<String, String> leads = new HashMap<>();

    private PlanEdits(Plan plan) {
        this.plan = Objects.requireNonNull(plan, "plan");
    }

    public static PlanEdits of(Plan plan) {
        return new PlanEdits(plan);
    }

    /** The bundled sample plan ({@value BundledSample#PLAN}) as the reader reads it. */
    public static PlanEdits sample() {
        return of(samplePlan());
    }

    public static Plan samplePlan() {
        try {
            return TrackerReader.read(BundledSample.bytes(), BundledSample.fileName(), ReadOptions.named(BundledSample.PLAN)).plan();
        } catch (TrackerFormatException e) {
            throw new IllegalStateException("the bundled sample no longer reads", e);
        }
    }

    public PlanEdits owner(String taskRef, String name) {
        owners.put(taskRef, name);
        return this;
    }

    public PlanEdits lead(String actionKey, String name) {
        leads.put(actionKey, name);
        return this;
    }

    public Plan plan() {
        Map<String, String> ownersLeft = new HashMap<>(owners);
        Map<String, String> leadsLeft = new HashMap<>(leads);
        List<Section> sections = new ArrayList<>();
        for (Section s : plan.sections()) {
            List<Action> actions = new ArrayList<>();
            for (Action a : s.actions()) {
                List<Task> tasks = new ArrayList<>();
                for (Task t : a.tasks()) {
                    String owner = ownersLeft.remove(t.ref());
                    tasks.add(owner == null ? t : t.withOwner(owner));
                }
                String lead = leadsLeft.remove(a.key());
                actions.add(new Action(a.key(), a.label(), a.recommendation(), a.status(),
                        lead == null ? a.lead() : lead, a.notes(), tasks));
            }
            sections.add(new Section(s.name(), actions));
        }
        if (!ownersLeft.isEmpty() || !leadsLeft.isEmpty()) {
            throw new IllegalArgumentException("no such task or action in " + plan.name() + ": "
                    + ownersLeft.keySet() + " " + leadsLeft.keySet());
        }
        return new Plan(plan.name(), plan.layout(), sections);
    }
}
