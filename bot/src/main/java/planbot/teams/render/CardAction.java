package planbot.teams.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import planbot.answer.ButtonValue;

/**
 * The data our cards' buttons carry, and reading it back from a click. Every button's {@code data} is
 * {@code {"planbot":"<ButtonValue.encode()>"}}; Teams merges the card's inputs into that object when the button is
 * pressed ({@code date} and {@code reason} for a New date; in a card about several tasks, {@code date-<outboxId>} and
 * {@code reason-<outboxId>}, as input ids must be unique in a card). An {@code Action.Submit} click arrives as a
 * message activity whose {@code value} is that object; an {@code Action.Execute} click as an {@code adaptiveCard/action}
 * invoke whose {@code value.action.data} is (its {@code verb} may be missing). {@link #decode} reads both.
 *
 * <p>Called by the Teams renderers (to draw buttons) and by the card-click handler (to read them). Stateless and
 * thread-safe. A decoded value is only as trustworthy as the verified activity it came in: its tenant must still be
 * checked.
 */
public final class CardAction {
    /** The key our data sits under: anything without it is not a planbot button. */
    static final String KEY = "planbot";
    /** The value of the No button of "add this as a note?": nothing to do but say so. */
    static final String NO = "no";
    static final String DATE = "date";
    static final String REASON = "reason";
    /** Longest input kept: a reason is a sentence, a date ten characters. */
    private static final int MAX_INPUT = 1000;

    private CardAction() {
    }

    /** The {@code data} of a button standing for {@code button}. */
    public static ObjectNode data(ButtonValue button) {
        return Cards.JSON.createObjectNode().put(KEY, button.encode());
    }

    /** The {@code data} of the No button of "add this as a note?" ({@link #declined} recognises it). */
    public static ObjectNode declineData() {
        return Cards.JSON.createObjectNode().put(KEY, NO);
    }

    /** True when {@code value} is a click on the No of "add this as a note?". Never throws. */
    public static boolean declined(JsonNode value) {
        return NO.equals(data(value).path(KEY).asText(null));
    }

    /**
     * What was clicked, from an activity's {@code value}; empty when it is not one of our buttons or was tampered
     * with. Never throws.
     */
    public static Optional<Clicked> decode(JsonNode value) {
        JsonNode data = data(value);
        JsonNode ours = data.path(KEY);
        if (!ours.isTextual()) {
            return Optional.empty();
        }
        Optional<ButtonValue> button = ButtonValue.decode(ours.asText());
        if (button.isEmpty()) {
            return Optional.empty();
        }
        long row = button.get().outboxId();
        return Optional.of(new Clicked(button.get(), input(data, DATE, row), input(data, REASON, row)));
    }

    /** The id of an input of the reminder sent as outbox row {@code row}: plain in a card about one task. */
    static String inputId(String name, long row, boolean grouped) {
        return grouped ? name + "-" + row : name;
    }

    /** The object our data sits in: {@code value.action.data} for an Action.Execute, else {@code value} itself. */
    private static JsonNode data(JsonNode value) {
        if (value == null || !value.isObject()) {
            return Cards.JSON.createObjectNode();
        }
        JsonNode executed = value.path("action").path("data");
        return executed.isObject() ? executed : value;
    }

    private static Optional<String> input(JsonNode data, String name, long row) {
        JsonNode n = data.path(inputId(name, row, true));
        if (!n.isTextual()) {
            n = data.path(name);
        }
        if (!n.isTextual() || n.asText().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Cards.cut(n.asText().strip(), MAX_INPUT));
    }

    /**
     * A click on one of our card buttons.
     *
     * @param button what the button stands for (its tenant still to be checked against the verified activity's)
     * @param date   the {@code date} input as Teams sent it ({@code yyyy-MM-dd} from a date picker), if any
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
