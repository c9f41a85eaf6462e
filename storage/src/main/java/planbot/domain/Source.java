package planbot.domain;

import java.util.Locale;

/** Where a change came from, as recorded in the audit trail. */
public enum Source {
    SLACK, DISCORD, TEAMS, WEB, CLI, CONSOLE, IMPORT, SCHEDULER;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
