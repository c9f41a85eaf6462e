package planbot.assess;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a template's parts are rated on: the PAS toolkit's 1 (poor) to 5 (excellent), or red, amber, green as the
 * FM Code rates its standards. Either way a rating is stored as a whole number from 1 (red is 1, amber 2, green 3),
 * so sessions, spreads and movement work the same; only the words differ. Immutable and thread-safe.
 */
public enum Scale {
    ONE_TO_FIVE("1-5", List.of("1", "2", "3", "4", "5")),
    RAG("rag", List.of("red", "amber", "green"));

    private final String key;
    private final List<String> words;

    Scale(String key, List<String> words) {
        this.key = key;
        this.words = words;
    }

    /** As a template file and the report's JSON write it: "1-5" or "rag". */
    public String key() {
        return key;
    }

    /** The best rating (5, or 3 for green). */
    public int highest() {
        return words.size();
    }

    /** The best rating as a sentence names it: "a 5", "green" ("why is the target not a 5 / not green"). */
    public String best() {
        return this == RAG ? word(highest()) : "a " + word(highest());
    }

    /** Whether {@code score} is a rating of this scale. */
    public boolean fits(int score) {
        return score >= 1 && score <= highest();
    }

    /** The rating as a word: "3", or "amber". */
    public String word(int score) {
        if (!fits(score)) {
            throw new IllegalArgumentException("a " + key + " rating is 1 to " + highest() + ", not " + score);
        }
        return words.get(score - 1);
    }

    /** The rating as a button or heading shows it: "3", or "Amber". */
    public String label(int score) {
        String w = word(score);
        return w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1);
    }

    /** Every rating as words, for a sentence: "1, 2, 3, 4 or 5", "red, amber or green". */
    public String choices() {
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    /** The rating a word names on this scale ("4"; "amber", "a", any case), or empty. */
    public OptionalInt score(String word) {
        String w = word.strip().toLowerCase(Locale.ROOT);
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).equals(w) || (this == RAG && w.length() == 1 && words.get(i).startsWith(w))) {
                return OptionalInt.of(i + 1);
            }
        }
        return OptionalInt.empty();
    }

    /** The scale a file's {@code scale:} value names ("1-5", "1 - 5", "rag", "RAG"), or empty. */
    public static Optional<Scale> named(String value) {
        String v = value.replace(" ", "").toLowerCase(Locale.ROOT);
        for (Scale s : values()) {
            if (s.key.equals(v)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
