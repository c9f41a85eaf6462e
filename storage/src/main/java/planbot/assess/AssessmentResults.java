package planbot.assess;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an assessment session decided, read-only, as the report and anything else that shows results see it: the
 * values {@link ResultsSource} returns. The session engine (its own tables, V18) builds them; nothing here changes
 * a session.
 */
public final class AssessmentResults {
    private AssessmentResults() {
    }

    /**
     * One session of one template version.
     *
     * @param id              the session's id (what {@code assess report --session ID} names)
     * @param templateId      the id of the {@link planbot.storage.StoredTemplate} version voted on
     * @param templateName    its name, the same across versions: sessions of one name make the history
     * @param templateVersion its version
     * @param channel         where it ran, as the platform names it ("slack T1/C2", "console")
     * @param started         when it began
     * @param ended           when it ended; null while it runs
     * @param anonymous       whether votes were hidden by name
     * @param parts           one per part discussed, by part number
     */
    public record SessionResult(long id, long templateId, String templateName, int templateVersion, String channel,
                                Instant started, Instant ended, boolean anonymous, List<PartResult> parts) {
        public SessionResult {
            Objects.requireNonNull(templateName, "templateName");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(started, "started");
            parts = List.copyOf(parts);
        }
    }

    /**
     * The outcome of one part.
     *
     * @param number       the part's number in the template
     * @param title        the part's title
     * @param score        the agreed score 1–5 (red, amber, green as 1–3 on a RAG template); null when the group could not agree
     * @param reason       why that score (or why none); may be empty
     * @param target       the score the council wants to reach, 1–5; null if not set
     * @param whyNotFive   why the target is below 5; may be empty
     * @param votes        the revealed votes: score (1–5) → how many, absent scores meaning none
     * @param abstentions  how many abstained
     * @param tips         the decisions taken on the part's tips
     * @param extraActions actions the discussion added beyond the tips
     */
    public record PartResult(int number, String title, Integer score, String reason, Integer target, String whyNotFive,
                             Map<Integer, Integer> votes, int abstentions, List<TipDecision> tips,
                             List<ActionLink> extraActions) {
        public PartResult {
            Objects.requireNonNull(title, "title");
            checkScore(score, "score");
            checkScore(target, "target");
            reason = Objects.requireNonNullElse(reason, "");
            whyNotFive = Objects.requireNonNullElse(whyNotFive, "");
            SortedMap<Integer, Integer> sorted = new TreeMap<>(votes);
            sorted.keySet().forEach(s -> checkScore(s, "vote"));
            votes = Collections.unmodifiableSortedMap(sorted);
            if (abstentions < 0) {
                throw new IllegalArgumentException("abstentions cannot be negative");
            }
            tips = List.copyOf(tips);
            extraActions = List.copyOf(extraActions);
        }

        /** The lowest and highest score voted, as "2–4" (or "3" when all agree, "" with no votes). */
        public String spread() {
            return spread(Scale.ONE_TO_FIVE);
        }

        /** The lowest and highest score voted in the scale's words: "2–4", "red–green", "amber"; "" with no votes. */
        public String spread(Scale scale) {
            List<Integer> voted = votes.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
            if (voted.isEmpty()) {
                return "";
            }
            int low = voted.get(0);
            int high = voted.get(voted.size() - 1);
            return low == high ? scale.word(low) : scale.word(low) + "–" + scale.word(high);
        }

        private static void checkScore(Integer s, String what) {
            if (s != null && (s < 1 || s > 5)) {
                throw new IllegalArgumentException("a " + what + " is 1 to 5, not " + s);
            }
        }
    }

    /**
     * Whether a tip was taken up.
     *
     * @param tip     the tip's number in the template
     * @param adopted true when taken up, false when dismissed
     * @param reason  why (dismissed tips should say); may be empty
     * @param action  the plan action it became; null when none (yet)
     */
    public record TipDecision(int tip, boolean adopted, String reason, ActionLink action) {
        public TipDecision {
            if (tip < 1) {
                throw new IllegalArgumentException("a tip number is 1 or more, not " + tip);
            }
            reason = Objects.requireNonNullElse(reason, "");
        }
    }

    /**
     * A plan task that came out of a session, by the plan's name and the task's ref: the report reads its status,
     * owner and target from the plan, so it shows the RAG of the day it is run.
     */
    public record ActionLink(String plan, String ref) {
        public ActionLink {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(ref, "ref");
            if (ref.isBlank()) {
                throw new IllegalArgumentException("an action link needs a ref");
            }
        }
    }
}
