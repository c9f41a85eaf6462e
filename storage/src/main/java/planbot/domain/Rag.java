package planbot.domain;

import java.time.LocalDate;

/** The derived RAG colour of a task: never stored, always computed from its status, target and today. */
public enum Rag {
    BLUE, GREY, RED, AMBER, GREEN,
    /** Not enough to say: no status and not overdue. */
    NONE;

    /**
     * Completed is blue; closed is grey; past its target date and not finished is red whatever the word;
     * at risk or delayed is amber; on target, in progress and not started are green.
     */
    public static Rag of(Status status, PlanDate target, LocalDate today) {
        StatusKind kind = status == null ? null : status.kind();
        if (kind == StatusKind.COMPLETED) {
            return BLUE;
        }
        if (kind == StatusKind.CLOSED) {
            return GREY;
        }
        if (target != null && target.isOverdueOn(today)) {
            return RED;
        }
        if (kind == StatusKind.AT_RISK || kind == StatusKind.DELAYED) {
            return AMBER;
        }
        if (kind == StatusKind.ON_TARGET || kind == StatusKind.IN_PROGRESS || kind == StatusKind.NOT_STARTED) {
            return GREEN;
        }
        return NONE;
    }
}
