package planbot.assess.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import planbot.assess.AssessmentResults.ActionLink;
import planbot.assess.AssessmentResults.PartResult;
import planbot.assess.AssessmentResults.SessionResult;
import planbot.assess.AssessmentResults.TipDecision;
import planbot.assess.Part;
import planbot.assess.Scale;
import planbot.assess.Template;
import planbot.assess.Tip;
import planbot.domain.Rag;
import planbot.domain.Task;

/**
 * What the assessment report of one session says, built once and then written as DOCX, XLSX or JSON
 * ({@link AssessmentReportWriter}): per part the agreed score and why, the target and why not 5, the spread of the
 * votes, the movement since the last session of the same template, the tips adopted and dismissed with their reasons,
 * and the plan tasks that came of them with their RAG on the report's day; and the sessions of the template so far,
 * for the score-against-target chart ({@link ScoreChart}). A plain value: immutable and thread-safe.
 *
 * @param tenant   the tenant's slug
 * @param session  the session reported on
 * @param template the template version it voted on (for the tips' texts)
 * @param asOf     the day the RAG is worked out for
 * @param parts    one per part of the session, in part order
 * @param history  the ended sessions of the same template name up to this one (and this one), oldest first
 */
public record AssessmentReport(String tenant, SessionResult session, Template template, LocalDate asOf,
                               List<PartReport> parts, List<SessionResult> history) {
    public AssessmentReport {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(asOf, "asOf");
        parts = List.copyOf(parts);
        history = List.copyOf(history);
    }

    /**
     * One part's outcome.
     *
     * @param result        as the session recorded it
     * @param previousScore the agreed score of the same part at the last session before this one; null if none
     * @param tips          the decisions, by tip number, with the tips' texts
     * @param extraActions  the tasks the discussion added beyond the tips
     */
    public record PartReport(PartResult result, Integer previousScore, List<TipRow> tips, List<LinkedTask> extraActions) {
        public PartReport {
            Objects.requireNonNull(result, "result");
            tips = List.copyOf(tips);
            extraActions = List.copyOf(extraActions);
        }

        /** The movement on the 1–5 scale ("+1", "-2", "0"); empty when either score is missing. */
        public String movement() {
            return movement(Scale.ONE_TO_FIVE);
        }

        /**
         * The movement since the previous agreed score: on 1–5 the difference ("+1", "-2", "0"), on red/amber/green
         * the colours ("amber → green", "amber → amber"); empty when either is missing.
         */
        public String movement(Scale scale) {
            if (previousScore == null || result.score() == null) {
                return "";
            }
            if (scale == Scale.RAG) {
                return scale.word(previousScore) + " → " + scale.word(result.score());
            }
            int d = result.score() - previousScore;
            return d > 0 ? "+" + d : Integer.toString(d);
        }
    }

    /** A tip decision with the tip's text (empty when the template version has no such tip). */
    public record TipRow(int number, String text, boolean adopted, String reason, LinkedTask action) {
        public TipRow {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * A plan task a session linked, as the plan holds it today.
     *
     * @param found false when the plan no longer has the task: only plan and ref are then known, RAG is NONE
     */
    public record LinkedTask(String plan, String ref, String description, String owner, String target, String status,
                             Rag rag, boolean found) {
        public LinkedTask {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(rag, "rag");
            description = Objects.requireNonNullElse(description, "");
            owner = Objects.requireNonNullElse(owner, "");
            target = Objects.requireNonNullElse(target, "");
            status = Objects.requireNonNullElse(status, "");
        }
    }

    /**
     * Builds the report.
     *
     * @param sessions every session of the tenant (the history is picked from them by template name)
     * @param tasks    finds a linked task in the plan; empty when it is gone
     */
    public static AssessmentReport of(String tenant, SessionResult session, Template template, List<SessionResult> sessions,
                                      Function<ActionLink, Optional<Task>> tasks, LocalDate asOf) {
        List<SessionResult> history = sessions.stream()
                .filter(s -> s.templateName().equals(session.templateName()) && s.id() != session.id()
                        && s.ended() != null && s.started().isBefore(session.started()))
                .sorted(Comparator.comparing(SessionResult::started))
                .collect(Collectors.toCollection(ArrayList::new));
        SessionResult previous = history.isEmpty() ? null : history.get(history.size() - 1);
        history.add(session);
        List<PartReport> parts = new ArrayList<>();
        for (PartResult r : session.parts()) {
            Optional<Part> part = template.part(r.number());
            List<TipRow> tips = r.tips().stream()
                    .sorted(Comparator.comparingInt(TipDecision::tip))
                    .map(d -> new TipRow(d.tip(), part.flatMap(p -> p.tip(d.tip())).map(Tip::text).orElse(""), d.adopted(),
                            d.reason(), d.action() == null ? null : linked(d.action(), tasks, asOf)))
                    .toList();
            List<LinkedTask> extras = r.extraActions().stream().map(a -> linked(a, tasks, asOf)).toList();
            parts.add(new PartReport(r, previous == null ? null : previousScore(previous, r.number()), tips, extras));
        }
        return new AssessmentReport(tenant, session, template, asOf, parts, history);
    }

    private static Integer previousScore(SessionResult previous, int part) {
        return previous.parts().stream().filter(p -> p.number() == part).map(PartResult::score)
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static LinkedTask linked(ActionLink link, Function<ActionLink, Optional<Task>> tasks, LocalDate asOf) {
        return tasks.apply(link)
                .map(t -> new LinkedTask(link.plan(), link.ref(), t.description(), t.owner(),
                        t.target() == null ? "" : t.target().display(), t.status() == null ? "" : t.status().word(),
                        Rag.of(t.status(), t.target(), asOf), true))
                .orElseGet(() -> new LinkedTask(link.plan(), link.ref(), "", "", "", "", Rag.NONE, false));
    }
}
