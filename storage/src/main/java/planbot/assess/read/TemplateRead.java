package planbot.assess.read;

import java.util.List;
import java.util.Objects;
import planbot.assess.Template;

/**
 * What a reader made of a template file: the template, and what it left out.
 *
 * @param template the template (always at least one part: a file without parts is a {@link TemplateFormatException})
 * @param form     how the file was read: "text", "docx", "yaml" or "json"
 * @param skipped  what was not used, in file order
 */
public record TemplateRead(Template template, String form, List<Skipped> skipped) {
    public TemplateRead {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(form, "form");
        skipped = List.copyOf(skipped);
    }

    /**
     * Something in the file that is in no part of the template.
     *
     * @param where "line 143" (text; for DOCX a line of its text, one per paragraph or cell) or a key path
     *              ("parts[2].colour") for YAML and JSON
     * @param text  what was there, as written (shortened when long)
     * @param why   why it was left out, in a few words
     */
    public record Skipped(String where, String text, String why) {
        public Skipped {
            Objects.requireNonNull(where, "where");
            text = text == null ? "" : text.length() > 80 ? text.substring(0, 77) + "..." : text;
            Objects.requireNonNull(why, "why");
        }

        @Override
        public String toString() {
            return where + (text.isEmpty() ? "" : " ('" + text + "')") + ": " + why;
        }
    }
}
