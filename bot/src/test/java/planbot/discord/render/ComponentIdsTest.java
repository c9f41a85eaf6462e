package planbot.discord.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import planbot.answer.ButtonValue;
import planbot.delivery.Button;

/** custom_ids carrying a button's value within Discord's 100 characters; decoding never trusts or throws. */
class ComponentIdsTest {

    @Test
    void everyChoiceRoundTripsInTheFormatOfTheButtonsOnOtherPlatforms() {
        for (Button.Choice choice : Button.Choice.values()) {
            // GIVEN a reminder's button of an ordinary tenant
            ButtonValue v = new ButtonValue("west-lancs", 42, 1001, choice);

            // WHEN it is encoded as a custom_id
            String id = ComponentIds.encode(v);

            // THEN it is the shared encoding, and decodes to the same value
            assertThat(id).isEqualTo(v.encode()).hasSizeLessThanOrEqualTo(ComponentIds.MAX);
            assertThat(ComponentIds.decode(id)).contains(v);
            assertThat(ComponentIds.decode(id, "west-lancs")).contains(v);
        }
    }

    @Test
    void aLongTenantSlugIsHashedAndPutBackOnlyForThatTenant() {
        // GIVEN a tenant whose slug alone is longer than a custom_id allows, and the largest ids
        String slug = "the-royal-borough-of-windsor-and-maidenhead-planning-enforcement-and-building-control-team";
        ButtonValue v = new ButtonValue(slug, Long.MAX_VALUE, Long.MAX_VALUE, Button.Choice.ON_TARGET);

        // WHEN it is encoded
        String id = ComponentIds.encode(v);

        // THEN it fits, naming the tenant by a hash
        assertThat(id).hasSizeLessThanOrEqualTo(ComponentIds.MAX).startsWith("r1|~").doesNotContain(slug);
        // AND decoded for that tenant it is the value again
        assertThat(ComponentIds.decode(id, slug)).contains(v);
        // AND decoded for another tenant it keeps the hash, which the core's tenant check refuses
        ButtonValue other = ComponentIds.decode(id, "west-lancs").orElseThrow();
        assertThat(other.tenant()).isNotEqualTo("west-lancs").isNotEqualTo(slug).startsWith("~");
        assertThat(other.taskId()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aShortNoteFitsAndALongOneDoesNot() {
        ButtonValue shortNote = ButtonValue.note("west-lancs", 42, "called legal | waiting");
        assertThat(ComponentIds.fits(shortNote)).isTrue();
        assertThat(ComponentIds.decode(ComponentIds.encode(shortNote))).contains(shortNote);

        ButtonValue longNote = ButtonValue.note("west-lancs", 42, "x".repeat(200));
        assertThat(ComponentIds.fits(longNote)).isFalse();
        assertThatThrownBy(() -> ComponentIds.encode(longNote)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tamperedOrForeignCustomIdsDecodeToNothing() {
        for (String id : new String[] {null, "", "n0", "g1|0", "r1|west-lancs|42|1001", "r1|west-lancs|x|1001|DONE",
                "r1|west-lancs|42|1001|EXPLODE", "r1||42|1001|DONE", "r2|west-lancs|42|1001|DONE", "n1|west-lancs|42|",
                "r1|west-lancs|42|1001|DONE|extra", "r1|west-lancs|42|1001|DONE".repeat(5)}) {
            assertThat(ComponentIds.decode(id)).as(String.valueOf(id)).isEmpty();
            assertThat(ComponentIds.decode(id, "west-lancs")).as(String.valueOf(id)).isEmpty();
        }
    }

    @Test
    void decodingRandomAndMutatedTextNeverThrows() {
        Random random = new Random(11);
        String good = ComponentIds.encode(new ButtonValue("west-lancs", 42, 1001, Button.Choice.DONE));
        for (int i = 0; i < 5_000; i++) {
            char[] chars = good.toCharArray();
            chars[random.nextInt(chars.length)] = (char) random.nextInt(0x3000);
            String mutated = new String(chars);
            Optional<ButtonValue> v = ComponentIds.decode(mutated, "west-lancs");
            v.ifPresent(b -> assertThat(b.encode()).isEqualTo(mutated));
        }
    }

    @Test
    void aSelectOptionValueReadsAsItsRemindersTaskAndRow() {
        String value = ComponentIds.option("west-lancs", 42, 1001);

        assertThat(value).hasSizeLessThanOrEqualTo(ComponentIds.MAX);
        ButtonValue v = ComponentIds.decode(value, "west-lancs").orElseThrow();
        assertThat(v.tenant()).isEqualTo("west-lancs");
        assertThat(v.taskId()).isEqualTo(42);
        assertThat(v.outboxId()).isEqualTo(1001);
        assertThat(v.choice()).isEqualTo(Button.Choice.NEW_DATE);
    }
}
