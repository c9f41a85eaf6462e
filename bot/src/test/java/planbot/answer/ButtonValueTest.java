package planbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import planbot.delivery.Button;

/** A button's value round-trips, and anything else decodes to nothing. */
class ButtonValueTest {

    @Test
    void aValueRoundTrips() {
        ButtonValue v = new ButtonValue("welwyn-hatfield", 42, 7, Button.Choice.NEW_DATE);
        assertThat(v.encode()).isEqualTo("r1|welwyn-hatfield|42|7|NEW_DATE");
        assertThat(ButtonValue.decode(v.encode())).contains(v);
    }

    @Test
    void foreignOrTamperedValuesDecodeToNothing() {
        assertThat(ButtonValue.decode(null)).isEmpty();
        assertThat(ButtonValue.decode("")).isEmpty();
        assertThat(ButtonValue.decode("r1|t|x|7|DONE")).isEmpty();
        assertThat(ButtonValue.decode("r1|t|1|7|EXPLODE")).isEmpty();
        assertThat(ButtonValue.decode("r1||1|7|DONE")).isEmpty();
        assertThat(ButtonValue.decode("r2|t|1|7|DONE")).isEmpty();
        assertThat(ButtonValue.decode("r1|t|1|7|DONE|extra")).isEmpty();
    }

    @Test
    void everyChoiceHasItsActionId() {
        assertThat(ButtonValue.actionId(Button.Choice.DONE)).isEqualTo("reminder_done");
        assertThat(ButtonValue.actionId(Button.Choice.ON_TARGET)).isEqualTo("reminder_on_target");
        assertThat(ButtonValue.actionId(Button.Choice.AT_RISK)).isEqualTo("reminder_at_risk");
        assertThat(ButtonValue.actionId(Button.Choice.NEW_DATE)).isEqualTo("reminder_new_date");
        assertThat(ButtonValue.actionId(Button.Choice.SNOOZE)).isEqualTo("reminder_snooze");
        for (Button.Choice c : Button.Choice.values()) {
            assertThat(ButtonValue.choiceOf(ButtonValue.actionId(c))).contains(c);
        }
        assertThat(ButtonValue.choiceOf("plan_open")).isEmpty();
    }
}
