package planbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import planbot.domain.StatusKind;

class StatusPhrasesTest {

    @Test
    void givenEveryStatusPhraseTheParserAccepts_whenReadByTheDomain_thenItHasAKnownMeaning() {
        for (String phrase : StatusPhrases.PHRASES) {
            assertThat(StatusKind.of(phrase)).as(phrase).isNotEqualTo(StatusKind.UNKNOWN);
        }
    }

    @Test
    void givenEveryStatusOfferedToUsers_whenMatched_thenItIsAccepted() {
        for (String offered : StatusPhrases.OFFERED.replace(" or ", ", ").split(", ")) {
            assertThat(StatusPhrases.match(offered, Tokens.split(offered), 0)).as(offered).isNotNull();
        }
    }
}
