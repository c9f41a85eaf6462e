package planbot.discord.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import planbot.answer.ButtonValue;
import planbot.delivery.Button;

/**
 * The New date modal a reminder's New date button opens (interaction response type 9): a short text input
 * {@value #DATE} for the date, typed day first as in chat (the inbound side checks it by the chat's date rules and
 * says what is wrong), and a paragraph {@value #REASON}. Its custom_id is the button's ({@link ComponentIds}).
 *
 * <p>Sent in the label layout Discord now documents (each input inside a label component, type 18, that carries the
 * label). A submit (interaction type 5) comes back in one of two layouts, and {@link #read} takes both: inputs in action
 * rows ({@code data.components[].components[]}, the older one) and inputs in labels ({@code data.components[].component}).
 *
 * <p>Called by the Discord interaction handler. Stateless and thread-safe; {@link #read} never throws.
 */
public final class NewDateModal {
    static final String DATE = "date";
    static final String REASON = "reason";
    /** Longest reason taken: a sentence or two (the audit keeps it). */
    static final int MAX_REASON = 500;
    private static final int MAX_DATE = 40;

    private NewDateModal() {
    }

    /**
     * The modal (the {@code data} of interaction response type 9) for the New date button {@code v}.
     *
     * @throws IllegalArgumentException when {@code v} is not a New date button's value
     */
    public static ObjectNode modal(ButtonValue v) {
        if (v.choice() != Button.Choice.NEW_DATE) {
            throw new IllegalArgumentException("the New date modal is opened by a New date button, not " + v.choice());
        }
        ObjectNode m = Json.object().put("custom_id", ComponentIds.encode(v)).put("title", "New target date");
        ArrayNode components = m.putArray("components");
        label(components, "New target date", "Day first, e.g. 30/06/2024").set("component", Json.object()
                .put("type", 4).put("custom_id", DATE).put("style", 1).put("required", true)
                .put("min_length", 1).put("max_length", MAX_DATE).put("placeholder", "30/06/2024"));
        label(components, "Reason", "Why it moved (optional)").set("component", Json.object()
                .put("type", 4).put("custom_id", REASON).put("style", 2).put("required", false)
                .put("max_length", MAX_REASON));
        return m;
    }

    private static ObjectNode label(ArrayNode components, String label, String description) {
        return components.addObject().put("type", 18).put("label", label).put("description", description);
    }

    /**
     * The values of a modal submit's {@code data}: its custom_id read back as the New date button it was opened from,
     * the date and the reason. Empty when it is not our modal (or its custom_id was tampered with). Never throws.
     */
    public static Optional<Submitted> read(JsonNode data) {
        if (data == null) {
            return Optional.empty();
        }
        Optional<ButtonValue> button = ComponentIds.decode(data.path("custom_id").asText(null))
                .filter(v -> v.choice() == Button.Choice.NEW_DATE);
        if (button.isEmpty()) {
            return Optional.empty();
        }
        String date = "";
        String reason = "";
        for (JsonNode c : data.path("components")) {
            for (JsonNode input : c.has("component") ? java.util.List.of(c.path("component")) : c.path("components")) {
                String id = input.path("custom_id").asText("");
                String value = input.path("value").asText("").strip();
                if (id.equals(DATE)) {
                    date = DiscordText.cut(value, MAX_DATE);
                } else if (id.equals(REASON)) {
                    reason = DiscordText.cut(value, MAX_REASON);
                }
            }
        }
        return Optional.of(new Submitted(button.get(), date, reason.isEmpty() ? Optional.empty() : Optional.of(reason)));
    }

    /**
     * A submitted New date modal.
     *
     * @param button the New date button it was opened from (its tenant still to be checked against the caller's)
     * @param date   the date as typed, stripped; may be empty (the date rules answer that)
     * @param reason the reason, if one was typed
     */
    public record Submitted(ButtonValue button, String date, Optional<String> reason) {
        public Submitted {
            Objects.requireNonNull(button, "button");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
