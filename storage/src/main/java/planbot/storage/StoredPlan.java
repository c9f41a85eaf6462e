package planbot.storage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import planbot.domain.Action;
import planbot.domain.Layout;
import planbot.domain.Plan;
import planbot.domain.Section;
import planbot.domain.Task;

/**
 * Every row of one stored plan, flat and in stored order (by position, then id), so that an import can
 * merge a whole file against it in memory instead of querying row by row. The actions here carry no tasks:
 * the tasks are in {@link #tasks()}, each naming its action.
 */
public record StoredPlan(long id, String name, Layout layout, List<SectionRow> sections, List<ActionRow> actions,
                         List<TaskRow> tasks) {
    public StoredPlan {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(layout, "layout");
        sections = List.copyOf(sections);
        actions = List.copyOf(actions);
        tasks = List.copyOf(tasks);
    }

    /** The plan as the domain sees it: sections, their actions, their tasks, each in stored order. */
    public Plan toPlan() {
        Map<String, List<Task>> tasksByAction = new LinkedHashMap<>();
        for (TaskRow t : tasks) {
            tasksByAction.computeIfAbsent(t.actionKey(), k -> new ArrayList<>()).add(t.task());
        }
        Map<String, List<Action>> actionsBySection = new LinkedHashMap<>();
        for (ActionRow a : actions) {
            Action x = a.action();
            Action withTasks = new Action(x.key(), x.label(), x.recommendation(), x.status(), x.lead(), x.notes(),
                    tasksByAction.getOrDefault(x.key(), List.of()));
            actionsBySection.computeIfAbsent(a.sectionName(), k -> new ArrayList<>()).add(withTasks);
        }
        List<Section> domainSections = new ArrayList<>();
        for (SectionRow s : sections) {
            domainSections.add(new Section(s.name(), actionsBySection.getOrDefault(s.name(), List.of())));
        }
        return new Plan(name, layout, domainSections);
    }
}
