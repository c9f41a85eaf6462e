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
    void givenANoteWithBarsInIt_whenEncodedAndDecoded_thenItRoundTripsInTheFormatOfQuestionsAlreadyPosted() {
        ButtonValue v = ButtonValue.note("welwyn-hatfield", 42, " draft | sent ");

        assertThat(v.encode()).isEqualTo("n1|welwyn-hatfield|42|draft | sent");
        assertThat(ButtonValue.decode(v.encode())).contains(v);
        assertThat(v.choice()).isNull();
        assertThat(v.note()).isEqualTo("draft | sent");
    }

    @Test
    void givenNeitherOrBothOfAChoiceAndANote_whenBuilt_thenItIsRefused() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new ButtonValue("t", 1, 0, null, null));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new ButtonValue("t", 1, 0, Button.Choice.DONE, "a note"));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> ButtonValue.note("t", 1, "  "));
    }

    @Test
    void foreignOrTamperedValuesDecodeToNothing() {
        assertThat(ButtonValue.decode("n1|t|x|a note")).isEmpty();
        assertThat(ButtonValue.decode("n1|t|1|  ")).isEmpty();
        assertThat(ButtonValue.decode("n1|t|1")).isEmpty();
        assertThat(ButtonValue.decode("n1||1|a note")).isEmpty();
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
