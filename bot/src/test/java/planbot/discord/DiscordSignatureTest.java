package planbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Ed25519 over timestamp + raw body, as Discord signs interactions; anything doubtful is false, never an exception. */
class DiscordSignatureTest {
    /** The PLATFORMS.md vector: RFC 8032 test 1's key. */
    static final String PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    static final String TIMESTAMP = "1700000000";
    static final byte[] BODY = "{\"type\":1}".getBytes(StandardCharsets.UTF_8);
    static final String SIGNATURE = "1695961a47c91a1ec033b819b7e87e3dbc583dd0cee6d1fd0216f58ac87b6228"
            + "ae531ddbf91fb7bc28d7edf7f08604da16f54624f38a6bc0614e4dc13cd47f0f";

    static Clock at(long epochSecond) {
        return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }

    final DiscordSignature signature = new DiscordSignature(PUBLIC, at(1_700_000_000L));

    @Test
    void theRfc8032VectorVerifies() {
        assertThat(signature.verify(SIGNATURE, TIMESTAMP, BODY)).isTrue();
        assertThat(signature.verify(SIGNATURE.toUpperCase(), TIMESTAMP, BODY)).isTrue();
    }

    @Test
    void aMutatedBodyDoesNotVerify() {
        assertThat(signature.verify(SIGNATURE, TIMESTAMP, "{\"type\":2}".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(signature.verify(SIGNATURE, TIMESTAMP, "{\"type\":1} ".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void anotherTimestampDoesNotVerify() {
        assertThat(signature.verify(SIGNATURE, "1700000001", BODY)).isFalse();
    }

    @Test
    void aTimestampMoreThanFiveMinutesFromNowIsRefusedEvenWhenSigned() {
        assertThat(new DiscordSignature(PUBLIC, at(1_700_000_300L)).verify(SIGNATURE, TIMESTAMP, BODY)).isTrue();
        assertThat(new DiscordSignature(PUBLIC, at(1_700_000_301L)).verify(SIGNATURE, TIMESTAMP, BODY)).isFalse();
        assertThat(new DiscordSignature(PUBLIC, at(1_699_999_699L)).verify(SIGNATURE, TIMESTAMP, BODY)).isFalse();
    }

    @Test
    void anotherKeysSignatureDoesNotVerify() throws Exception {
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(other.getPrivate());
        s.update(TIMESTAMP.getBytes(StandardCharsets.UTF_8));
        s.update(BODY);
        assertThat(signature.verify(HexFormat.of().formatHex(s.sign()), TIMESTAMP, BODY)).isFalse();
    }

    @Test
    void aKeyMadeInTheTestVerifiesWhatItSigned() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] der = pair.getPublic().getEncoded();
        String raw = HexFormat.of().formatHex(der, der.length - 32, der.length);
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(pair.getPrivate());
        s.update(TIMESTAMP.getBytes(StandardCharsets.UTF_8));
        s.update(BODY);
        assertThat(new DiscordSignature(raw, at(1_700_000_000L)).verify(HexFormat.of().formatHex(s.sign()), TIMESTAMP, BODY)).isTrue();
    }

    @Test
    void malformedHeadersAreFalseNotExceptions() {
        assertThat(signature.verify(null, TIMESTAMP, BODY)).isFalse();
        assertThat(signature.verify(SIGNATURE, null, BODY)).isFalse();
        assertThat(signature.verify("zz" + SIGNATURE.substring(2), TIMESTAMP, BODY)).isFalse();
        assertThat(signature.verify(SIGNATURE.substring(2), TIMESTAMP, BODY)).isFalse();
        assertThat(signature.verify("", TIMESTAMP, BODY)).isFalse();
        assertThat(signature.verify(SIGNATURE, "soon", BODY)).isFalse();
        assertThat(signature.verify(SIGNATURE, "-9223372034854775808", BODY)).isFalse();
        assertThat(signature.verify(SIGNATURE, TIMESTAMP, null)).isFalse();
    }

    @Test
    void aPublicKeyThatIsNotOneIsRefusedAtConstruction() {
        assertThatThrownBy(() -> new DiscordSignature("abcd", at(0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DiscordSignature("xy" + PUBLIC.substring(2), at(0))).isInstanceOf(IllegalArgumentException.class);
    }
}
