package planbot.teams.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;
import planbot.answer.ButtonValue;

/**
 * The data our cards' actions carry, and reading it back from a click: an {@code Action.Submit} (a message
 * activity's {@code value}) or an {@code Action.Execute} (an invoke's {@code value.action.data}). Stateless.
 */
public final class CardAction {
    private CardAction() {
    }

    /**
     * What was clicked, from an activity's {@code value}; empty when it is not one of our actions or was tampered
     * with. Never throws.
     */
    public static Optional<Clicked> decode(JsonNode value) {
        return Optional.empty();
    }

    /**
     * A click on one of our card actions.
     *
     * @param button what the button stands for (its tenant still to be checked against the verified activity's)
     * @param date   the {@code date} input as typed (a New date click), if any
     * @param reason the {@code reason} input, if any
     */
    public record Clicked(ButtonValue button, Optional<String> date, Optional<String> reason) {
        public Clicked {
            Objects.requireNonNull(button, "button");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
