package planbot.command;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A reference to an action or task exactly as the user typed it ({@code ENF003}, {@code enforcement 3},
 * {@code EN3/1}), with the plan they named for it, if any ({@code EN003/01 in south}, {@code south:EN003/01}).
 * Resolving it against the plan is the command service's job; {@link #form()} gives the normalised shape a
 * resolver compares.
 *
 * @param text the ref as typed, without surrounding whitespace; never blank
 * @param plan the plan's name as typed, without quotes; null when none was named (any plan of the tenant)
 */
public record RefText(String text, String plan) {
    public RefText {
        Objects.requireNonNull(text, "text");
        text = Tokens.strip(text);
        if (text.isEmpty()) {
            throw new IllegalArgumentException("a ref cannot be blank");
        }
        if (plan != null) {
            plan = Tokens.strip(plan);
            if (plan.isEmpty()) {
                throw new IllegalArgumentException("a plan's name cannot be blank");
            }
        }
    }

    /** A ref with no plan named. */
    public RefText(String text) {
        this(text, null);
    }

    /** The normalised form, or empty when the text does not look like a ref (see {@link RefSyntax}). */
    public Optional<NormalisedRef> form() {
        return RefSyntax.parse(text);
    }

    /** True when no plan was named, or {@code planName} is the one named (case and spacing aside). */
    public boolean inPlan(String planName) {
        return plan == null || samePlan(plan, planName);
    }

    /** Whether two plan names are the same name, typed with other case or spacing. */
    static boolean samePlan(String a, String b) {
        return squash(a).equals(squash(b));
    }

    private static String squash(String name) {
        return String.join(" ", Tokens.strip(name).split("\\s+")).toLowerCase(Locale.ROOT);
    }

    /** The ref as it can be typed back: {@code EN003/01}, or {@code EN003/01 in south} when a plan was named. */
    @Override
    public String toString() {
        return plan == null ? text : text + " in " + plan;
    }
}
