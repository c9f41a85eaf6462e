package planbot.scheduler.reminder;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The outbox payload of a reminder: what the sweep decided, for the dispatcher to turn into a notice. Written and read
 * with Jackson as {@code {"type":"reminder","kind":"OVERDUE","taskId":7,"taskRef":"EN003/01","date":"2023-05-30",
 * "target":"2023-05-15"}} ({@code target} left out when the decision was about no date), the shape rows written before
 * this record already have.
 *
 * <p>Every part may be missing from a row written by hand or by an older planbot (null here): the row's own columns
 * carry the kind and the task id too, so a reader takes those from the row and only the ref and the target from here.
 *
 * @param kind    what was decided
 * @param taskId  the task's id
 * @param taskRef the task's ref when decided, for messages about a task that is gone
 * @param date    the moment's day (the last part of the idempotency key)
 * @param target  the target date the decision was about; null for none (a TBC nudge)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "kind", "taskId", "taskRef", "date", "target"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReminderPayload(ReminderKind kind, Long taskId, String taskRef, LocalDate date, LocalDate target) {
    /** The payload's {@code type}: how the dispatcher tells a reminder from a digest or an admin notice. */
    public static final String TYPE = "reminder";
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final ObjectWriter WRITER = JSON.writerFor(ReminderPayload.class);
    private static final ObjectReader READER = JSON.readerFor(ReminderPayload.class);

    /** The payload of a decision: every part present. */
    public static ReminderPayload of(Reminder r) {
        Objects.requireNonNull(r, "reminder");
        return new ReminderPayload(r.kind(), r.taskId(), r.taskRef(), r.date(), r.target());
    }

    @JsonProperty(value = "type", access = JsonProperty.Access.READ_ONLY)
    public String type() {
        return TYPE;
    }

    public String toJson() {
        try {
            return WRITER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a reminder payload could not be written", e); // cannot happen for this record
        }
    }

    /**
     * The payload stored in an outbox row.
     *
     * @throws IllegalArgumentException when the text is not a reminder's payload (not a JSON object, a kind this planbot
     *                                  does not know, a date that cannot be read), with a short reason naming no value
     */
    public static ReminderPayload read(String json) {
        try {
            ReminderPayload p = READER.readValue(json);
            if (p == null) {
                throw new IllegalArgumentException("it is empty");
            }
            return p;
        } catch (com.fasterxml.jackson.core.JsonParseException e) {
            throw new IllegalArgumentException("it is not JSON");
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalArgumentException("it is not a reminder's (" + e.getClass().getSimpleName() + ")");
        }
    }
}
