package planbot.command;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import planbot.scheduler.calendar.Region;
import planbot.scheduler.reminder.ReminderPolicy;

/** A reminder policy in words, one line per setting, for {@code policy}. Stateless. */
final class PolicyWords {
    private PolicyWords() {
    }

    static List<String> lines(ReminderPolicy p) {
        List<String> out = new ArrayList<>();
        String before = p.leadDays().isEmpty() ? "No reminders before the target date"
                : "Owners are reminded " + and(p.leadDays()) + " working " + (p.leadDays().size() == 1 && p.leadDays().get(0) == 1 ? "day" : "days")
                + " before the target date";
        out.add(before + (p.onTheDay() ? ", and on the day." : "; not on the day."));
        out.add(p.overdueEvery() == 0 ? "While overdue: one reminder, the working day after the target date."
                : "While overdue: a reminder the working day after the target date, then every " + days(p.overdueEvery(), "working day") + ".");
        out.add("Escalated to the action lead " + after(p.escalateLead()) + "; to the manager channel " + after(p.escalateManager()) + ".");
        out.add(p.tbcEveryMonths() == 0 ? "Tasks with a TBC date are not asked for one."
                : "Tasks with a TBC date are asked for one " + (p.tbcEveryMonths() == 1 ? "every month." : "every " + p.tbcEveryMonths() + " months."));
        out.add(p.staleAfterDays() == 0 ? "No nudge for tasks nobody updates."
                : "Open tasks nobody has updated for " + days(p.staleAfterDays(), "day") + " get a \"still on target?\" nudge.");
        out.add("The snooze button pauses a task for " + days(p.snoozeDays(), "day") + ".");
        out.add("Sent from " + p.sendAt() + " (" + p.zone().getId() + ") on working days: no weekends or " + region(p.region())
                + " bank holidays" + (p.closures().isEmpty() ? "." : ", nor " + closures(p) + "."));
        out.add("As settings: " + p.format());
        return out;
    }

    private static String after(int n) {
        return n == 0 ? "never" : "once a task is " + days(n, "working day") + " overdue";
    }

    private static String days(int n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    private static String and(List<Integer> numbers) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < numbers.size(); i++) {
            if (i > 0) {
                b.append(i == numbers.size() - 1 ? " and " : ", ");
            }
            b.append(numbers.get(i));
        }
        return b.toString();
    }

    private static String region(Region r) {
        switch (r) {
            case SCOTLAND:
                return "Scottish";
            case NORTHERN_IRELAND:
                return "Northern Irish";
            default:
                return "England and Wales";
        }
    }

    private static String closures(ReminderPolicy p) {
        List<String> days = new ArrayList<>();
        for (LocalDate d : p.closures()) {
            days.add(DateFormats.uk(d));
        }
        return "the closure " + (days.size() == 1 ? "day " : "days ") + String.join(", ", days);
    }
}
