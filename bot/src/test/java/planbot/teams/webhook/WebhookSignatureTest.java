package planbot.teams.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The outgoing webhook's HMAC, against the vector in PLATFORMS.md. */
class WebhookSignatureTest {
    static final String TOKEN = "vqF0En+Z0ucuRTM/01o2GuhMH3hKKk/N2bOmlM31zaA=";
    static final byte[] BODY = "{\"type\":\"message\",\"text\":\"<at>ActionBot</at> status\"}".getBytes(StandardCharsets.UTF_8);
    static final String HEADER = "HMAC E+UC9QpBfeQg9+h2ALHiDkicZ8lwrUWBSqX9gG2IFbY=";

    final WebhookSignature signature = new WebhookSignature(TOKEN);

    @Test
    void givenTheDocumentedVector_whenSigning_thenTheHeaderIsTheOneTeamsSends() {
        assertThat(signature.sign(BODY)).isEqualTo(HEADER);
        assertThat(signature.verify(HEADER, BODY)).isTrue();
    }

    @Test
    void givenTheTokenUsedAsTextInsteadOfDecoded_whenSigning_thenTheVectorDoesNotMatch() {
        String textKey = java.util.Base64.getEncoder().encodeToString(TOKEN.getBytes(StandardCharsets.US_ASCII));
        assertThat(new WebhookSignature(textKey).verify(HEADER, BODY)).isFalse();
    }

    @Test
    void givenAMutatedBody_whenVerifying_thenItIsRefused() {
        byte[] mutated = "{\"type\":\"message\",\"text\":\"<at>ActionBot</at> statuS\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(signature.verify(HEADER, mutated)).isFalse();
    }

    @Test
    void givenNoHeaderOrAnotherScheme_whenVerifying_thenItIsRefused() {
        assertThat(signature.verify(null, BODY)).isFalse();
        assertThat(signature.verify("", BODY)).isFalse();
        assertThat(signature.verify("Bearer E+UC9QpBfeQg9+h2ALHiDkicZ8lwrUWBSqX9gG2IFbY=", BODY)).isFalse();
        assertThat(signature.verify("HMAC ", BODY)).isFalse();
    }

    @Test
    void givenATokenThatIsNotBase64_whenBuilding_thenTheMessageSaysSoWithoutTheToken() {
        assertThatThrownBy(() -> new WebhookSignature("not base64!!"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not base64")
                .hasMessageNotContaining("not base64!!");
    }
}
