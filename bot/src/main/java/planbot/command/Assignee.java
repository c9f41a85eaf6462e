package planbot.command;

import java.util.Objects;
import java.util.Optional;

/**
 * Who a task is being given to: a chat mention in the neutral form ({@code <@U123>}, {@code <@U123|sam>},
 * {@code @sam}) or a plain name as a tracker would write it ({@code Patsy Dell}, {@code HoP}). Turning
 * either into a person is the command service's job. Group mentions ({@code @everyone}, {@code <!channel>},
 * {@code <!subteam^S1>}) are never assignees.
 */
public sealed interface Assignee permits Assignee.Mention, Assignee.Name {

    /** The longest name accepted, in characters. */
    int MAX_NAME_LENGTH = 100;

    /** As typed, without surrounding whitespace. */
    String text();

    /**
     * A mention of one person as typed: the platform's own form {@code <@ID>}, {@code <@ID|label>},
     * or a bare handle {@code @sam}.
     */
    record Mention(String text) implements Assignee {
        public Mention {
            Objects.requireNonNull(text, "text");
            text = Tokens.strip(text);
            if (!Mentions.isPersonMention(text)) {
                throw new IllegalArgumentException("not a mention of one person: " + text);
            }
        }

        /** {@code U123} for {@code <@U123>} or {@code <@U123|sam>}; empty for {@code @sam}. */
        public Optional<String> platformUserId() {
            if (!text.startsWith("<@")) {
                return Optional.empty();
            }
            String inner = text.substring(2, text.length() - 1);
            int bar = inner.indexOf('|');
            return Optional.of(bar < 0 ? inner : inner.substring(0, bar));
        }

        /** {@code sam} for {@code <@U123|sam>}; empty when the mention carries no label. */
        public Optional<String> label() {
            int bar = text.indexOf('|');
            return text.startsWith("<@") && bar > 0 && bar < text.length() - 2
                    ? Optional.of(text.substring(bar + 1, text.length() - 1)) : Optional.empty();
        }

        /** {@code sam} for {@code @sam}; empty for a platform mention. */
        public Optional<String> handle() {
            return text.startsWith("@") ? Optional.of(text.substring(1)) : Optional.empty();
        }
    }

    /**
     * @param text a person's name as the plan writes it: not blank, at most {@value Assignee#MAX_NAME_LENGTH}
     *             characters, not a mention, no angle brackets, control characters or broken surrogates
     */
    record Name(String text) implements Assignee {
        public Name {
            Objects.requireNonNull(text, "text");
            text = Tokens.strip(text);
            String problem = Mentions.nameProblem(text);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }
    }
}
