package planbot.assess;

import java.util.Objects;

/**
 * One numbered tip of a part, as the framework writes it ("Make sure the software links into the Planning Portal
 * …"). The PAS toolkit numbers its tips across the whole section, so a tip's number names it within its template.
 *
 * @param number as printed, 1 or more
 * @param text   as written (trimmed), never blank
 */
public record Tip(int number, String text) {
    public Tip {
        Objects.requireNonNull(text, "text");
        if (number < 1) {
            throw new IllegalArgumentException("a tip number is 1 or more, not " + number);
        }
        text = text.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("tip " + number + " has no text");
        }
    }
}
