package planbot.storage.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import planbot.domain.Action;
import planbot.domain.Layout;
import planbot.domain.Plan;
import planbot.domain.PlanDate;
import planbot.domain.Section;
import planbot.domain.Status;
import planbot.domain.Task;
import planbot.tracker.read.ReadResult;

/** Plans built in code, shaped like the sample trackers, for tests in any module. */
public final class TestPlans {
    private TestPlans() {
    }

    public static final Layout REVIEW_LAYOUT = new Layout(Layout.Shape.REVIEW, List.of(
            new Layout.Column("REF", Layout.Role.ACTION_REF),
            new Layout.Column("Main Status", Layout.Role.ACTION_STATUS),
            new Layout.Column("Recommendation", Layout.Role.ACTION),
            new Layout.Column("Key tasks", Layout.Role.TASK),
            new Layout.Column("Internal Ref", Layout.Role.TASK_REF),
            new Layout.Column("Progress", Layout.Role.STATUS),
            new Layout.Column("Term", Layout.Role.TERM),
            new Layout.Column("Start Date", Layout.Role.START),
            new Layout.Column("Target Date", Layout.Role.TARGET),
            new Layout.Column("Owner", Layout.Role.OWNER),
            new Layout.Column("Notes", Layout.Role.NOTES)));

    /**
     * A small review-tracker plan that uses every kind of date and both precisions, an unknown status word,
     * an action without a REF label, a section without a name and an empty section.
     */
    public static Plan review(String name) {
        Action en003 = new Action("EN003", "ENFORCEMENT 003", "Review the enforcement policy.\nPublish it on the website.",
                Status.of("On target"), "Head of Planning", null, List.of(
                task("EN003/01", "Draft the policy", "Completed", new PlanDate(PlanDate.Kind.DATE,
                        LocalDate.of(2023, 8, 31), PlanDate.Precision.DAY, "*", "31/08/2023*"), "HoP"),
                task("EN003/02", "Consult members", "On target", new PlanDate(PlanDate.Kind.DATE,
                        LocalDate.of(2025, 7, 31), PlanDate.Precision.MONTH, null, "July 2025"), "PM"),
                task("EN003/03", "Publish", "At risk", PlanDate.tbc("interdependency with Website Redesign Project",
                        "TBC - interdependency with Website Redesign Project"), "PM/Business Managers")));
        Action en004 = new Action("EN004", null, "Clear the backlog", Status.of("Delayed"), null,
                "(DUPLICATE OF 005.)", List.of(
                task("EN004/01", "Triage cases", "Parked", new PlanDate(PlanDate.Kind.NOT_APPLICABLE, null,
                        PlanDate.Precision.DAY, null, "N/A"), "HoP"),
                new Task("EN004/02", "Monitor", Status.of("Closed – no longer required"), null,
                        new PlanDate(PlanDate.Kind.DATE, LocalDate.of(2016, 10, 1), PlanDate.Precision.MONTH, null, null),
                        new PlanDate(PlanDate.Kind.ONGOING, null, PlanDate.Precision.DAY, null, "Ongoing"),
                        "10/16 – Ongoing", null, "£ budget agreed"),
                new Task("EN004/03", "", null, null, null, null, null, null, null)));
        Action it012 = new Action("IT012", "IT INFRASTRUCURE 012", "Replace the back-office system", null,
                "Patsy Dell and Service Managers", null, List.of(
                task("IT012/01", "Procure", "In progress", PlanDate.of(LocalDate.of(2024, 3, 29)), "IT Manager")));
        return new Plan(name, REVIEW_LAYOUT, List.of(
                new Section("PLANNING ENFORCEMENT", List.of(en003, en004)),
                new Section("", List.of(it012)),
                new Section("EMPTY SECTION", List.of())));
    }

    /** A plan of {@code sections × actionsPerSection × tasksPerAction} tasks with dates, statuses and 40 owners. */
    public static Plan large(String name, int sections, int actionsPerSection, int tasksPerAction) {
        String[] words = {"Not started", "On target", "In progress", "At risk", "Delayed", "Completed"};
        List<Section> all = new ArrayList<>();
        int n = 0;
        for (int s = 0; s < sections; s++) {
            List<Action> actions = new ArrayList<>();
            for (int a = 0; a < actionsPerSection; a++) {
                String key = String.format("S%02dA%03d", s, a);
                List<Task> tasks = new ArrayList<>();
                for (int t = 0; t < tasksPerAction; t++, n++) {
                    PlanDate target = n % 10 == 0 ? PlanDate.tbc(null, "TBC")
                            : PlanDate.of(LocalDate.of(2024, 1, 1).plusDays(n % 700));
                    tasks.add(new Task(key + "/" + String.format("%03d", t), "Task number " + n + " of the plan",
                            Status.of(words[n % words.length]), "Short", null, target, null,
                            "Officer " + (n % 40), n % 3 == 0 ? "a progress note" : null));
                }
                actions.add(new Action(key, "ACTION " + key, "Recommendation " + key, Status.of("On target"),
                        "Lead " + (a % 7), null, tasks));
            }
            all.add(new Section("SECTION " + s, actions));
        }
        return new Plan(name, REVIEW_LAYOUT, all);
    }

    /** What a reader would return for this plan, with nothing it could not read. */
    public static ReadResult read(Plan plan) {
        return new ReadResult(plan, List.of(), List.of());
    }

    private static Task task(String ref, String description, String status, PlanDate target, String owner) {
        return new Task(ref, description, Status.of(status), "Short", null, target, null, owner, null);
    }

    /** The plan with one task replaced (by ref); fails if there is no such task. */
    public static Plan replaceTask(Plan plan, Task replacement) {
        boolean[] found = {false};
        List<Section> sections = new ArrayList<>();
        for (Section s : plan.sections()) {
            List<Action> actions = new ArrayList<>();
            for (Action a : s.actions()) {
                List<Task> tasks = new ArrayList<>();
                for (Task t : a.tasks()) {
                    if (t.ref().equals(replacement.ref())) {
                        found[0] = true;
                        tasks.add(replacement);
                    } else {
                        tasks.add(t);
                    }
                }
                actions.add(new Action(a.key(), a.label(), a.recommendation(), a.status(), a.lead(), a.notes(), tasks));
            }
            sections.add(new Section(s.name(), actions));
        }
        if (!found[0]) {
            throw new IllegalArgumentException("no task " + replacement.ref());
        }
        return new Plan(plan.name(), plan.layout(), sections);
    }

}
