package planbot.reply;

import java.util.List;
import java.util.Objects;

/**
 * A step of an assessment session (DESIGN §12) for the channel or for one person: a title, plain lines (a part's two
 * statements and its tips, a reveal's spread), and choices where the platform can offer them as buttons (a score 1–5,
 * or red, amber, green; or abstain). Each choice carries the command text that answering it runs, as in
 * {@link Question}; a platform without buttons shows the commands. Lines are data, not markup; renderers escape them.
 *
 * @param toChannel true for what the whole channel should see (a part, a reveal); false for the caller alone
 */
public record AssessCard(String title, List<String> lines, List<Question.Choice> choices, boolean toChannel) implements Reply {
    public AssessCard {
        Objects.requireNonNull(title, "title");
        lines = List.copyOf(lines);
        choices = List.copyOf(choices);
    }

    @Override
    public boolean visibleToChannel() {
        return toChannel;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
