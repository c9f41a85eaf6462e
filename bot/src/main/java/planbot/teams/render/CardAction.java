package planbot.teams.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import planbot.answer.ButtonValue;

/**
 * The data our cards' buttons carry, and reading it back from a click. Every button's {@code data} is
 * {@code {"planbot":"<ButtonValue.encode()>"}}; Teams merges the card's inputs into that object when the button is
 * pressed ({@code date} and {@code reason} for a New date; in a card about several tasks, {@code d<outboxId>} and
 * {@code r<outboxId>}, as input ids must be unique in a card and that card must stay small; cards sent before named
 * them {@code date-<outboxId>} and {@code reason-<outboxId>}, which are still read). An {@code Action.Submit} click
 * arrives as a message activity whose {@code value} is that object; an {@code Action.Execute} click as an
 * {@code adaptiveCard/action} invoke whose {@code value.action.data} is (its {@code verb} may be missing).
 * {@link #decode} reads both.
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

    /** The key of an assessment button's command ({@code assess vote 3}): a button that only types a command. */
    static final String ASSESS = "planbot_assess";

    /** The {@code data} of an assessment's score button, carrying the command it runs. */
    public static ObjectNode assessData(String command) {
        return Cards.JSON.createObjectNode().put(ASSESS, command);
    }

    /**
     * The command of a click on an assessment's score button; empty for any other click, and for anything but an
     * {@code assess} command (the value comes from the client: it may run no more than the clicker could type).
     */
    public static Optional<String> assessCommand(JsonNode value) {
        JsonNode command = data(value).path(ASSESS);
        return command.isTextual() && command.asText().startsWith("assess ") ? Optional.of(Cards.cut(command.asText(), MAX_INPUT))
                : Optional.empty();
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

    /**
     * The id of an input of the reminder sent as outbox row {@code row}: plain in a card about one task; in a card
     * about several, the name's first letter and the row ({@code d1001}, {@code r1001}), short as such a card is full.
     */
    static String inputId(String name, long row, boolean grouped) {
        return grouped ? name.charAt(0) + Long.toString(row) : name;
    }

    /** The object our data sits in: {@code value.action.data} for an Action.Execute, else {@code value} itself. */
    private static JsonNode data(JsonNode value) {
        if (value == null || !value.isObject()) {
            return Cards.JSON.createObjectNode();
        }
        JsonNode executed = value.path("action").path("data");
        return executed.isObject() ? executed : value;
    }

    /** An input by its grouped id, its grouped id as cards sent before wrote it ({@code date-17}), or its plain one. */
    private static Optional<String> input(JsonNode data, String name, long row) {
        JsonNode n = data.path(inputId(name, row, true));
        if (!n.isTextual()) {
            n = data.path(name + "-" + row);
        }
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
