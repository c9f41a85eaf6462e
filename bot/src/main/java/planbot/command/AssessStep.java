package planbot.command;

import java.time.LocalDate;
import java.util.Objects;
import planbot.assess.Scale;

/**
 * One step of an assessment session ({@code assess …}, DESIGN §12), as typed: what {@link Command.Assess} carries.
 * Nothing here has been checked against a session or a template; the session service does that. A score is typed on
 * a {@link Scale} (a number 1 to 5, or red, amber, green) and kept as its number on that scale (checked here), so the
 * service can refuse a score of the wrong scale for the session; tip numbers are 1 or more; names, titles and reasons
 * are kept as typed.
 */
public sealed interface AssessStep permits AssessStep.Start, AssessStep.Vote, AssessStep.Reveal, AssessStep.Agree,
        AssessStep.Target, AssessStep.Adopt, AssessStep.Dismiss, AssessStep.AddAction, AssessStep.Next, AssessStep.End,
        AssessStep.Status, AssessStep.Templates {

    /**
     * {@code assess start "<template>" [anonymous] [plan "<plan>"]}.
     *
     * @param plan the plan its actions go into, as typed; null for the tenant's only plan
     */
    record Start(String template, boolean anonymous, String plan) implements AssessStep {
        public Start {
            template = Texts.required(template, "template");
            plan = Texts.optional(plan);
        }
    }

    /** {@code assess vote N|red|amber|green|abstain}. @param score null to abstain, and then scale is null too */
    record Vote(Integer score, Scale scale) implements AssessStep {
        /** A vote on the 1–5 scale, or an abstention. */
        public Vote(Integer score) {
            this(score, score == null ? null : Scale.ONE_TO_FIVE);
        }

        public Vote {
            if (score != null) {
                checkScore(score, scale);
            } else if (scale != null) {
                throw new IllegalArgumentException("an abstention has no scale");
            }
        }
    }

    /** {@code assess reveal}. */
    record Reveal() implements AssessStep {
    }

    /** {@code assess agree N|red|amber|green because …}: the score the group agreed for the part, and why. */
    record Agree(int score, Scale scale, String reason) implements AssessStep {
        /** An agreed score on the 1–5 scale. */
        public Agree(int score, String reason) {
            this(score, Scale.ONE_TO_FIVE, reason);
        }

        public Agree {
            checkScore(score, scale);
            reason = Texts.required(reason, "reason");
        }
    }

    /**
     * {@code assess target N|red|amber|green because …}: the score to reach, and why it is not the best (optional for
     * a 5 or green).
     */
    record Target(int score, Scale scale, String reason) implements AssessStep {
        /** A target on the 1–5 scale. */
        public Target(int score, String reason) {
            this(score, Scale.ONE_TO_FIVE, reason);
        }

        public Target {
            checkScore(score, scale);
            reason = Texts.optional(reason);
            if (reason == null && score < scale.highest()) {
                throw new IllegalArgumentException("a target below " + scale.word(scale.highest()) + " says why");
            }
        }
    }

    /** {@code assess adopt T owner "<name>" by <date> [because …]}. @param reason null if none */
    record Adopt(int tip, String owner, LocalDate by, String reason) implements AssessStep {
        public Adopt {
            checkTip(tip);
            owner = Texts.required(owner, "owner");
            Objects.requireNonNull(by, "by");
            reason = Texts.optional(reason);
        }
    }

    /** {@code assess dismiss T because …}. */
    record Dismiss(int tip, String reason) implements AssessStep {
        public Dismiss {
            checkTip(tip);
            reason = Texts.required(reason, "reason");
        }
    }

    /** {@code assess action "<title>" owner "<name>" by <date>}: an action the group adds. */
    record AddAction(String title, String owner, LocalDate by) implements AssessStep {
        public AddAction {
            title = Texts.required(title, "title");
            owner = Texts.required(owner, "owner");
            Objects.requireNonNull(by, "by");
        }
    }

    /** {@code assess next}. */
    record Next() implements AssessStep {
    }

    /** {@code assess end}. */
    record End() implements AssessStep {
    }

    /** {@code assess status}: where the session in this channel is. */
    record Status() implements AssessStep {
    }

    /** {@code assess templates}: the templates a session can be started with. */
    record Templates() implements AssessStep {
    }

    private static void checkScore(int score, Scale scale) {
        Objects.requireNonNull(scale, "scale");
        if (!scale.fits(score)) {
            throw new IllegalArgumentException("a " + scale.key() + " score is 1 to " + scale.highest() + ", not " + score);
        }
    }

    private static void checkTip(int tip) {
        if (tip < 1) {
            throw new IllegalArgumentException("a tip number is 1 or more, not " + tip);
        }
    }
}
