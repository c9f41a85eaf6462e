package planbot.reply;

import java.util.List;
import java.util.Objects;

/**
 * planbot needs a yes or no before it acts, e.g. "Add this as a note on EN003/01?" for free text typed in
 * reply to a reminder. Each choice carries the command text that answering it runs.
 */
public record Question(String text, List<Choice> choices) implements Reply {
    public record Choice(String label, String command) {
        public Choice {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(command, "command");
        }
    }

    public Question {
        Objects.requireNonNull(text, "text");
        choices = List.copyOf(choices);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
