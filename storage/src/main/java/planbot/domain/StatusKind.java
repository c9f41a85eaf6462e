package planbot.domain;

/**
 * The meaning behind a council's status word. The word itself is kept as written (see {@link Status});
 * this is what planbot reasons with.
 */
public enum StatusKind {
    NOT_STARTED, ON_TARGET, IN_PROGRESS, AT_RISK, DELAYED, COMPLETED, CLOSED,
    /** A word planbot does not know; kept verbatim and reported by the importer. */
    UNKNOWN;

    /** True when no more work is expected: completed or closed. */
    public boolean isFinished() {
        return this == COMPLETED || this == CLOSED;
    }

    /** Lower-case a-z words separated by single spaces: every other character (dashes, digits, punctuation) is a gap. */
    private static String normalise(String word) {
        StringBuilder b = new StringBuilder(word.length());
        boolean gap = false;
        for (int i = 0; i < word.length(); i++) {
            char c = Character.toLowerCase(word.charAt(i));
            if (c >= 'a' && c <= 'z') {
                if (gap && b.length() > 0) {
                    b.append(' ');
                }
                b.append(c);
                gap = false;
            } else {
                gap = true;
            }
        }
        return b.toString();
    }

    /**
     * Reads a status word as councils write it, tolerating case, spacing, punctuation and dash variants
     * ("Closed – no longer required", "on-target", "COMPLETE", "Green"). Returns UNKNOWN for anything else.
     */
    public static StatusKind of(String word) {
        if (word == null) {
            return UNKNOWN;
        }
        String w = normalise(word);
        if (w.startsWith("closed") || w.startsWith("cancelled") || w.startsWith("canceled")
                || w.equals("no longer required") || w.equals("withdrawn") || w.equals("superseded")
                || w.equals("grey") || w.equals("gray")) {
            return CLOSED;
        }
        switch (w) {
            case "not started": case "not yet started": case "to do": case "todo": case "not begun":
            case "planned": case "open":
                return NOT_STARTED;
            case "on target": case "on track": case "green": case "g": case "on schedule":
                return ON_TARGET;
            case "in progress": case "ongoing": case "on going": case "started": case "underway":
            case "under way": case "in hand": case "progressing":
                return IN_PROGRESS;
            case "at risk": case "amber": case "a": case "some slippage": case "risk":
                return AT_RISK;
            case "delayed": case "red": case "r": case "behind": case "off track": case "off target":
            case "slipped": case "overdue": case "late": case "not on target":
                return DELAYED;
            case "completed": case "complete": case "done": case "finished": case "achieved":
            case "blue": case "b": case "delivered": case "implemented":
                return COMPLETED;
            default:
                return UNKNOWN;
        }
    }
}
