package planbot.teams.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import planbot.answer.ButtonValue;
import planbot.delivery.Button;

/** What a card click carries back, in both shapes Teams sends it, and what is not ours. */
class CardActionTest {
    static final ObjectMapper JSON = new ObjectMapper();

    /** An Action.Submit click: the message activity's value is the data with the card's inputs merged in. */
    static ObjectNode submitted(ObjectNode data, String... inputs) {
        ObjectNode value = data.deepCopy();
        for (int i = 0; i + 1 < inputs.length; i += 2) {
            value.put(inputs[i], inputs[i + 1]);
        }
        return value;
    }

    /** An Action.Execute click: an invoke whose value.action.data is the data (here without a verb). */
    static ObjectNode executed(ObjectNode data, String... inputs) {
        ObjectNode value = JSON.createObjectNode();
        ObjectNode action = value.putObject("action").put("type", "Action.Execute");
        action.set("data", submitted(data, inputs));
        value.put("trigger", "manual");
        return value;
    }

    @Test
    void everyButtonRoundTripsThroughBothShapes() {
        for (Button.Choice choice : Button.Choice.values()) {
            ButtonValue b = new ButtonValue("test-council", 42, 17, choice);
            for (ObjectNode value : new ObjectNode[] {submitted(CardAction.data(b)), executed(CardAction.data(b))}) {
                CardAction.Clicked c = CardAction.decode(value).orElseThrow();
                assertThat(c.button()).isEqualTo(b);
                assertThat(c.date()).isEmpty();
                assertThat(c.reason()).isEmpty();
            }
        }
        ButtonValue note = ButtonValue.note("test-council", 42, "called legal | twice");
        assertThat(CardAction.decode(submitted(CardAction.data(note))).orElseThrow().button()).isEqualTo(note);
        assertThat(CardAction.decode(executed(CardAction.data(note))).orElseThrow().button()).isEqualTo(note);
    }

    @Test
    void aNewDateCarriesItsDateAndReasonFromEitherShapeAndFromAGroupedCard() {
        ButtonValue b = new ButtonValue("test-council", 42, 17, Button.Choice.NEW_DATE);
        for (ObjectNode value : new ObjectNode[] {
                submitted(CardAction.data(b), "date", "2024-06-30", "reason", " waiting on legal "),
                executed(CardAction.data(b), "date", "2024-06-30", "reason", "waiting on legal"),
                // a card about several tasks: the inputs are named after each reminder's row; another's are ignored
                submitted(CardAction.data(b), "date-16", "2025-01-01", "date-17", "2024-06-30", "reason-17", "waiting on legal")}) {
            CardAction.Clicked c = CardAction.decode(value).orElseThrow();
            assertThat(c.date()).contains("2024-06-30");
            assertThat(c.reason()).contains("waiting on legal");
        }
        // an empty reason is no reason
        assertThat(CardAction.decode(submitted(CardAction.data(b), "date", "2024-06-30", "reason", "  ")).orElseThrow().reason())
                .isEmpty();
    }

    @Test
    void anythingNotOursOrTamperedWithIsEmptyAndNeverThrows() throws Exception {
        String[] values = {"null", "\"r1|test-council|42|17|DONE\"", "[]", "42", "{}", "{\"planbot\":5}",
                "{\"planbot\":null}", "{\"planbot\":{\"x\":1}}", "{\"planbot\":\"\"}", "{\"planbot\":\"r1|test-council|x|17|DONE\"}",
                "{\"planbot\":\"r1|test-council|42|17|EXPLODE\"}", "{\"planbot\":\"r1|test-council|42|17\"}",
                "{\"planbot\":\"r2|test-council|42|17|DONE\"}", "{\"planbot\":\"n1|test-council|42|  \"}",
                "{\"other\":\"r1|test-council|42|17|DONE\"}", "{\"action\":\"Action.Execute\"}",
                "{\"action\":{\"data\":\"r1|test-council|42|17|DONE\"}}", "{\"action\":{\"verb\":\"done\"}}",
                "{\"msteams\":{\"type\":\"messageBack\"}}", "{\"planbot\":\"no\"}"};
        for (String v : values) {
            JsonNode value = JSON.readTree(v);
            assertThat(CardAction.decode(value)).as(v).isEmpty();
        }
        assertThat(CardAction.decode(null)).isEmpty();
        assertThat(CardAction.declined(null)).isFalse();
        assertThat(CardAction.declined(JSON.readTree("{\"planbot\":\"no\"}"))).isTrue();
        assertThat(CardAction.declined(executed(CardAction.declineData()))).isTrue();
        assertThat(Optional.of(CardAction.decode(JSON.readTree("{\"planbot\":\"r1|test-council|42|17|DONE\",\"date\":5}"))
                .orElseThrow().date())).contains(Optional.empty());
    }
}
