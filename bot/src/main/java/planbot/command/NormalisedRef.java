package planbot.command;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * The comparable shape of a typed ref: its letter words upper-case, its numbers without leading zeros.
 * {@code ENF003} → ENF + 3; {@code enforcement 3} and {@code ENFORCEMENT 003} → ENFORCEMENT + 3;
 * {@code IT INFRASTRUCTURE 012} → IT, INFRASTRUCTURE + 12; {@code EN003/01} → EN + 3 / 1.
 *
 * @param kind   ACTION for {@code EN3}, TASK for {@code EN3/1}
 * @param words  the letter words, upper-case, at least one; a hyphenated word is split ({@code PRE-APP} → PRE, APP)
 * @param number the action number (003 → 3)
 * @param task   the task number after the slash; empty for an action ref
 */
public record NormalisedRef(Kind kind, java.util.List<String> words, int number, OptionalInt task) {

    public enum Kind { ACTION, TASK }

    public NormalisedRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(task, "task");
        words = java.util.List.copyOf(words);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("a ref needs at least one word");
        }
        for (String w : words) {
            if (w.isEmpty() || !w.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
                throw new IllegalArgumentException("ref words are upper-case letters A-Z: " + w);
            }
        }
        if (number < 0 || (task.isPresent() && task.getAsInt() < 0)) {
            throw new IllegalArgumentException("ref numbers cannot be negative");
        }
        if ((kind == Kind.TASK) != task.isPresent()) {
            throw new IllegalArgumentException(kind == Kind.TASK ? "a task ref needs a task number" : "an action ref has no task number");
        }
    }

    /** The words run together: {@code ENF}, {@code ENFORCEMENT}, {@code ITINFRASTRUCTURE}, {@code PREAPP}. */
    public String letters() {
        return String.join("", words);
    }

    /** The action part as one key: {@code EN3} for both {@code EN003} and {@code EN003/01}. */
    public String actionKey() {
        return letters() + number;
    }

    /**
     * The whole ref as one key, for comparing: {@code EN3}, {@code EN3/1}, {@code ENFORCEMENT3},
     * {@code ITINFRASTRUCTURE12}. Two typed refs that differ only in case, spacing, hyphens or leading
     * zeros have the same key.
     */
    public String key() {
        return task.isPresent() ? actionKey() + "/" + task.getAsInt() : actionKey();
    }

    @Override
    public String toString() {
        return key();
    }
}
