package planbot.tracker.read;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import planbot.domain.Action;
import planbot.domain.Layout;
import planbot.domain.Plan;
import planbot.domain.Section;
import planbot.domain.Status;
import planbot.domain.Task;

/**
 * A plan being read. Trackers say things about an action on several rows, sometimes after its first tasks
 * (a REF label, a second recommendation), so readers collect into drafts and build the records at the end.
 * An action belongs to the section it first appeared in.
 */
final class PlanDraft {
    private final List<SectionDraft> sections = new ArrayList<>();
    private final Map<String, ActionDraft> actions = new LinkedHashMap<>();
    private final Set<String> taskRefs = new HashSet<>();

    static final class SectionDraft {
        final String name;
        final List<ActionDraft> actions = new ArrayList<>();

        SectionDraft(String name) {
            this.name = name;
        }
    }

    static final class ActionDraft {
        final String key;
        String label;
        int labelRow;
        final List<String> recommendation = new ArrayList<>();
        Status status;
        String lead;
        final List<String> notes = new ArrayList<>();
        final List<Task> tasks = new ArrayList<>();

        ActionDraft(String key) {
            this.key = key;
        }

        void addRecommendation(String text) {
            if (!text.isEmpty() && !recommendation.contains(text)) {
                recommendation.add(text);
            }
        }

        /** The name people know it by, as {@link Action#displayName()} gives it. */
        String displayName() {
            return label != null ? label : key;
        }

        Task lastTask() {
            return tasks.isEmpty() ? null : tasks.get(tasks.size() - 1);
        }

        Action build() {
            return new Action(key, label, String.join("\n", recommendation), status, lead,
                    notes.isEmpty() ? null : String.join("\n", notes), tasks);
        }
    }

    void startSection(String name) {
        sections.add(new SectionDraft(name));
    }

    /** The name, or the name with " (2)", " (3)", … when a section already has it. */
    String unusedSectionName(String name) {
        Set<String> taken = new HashSet<>();
        sections.forEach(section -> taken.add(section.name));
        String candidate = name;
        for (int n = 2; taken.contains(candidate); n++) {
            candidate = name + " (" + n + ")";
        }
        return candidate;
    }

    SectionDraft currentSection() {
        if (sections.isEmpty()) {
            startSection(""); // a tracker without section rows has one unnamed section
        }
        return sections.get(sections.size() - 1);
    }

    /** The name of the section being read, or null before the first. */
    String currentSectionName() {
        return sections.isEmpty() ? null : sections.get(sections.size() - 1).name;
    }

    boolean hasAction(String key) {
        return actions.containsKey(key);
    }

    /** The action with this key; a new one joins the current section. */
    ActionDraft action(String key) {
        ActionDraft action = actions.get(key);
        if (action == null) {
            action = new ActionDraft(key);
            actions.put(key, action);
            currentSection().actions.add(action);
        }
        return action;
    }

    Iterable<SectionDraft> sections() {
        return sections;
    }

    /** True when the ref is new to the plan (and now taken); false when another task already has it. */
    boolean claimTaskRef(String ref) {
        return taskRefs.add(ref);
    }

    /** A ref no task has yet, made from a taken one: "EN003/01" → "EN003/01-2". */
    String freeTaskRef(String taken) {
        for (int n = 2; ; n++) {
            String candidate = taken + "-" + n;
            if (claimTaskRef(candidate)) {
                return candidate;
            }
        }
    }

    Plan build(String name, Layout layout) {
        List<Section> built = new ArrayList<>();
        for (SectionDraft s : sections) {
            built.add(new Section(s.name, s.actions.stream().map(ActionDraft::build).toList()));
        }
        return new Plan(name, layout, built);
    }
}
