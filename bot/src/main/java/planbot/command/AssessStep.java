package planbot.command;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One step of an assessment session ({@code assess …}, DESIGN §12), as typed: what {@link Command.Assess} carries.
 * Nothing here has been checked against a session or a template; the session service does that. Scores are 1 to 5
 * (checked here), tip numbers 1 or more; names, titles and reasons are kept as typed.
 */
public sealed interface AssessStep permits AssessStep.Start, AssessStep.Vote, AssessStep.Reveal, AssessStep.Agree,
        AssessStep.Target, AssessStep.Adopt, AssessStep.Dismiss, AssessStep.AddAction, AssessStep.Next, AssessStep.End,
        AssessStep.Status, AssessStep.Templates {

    /** The lowest and highest score of the scale. */
    int LOWEST = 1;
    int HIGHEST = 5;

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

    /** {@code assess vote N|abstain}. @param score null to abstain */
    record Vote(Integer score) implements AssessStep {
        public Vote {
            if (score != null) {
                checkScore(score);
            }
        }
    }

    /** {@code assess reveal}. */
    record Reveal() implements AssessStep {
    }

    /** {@code assess agree N because …}: the score the group agreed for the part, and why. */
    record Agree(int score, String reason) implements AssessStep {
        public Agree {
            checkScore(score);
            reason = Texts.required(reason, "reason");
        }
    }

    /** {@code assess target N because …}: the score to reach, and why it is not a 5 (optional for a 5). */
    record Target(int score, String reason) implements AssessStep {
        public Target {
            checkScore(score);
            reason = Texts.optional(reason);
            if (reason == null && score < HIGHEST) {
                throw new IllegalArgumentException("a target below 5 says why");
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

    private static void checkScore(int score) {
        if (score < LOWEST || score > HIGHEST) {
            throw new IllegalArgumentException("a score is 1 to 5, not " + score);
        }
    }

    private static void checkTip(int tip) {
        if (tip < 1) {
            throw new IllegalArgumentException("a tip number is 1 or more, not " + tip);
        }
    }
}
