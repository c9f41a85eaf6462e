package planbot.command;

import java.util.Objects;
import java.util.Optional;

/**
 * The usage line, one-sentence description and an example for every command: the single source for
 * {@code help} and for the usage shown in parse errors. Immutable; thread-safe.
 */
public final class HelpText {

    /**
     * Help for one command.
     *
     * @param name        the keyword, lower-case ({@code status})
     * @param usage       the usage line ({@code status <ref>})
     * @param description one sentence saying what it does
     * @param example     a command that works as typed ({@code status ENF003})
     */
    public record Entry(String name, String usage, String description, String example) {
        public Entry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(usage, "usage");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(example, "example");
        }
    }

    private static final java.util.List<Entry> ENTRIES = java.util.List.of(
            new Entry("status", "status <ref>",
                    "Shows the card for an action and its tasks, or for one task with its history; where plans share refs, "
                            + "any ref can name its plan, as EN003/01 in south or south:EN003/01.",
                    "status ENF003"),
            new Entry("list", "list [section <name>|mine|overdue|due <n>d|status <word>|owner <name>]",
                    "Lists tasks: all of them, or one section's, yours, overdue ones, those due soon, by status or by owner.",
                    "list due 14d"),
            new Entry("mine", "mine",
                    "Lists your open tasks, soonest first.",
                    "mine"),
            new Entry("overdue", "overdue",
                    "Lists every overdue task, worst first.",
                    "overdue"),
            new Entry("update", "update <ref> <status> [note]",
                    "Changes a task's status (not started, on target, in progress, at risk, delayed, completed or closed), with an optional note.",
                    "update EN003/02 on target draft with legal"),
            new Entry("done", "done <ref> [note]",
                    "Marks a task completed, with an optional note.",
                    "done EN003/02 signed off at committee"),
            new Entry("complete", "complete <ref> [note]",
                    "Marks a task completed, with an optional note (the same as done).",
                    "complete EN003/02"),
            new Entry("note", "note <ref> <text>",
                    "Adds a progress note to an action or task.",
                    "note EN3/1 draft sent to legal"),
            new Entry("date", "date <ref> <dd/mm/yyyy> [reason]",
                    "Revises a task's target date; the old date stays in its history.",
                    "date EN003/02 30/06/2024 waiting on legal"),
            new Entry("assign", "assign <ref> <@user|name>",
                    "Gives a task to someone, by chat mention or by name.",
                    "assign EN003/02 @sam"),
            new Entry("snooze", "snooze <ref> <1d|3d|1w|2w|dd/mm/yyyy>",
                    "Holds back a task's reminders for a while, or until a date.",
                    "snooze EN3/1 1w"),
            new Entry("history", "history <ref>",
                    "Shows every change to an action or task: status, dates, owner and notes.",
                    "history EN3/1"),
            new Entry("search", "search <words>",
                    "Finds actions and tasks whose text contains the words.",
                    "search annual report"),
            new Entry("digest", "digest [preview]",
                    "Shows you a preview of the weekly digest.",
                    "digest preview"),
            new Entry("people", "people link <name> <@user|email|#channel> | people unlinked | people match [confirm CODE]",
                    "Links a name in the plan to a chat account, or a team or role to a channel (admins); lists the names with no "
                            + "account here (leads and up); proposes links from the workspace's members, to confirm in one step (admins).",
                    "people link \"HoP\" @sam"),
            new Entry("channel", "channel [plan|manager|admin [<#channel>]]",
                    "Lists where reminders, escalations and admin notices go, or sets one of those channels (admins): the one"
                            + " mentioned, or the one it is typed in.",
                    "channel manager <#C0123|planning-managers>"),
            new Entry("policy", "policy [set <key=value> …]",
                    "Shows how reminders are sent here, or changes some of its settings (admins): lead, on-the-day, overdue-every, "
                            + "escalate-lead, escalate-manager, tbc-every, stale-after, snooze, send-at, zone, region, closed.",
                    "policy set lead=10,5,1 send-at=08:30"),
            new Entry("me", "me [reminders <slack|teams|discord|auto>]",
                    "Shows your linked chat accounts and where your reminders go, or chooses the platform they go to when "
                            + "you are linked on several (auto: wherever you last used planbot).",
                    "me reminders slack"),
            new Entry("admin", "admin claim <code>",
                    "Makes you an admin of the council this workspace is bound to, with a one-time code an operator made "
                            + "with ./planbot admin code.",
                    "admin claim K7QM-4XPR"),
            new Entry("doctor", "doctor",
                    "Checks planbot's set-up here (admins): what stops reminders from being delivered, what is optional, and "
                            + "the command that fixes each.",
                    "doctor"),
            new Entry("web", "web",
                    "Sends you, and only you, a link that signs you in to planbot's web pages: it works once, for 15 minutes.",
                    "web"),
            new Entry("calendar", "calendar",
                    "Sends you, privately, the address of a calendar feed of your open tasks' target dates, to subscribe to in"
                            + " Outlook or Google Calendar. Asking again gives a new address and stops the old one.",
                    "calendar"),
            new Entry("assess", "assess start \"<template>\" [anonymous] [plan \"<plan>\"] | vote <1-5|red|amber|green|abstain> | reveal | "
                    + "agree <n> because … | target <n> because … | adopt <tip> owner \"<name>\" by <date> | dismiss <tip> because … | "
                    + "action \"<title>\" owner \"<name>\" by <date> | next | end | status | templates",
                    "Runs a self-assessment with the team in this channel: the facilitator (a lead or above) starts it, everyone "
                            + "votes on each part, the facilitator reveals the spread, records the agreed and target scores, and "
                            + "adopts or dismisses tips; adopted tips become plan actions with an owner and a date.",
                    "assess vote 3"),
            new Entry("help", "help [command]",
                    "Lists the commands, or explains one of them.",
                    "help update"));

    private HelpText() {
    }

    /** Every command, in the order help lists them. */
    public static java.util.List<Entry> entries() {
        return ENTRIES;
    }

    /** The command keywords, lower-case. */
    public static java.util.List<String> names() {
        return ENTRIES.stream().map(Entry::name).toList();
    }

    /** Help for a command keyword, in any case; empty when there is no such command. */
    public static Optional<Entry> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String key = Tokens.word(name);
        return ENTRIES.stream().filter(e -> e.name().equals(key)).findFirst();
    }

    /** {@code Usage: `status <ref>`, e.g. `status ENF003`.} for a command known to exist. */
    static String usageSentence(String name) {
        Entry e = find(name).orElseThrow(() -> new IllegalArgumentException("no command " + name));
        return e.usage().equals(e.example())
                ? "Usage: `" + e.usage() + "`."
                : "Usage: `" + e.usage() + "`, e.g. `" + e.example() + "`.";
    }

    /** Every command on its own line: usage, then what it does. */
    public static String overview() {
        StringBuilder b = new StringBuilder("Commands (type `help <command>` for more):");
        for (Entry e : ENTRIES) {
            b.append('\n').append('`').append(e.usage()).append("` ").append(e.description());
        }
        return b.toString();
    }

    /** One command's usage, description and example, over three lines. */
    public static String detail(Entry e) {
        return "`" + e.usage() + "`\n" + e.description() + "\nExample: `" + e.example() + "`";
    }
}
