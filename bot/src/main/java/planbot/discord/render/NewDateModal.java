package planbot.discord.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import planbot.answer.ButtonValue;

/**
 * The New date modal a reminder's New date button opens: a day-first date and a reason. Stateless and thread-safe.
 */
public final class NewDateModal {
    private NewDateModal() {
    }

    /** The modal (interaction response type 9's {@code data}) for the New date button {@code v}. */
    public static ObjectNode modal(ButtonValue v) {
        return Json.object();
    }

    /** The values of a modal submit's {@code data}; empty when it is not our modal. Never throws. */
    public static Optional<Submitted> read(JsonNode data) {
        return Optional.empty();
    }

    /**
     * A submitted New date modal.
     *
     * @param button the button it was opened from (its tenant still to be checked)
     * @param date   the date as typed, stripped; may be empty (the date rules answer that)
     * @param reason the reason, if any
     */
    public record Submitted(ButtonValue button, String date, Optional<String> reason) {
        public Submitted {
            Objects.requireNonNull(button, "button");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
