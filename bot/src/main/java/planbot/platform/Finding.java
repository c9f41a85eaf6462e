package planbot.platform;

import java.util.Objects;

/**
 * One thing the doctor found about planbot's set-up, in plain words, with the command that fixes it. Made by
 * {@link ChatPlatform#check} for what only the platform can tell (its credentials, permissions, channel membership) and
 * by {@code planbot.doctor.Doctor} for the rest. Holds no secret.
 *
 * @param severity how bad it is
 * @param topic    what was checked, one or two words ("database", "slack token", "people")
 * @param text     what was found, a sentence
 * @param fix      the command or step that fixes it; empty when nothing needs fixing
 */
public record Finding(Severity severity, String topic, String text, String fix) {
    /** How bad a finding is. */
    public enum Severity {
        /** Set up as it should be. */
        OK,
        /** Optional, or reminders still go out but something is lost (an escalation, the digest chart). */
        WARNING,
        /** Reminders cannot be delivered (to some or all of their recipients) until this is fixed. */
        PROBLEM
    }

    public Finding {
        Objects.requireNonNull(severity, "severity");
        topic = requireText(topic, "topic");
        text = requireText(text, "text");
        fix = Objects.requireNonNullElse(fix, "").strip();
        if (severity != Severity.OK && fix.isEmpty()) {
            throw new IllegalArgumentException("a warning or a problem says how to fix it");
        }
    }

    public static Finding ok(String topic, String text) {
        return new Finding(Severity.OK, topic, text, "");
    }

    public static Finding warning(String topic, String text, String fix) {
        return new Finding(Severity.WARNING, topic, text, fix);
    }

    public static Finding problem(String topic, String text, String fix) {
        return new Finding(Severity.PROBLEM, topic, text, fix);
    }

    private static String requireText(String s, String what) {
        Objects.requireNonNull(s, what);
        if (s.isBlank()) {
            throw new IllegalArgumentException("a finding has a " + what);
        }
        return s.strip();
    }
}
