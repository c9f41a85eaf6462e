package planbot.tracker.write;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import planbot.domain.Action;
import planbot.domain.Layout.Role;
import planbot.domain.Layout;
import planbot.domain.Plan;
import planbot.domain.PlanDate;
import planbot.domain.Section;
import planbot.domain.Status;
import planbot.domain.StatusKind;
import planbot.domain.Task;

/** Plans built in code the way the readers would build them from the sample trackers in {@code samples/}. */
final class Plans {
    private Plans() {
    }

    /** The review tracker's header, as written in planning-review-action-plan.tsv, with its roles. */
    static Layout reviewLayout() {
        return new Layout(Layout.Shape.REVIEW, List.of(
                new Layout.Column("REF.", Role.ACTION_REF),
                new Layout.Column("MAIN ACTION RAG STATUS", Role.ACTION_STATUS),
                new Layout.Column("RED QUADRANT RECOMMENDATION", Role.ACTION),
                new Layout.Column("KEY TASKS FOR DELIVERY", Role.TASK),
                new Layout.Column("INTERNAL REF", Role.TASK_REF),
                new Layout.Column("PROGRESS RAG STATUS", Role.STATUS),
                new Layout.Column("REVISED SHORT / MEDIUM / LONG TERM", Role.TERM),
                new Layout.Column("REVISED START DATE", Role.START),
                new Layout.Column("REVISED PLANNED TARGET END DATE", Role.TARGET)));
    }

    /** The activity plan's header, as written in phase2-activity-plan.tsv, with its roles. */
    static Layout activityLayout() {
        return new Layout(Layout.Shape.ACTIVITY, List.of(
                new Layout.Column("WORKSTREAM", Role.ACTION_REF),
                new Layout.Column("INITIAL ACTIVITIES", Role.TASK),
                new Layout.Column("TIMESCALE", Role.TIMESCALE),
                new Layout.Column("LEAD", Role.LEAD)));
    }

    static PlanDate na() {
        return new PlanDate(PlanDate.Kind.NOT_APPLICABLE, null, PlanDate.Precision.DAY, null, "N/A");
    }

    static PlanDate day(String text) {
        String[] p = text.substring(0, 10).split("/");
        LocalDate date = LocalDate.of(Integer.parseInt(p[2]), Integer.parseInt(p[1]), Integer.parseInt(p[0]));
        String remark = text.length() > 10 ? text.substring(10).replaceFirst("^\\s*-\\s*", "") : null;
        return new PlanDate(PlanDate.Kind.DATE, date, PlanDate.Precision.DAY, remark, text);
    }

    static Task task(String ref, String description, String status, String term, PlanDate start, PlanDate target) {
        return new Task(ref, description, Status.of(status), term, start, target, null, null, null);
    }

    /** A slice of the review tracker with its mess: split recommendations, TBC remarks, dates with remarks. */
    static Plan review() {
        Action en001 = new Action("EN001", "ENFORCEMENT 001", "Produce an up to date outward focused Planning "
                + "Enforcement Charter with KPI's.", Status.of("Completed"), null, null, List.of(
                task("EN001/01", "Hold initial meeting to discuss the task with Red Quadrant", "Completed", "N/A",
                        na(), na()),
                task("EN001/06", "PC to present to Portfolio Holder in advance of scrutiny meetings.", "Completed",
                        "Short", day("01/11/2022"), day("28/02/2023"))));
        Action en004 = new Action("EN004", "ENFORCEMENT 004",
                "The Planning Service consider if capacity and risk issues can be resolved via the delegation "
                        + "\"down\" to Enforcement Officers.\nThe \"traditional\" approach to the management of "
                        + "Enforcement be replaced with greater accountability placed on Enforcement Officers.",
                Status.of("Completed"), null, null, List.of(
                new Task("EN004/02", "Develop process mapping of current process.", Status.of("Completed"), "N/A",
                        na(), na(), null, null, "(DUPLICATE OF 005.)"),
                task("EN004/05", "Develop a standard pre-populated template as a starter for ten, as appropriate.",
                        "Completed", "Short", day("01/02/2023"), day("01/03/2023"))));
        Action it009 = new Action("IT009", "IT INFRASTRUCTURE 009", "The Planning Portal (MHLG) function, "
                + "templates and financial transaction services should be assessed.", Status.of("In progress"),
                null, null, List.of(
                task("IT009/02", "Explore the options for different types of payment.", "In progress", "Medium",
                        day("01/06/2023 - TBC"), day("30/08/2023 - TBC")),
                task("BUS001/04", "Investigate the 'failed attempts' of calls.", "In progress", "Medium",
                        day("01/05/2023*"), day("31/08/2023*"))));
        Action it012 = new Action("IT012", "IT INFRASTRUCURE 012", "The hardware available to Members and "
                + "Officers be reviewed.", Status.of("On target"), "Head of Planning", "Budget agreed in March.",
                List.of(
                new Task("IT012/01", "Engagement to find out what the members would appreciate.",
                        Status.of("Parked"), "TBC", PlanDate.tbc(null, "TBC"),
                        PlanDate.tbc("Interdependency with SWOW Project", "TBC - Interdependency with SWOW Project"),
                        null, "Sam Patel", "Waiting on SWOW board."),
                new Task("IT012/02", "Obtain costings and look at the different options for equipment.",
                        null, null, null, new PlanDate(PlanDate.Kind.DATE, LocalDate.of(2025, 7, 31),
                        PlanDate.Precision.MONTH, null, null), null, null, null)));
        return new Plan("Planning review action plan", reviewLayout(), List.of(
                new Section("PLANNING ENFORCEMENT", List.of(en001, en004)),
                new Section("IT INFRASTRUCTURE", List.of(it009, it012))));
    }

    /** The activity plan: workstreams with activities, timescales as written, a lead per activity. */
    static Plan activity() {
        Action smart = new Action("W1", "Smart Sharing", "", null, null, null, List.of(
                new Task("W1/01", "Design and implement 3 Smart Sharing \u201cproof of concept\u201d projects.", null,
                        null, month(2016, 10, false), month(2017, 3, true), "10/16 \u2013 3/17",
                        "Heads of Planning (HoP) take lead on individual project", null),
                new Task("W1/02", "Evaluate impact of test projects.", null, null, month(2017, 3, false), null,
                        "3/17 forwards", "HoP", null),
                new Task("W1/03", "Consult with staff on priorities.", null, null, null, month(2017, 2, true),
                        "End 2/17", null, null)));
        Action governance = new Action("W2", "Governance", "", null, null, null, List.of(
                new Task("W2/01", "Continue with existing arrangements.", null, null, null,
                        new PlanDate(PlanDate.Kind.ONGOING, null, PlanDate.Precision.DAY, null, null), "Ongoing",
                        "PM", null)));
        return new Plan("Phase 2 activity plan", activityLayout(), List.of(
                new Section("", List.of(smart, governance))));
    }

    static PlanDate month(int year, int month, boolean end) {
        LocalDate first = LocalDate.of(year, month, 1);
        return new PlanDate(PlanDate.Kind.DATE, end ? first.withDayOfMonth(first.lengthOfMonth()) : first,
                PlanDate.Precision.MONTH, null, null);
    }

    /** A plan of {@code actions} × {@code tasksPerAction} tasks with sentence-long texts, for size tests. */
    static Plan large(int actions, int tasksPerAction) {
        List<Action> list = new ArrayList<>();
        for (int a = 1; a <= actions; a++) {
            String key = String.format("EN%03d", a);
            List<Task> tasks = new ArrayList<>();
            for (int t = 1; t <= tasksPerAction; t++) {
                tasks.add(new Task(key + "/" + String.format("%02d", t), "Undertake process mapping to "
                        + "re-assess work flows to full capacity in Uniform, task " + t + " of action " + a + ".",
                        Status.canonical(StatusKind.IN_PROGRESS), "Medium", day("01/04/2023"), day("31/05/2023"),
                        null, "Business Support Manager", "Progress reviewed at the programme board."));
            }
            list.add(new Action(key, "ENFORCEMENT " + String.format("%03d", a), "The Planning Service consider "
                    + "how best to resolve capacity and risk issues, recommendation " + a + ".",
                    Status.of("In progress"), null, null, tasks));
        }
        return new Plan("Large plan", reviewLayout(), List.of(new Section("PLANNING ENFORCEMENT", list)));
    }
}
