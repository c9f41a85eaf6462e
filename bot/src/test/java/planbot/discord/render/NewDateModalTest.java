package planbot.discord.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import planbot.answer.ButtonValue;
import planbot.delivery.Button;

/** The New date modal: its shape within Discord's limits, and its submit read in both of Discord's layouts. */
class NewDateModalTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final ButtonValue newDate = new ButtonValue("west-lancs", 42, 1001, Button.Choice.NEW_DATE);

    @Test
    void theModalAsksForADayFirstDateAndAReasonUnderItsButtonsCustomId() {
        // WHEN the modal for a reminder's New date button is drawn
        ObjectNode m = NewDateModal.modal(newDate);

        // THEN its custom_id reads back as that button, and its title fits
        assertThat(ComponentIds.decode(m.path("custom_id").asText())).contains(newDate);
        assertThat(m.path("title").asText()).isNotEmpty().hasSizeLessThanOrEqualTo(45);
        // AND it holds two labels: a required short input "date" and an optional paragraph "reason"
        JsonNode c = m.path("components");
        assertThat(c.size()).isEqualTo(2);
        for (JsonNode label : c) {
            assertThat(label.path("type").asInt()).isEqualTo(18);
            assertThat(label.path("label").asText()).isNotEmpty().hasSizeLessThanOrEqualTo(45);
            assertThat(label.path("description").asText()).hasSizeLessThanOrEqualTo(100);
            assertThat(label.path("component").has("label")).isFalse();
            assertThat(label.path("component").path("type").asInt()).isEqualTo(4);
        }
        JsonNode date = c.get(0).path("component");
        assertThat(date.path("custom_id").asText()).isEqualTo("date");
        assertThat(date.path("style").asInt()).isEqualTo(1);
        assertThat(date.path("required").asBoolean()).isTrue();
        assertThat(c.get(0).path("description").asText()).isEqualTo("Day first, e.g. 30/06/2024");
        JsonNode reason = c.get(1).path("component");
        assertThat(reason.path("custom_id").asText()).isEqualTo("reason");
        assertThat(reason.path("style").asInt()).isEqualTo(2);
        assertThat(reason.path("required").asBoolean()).isFalse();
    }

    @Test
    void onlyANewDateButtonOpensIt() {
        assertThatThrownBy(() -> NewDateModal.modal(new ButtonValue("west-lancs", 42, 1001, Button.Choice.DONE)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSubmitInActionRowsIsRead() throws Exception {
        // GIVEN a submit as Discord sends it for inputs in action rows
        JsonNode data = JSON.readTree("{\"custom_id\":\"" + ComponentIds.encode(newDate) + "\",\"components\":["
                + "{\"type\":1,\"components\":[{\"type\":4,\"custom_id\":\"date\",\"value\":\" 30/06/2024 \"}]},"
                + "{\"type\":1,\"components\":[{\"type\":4,\"custom_id\":\"reason\",\"value\":\"legal said wait\"}]}]}");

        // WHEN it is read
        NewDateModal.Submitted s = NewDateModal.read(data).orElseThrow();

        // THEN the button, the date as typed and the reason come back
        assertThat(s.button()).isEqualTo(newDate);
        assertThat(s.date()).isEqualTo("30/06/2024");
        assertThat(s.reason()).contains("legal said wait");
    }

    @Test
    void aSubmitInLabelsIsRead() throws Exception {
        // GIVEN a submit as Discord sends it for inputs in label components (ids as Discord numbers them)
        JsonNode data = JSON.readTree("{\"custom_id\":\"" + ComponentIds.encode(newDate) + "\",\"components\":["
                + "{\"type\":18,\"id\":1,\"component\":{\"type\":4,\"id\":2,\"custom_id\":\"date\",\"value\":\"1/7/24\"}},"
                + "{\"type\":18,\"id\":3,\"component\":{\"type\":4,\"id\":4,\"custom_id\":\"reason\",\"value\":\"\"}}]}");

        // WHEN it is read
        NewDateModal.Submitted s = NewDateModal.read(data).orElseThrow();

        // THEN the date comes back, and an empty reason is none
        assertThat(s.button()).isEqualTo(newDate);
        assertThat(s.date()).isEqualTo("1/7/24");
        assertThat(s.reason()).isEmpty();
    }

    @Test
    void aLongReasonIsCut() throws Exception {
        JsonNode data = JSON.readTree("{\"custom_id\":\"" + ComponentIds.encode(newDate) + "\",\"components\":["
                + "{\"type\":18,\"component\":{\"type\":4,\"custom_id\":\"reason\",\"value\":\"" + "x".repeat(4000) + "\"}}]}");

        NewDateModal.Submitted s = NewDateModal.read(data).orElseThrow();

        assertThat(s.date()).isEmpty();
        assertThat(s.reason().orElseThrow()).hasSizeLessThanOrEqualTo(NewDateModal.MAX_REASON);
    }

    @Test
    void aSubmitThatIsNotOursOrWasTamperedWithIsNothing() throws Exception {
        String done = ComponentIds.encode(new ButtonValue("west-lancs", 42, 1001, Button.Choice.DONE));
        for (String json : new String[] {"{}", "[]", "null", "{\"custom_id\":\"feedback\",\"components\":[]}",
                "{\"custom_id\":\"" + done + "\",\"components\":[]}",
                "{\"custom_id\":\"r1|west-lancs|4x|1001|NEW_DATE\",\"components\":[]}",
                "{\"custom_id\":17,\"components\":\"no\"}"}) {
            assertThat(NewDateModal.read(JSON.readTree(json))).as(json).isEmpty();
        }
        assertThat(NewDateModal.read(null)).isEmpty();
    }
}
