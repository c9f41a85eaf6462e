package planbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RefSyntaxTest {

    @ParameterizedTest(name = "GIVEN action ref <{0}> WHEN normalised THEN key is {1}")
    @CsvSource(delimiter = '|', value = {
            "ENF003                | ENF3",
            "ENFORCEMENT 003       | ENFORCEMENT3",
            "enforcement 3         | ENFORCEMENT3",
            "EN003                 | EN3",
            "EN3                   | EN3",
            "en 3                  | EN3",
            "IT INFRASTRUCTURE 012 | ITINFRASTRUCTURE12",
            "IT INFRASTRUCURE 012  | ITINFRASTRUCURE12",
            "MEMBER TRAINING 001   | MEMBERTRAINING1",
            "PRE-APP 001           | PREAPP1",
            "BUS SUPPORT 002       | BUSSUPPORT2",
            "EN3?                  | EN3",
            "EN000                 | EN0",
    })
    void givenAnActionRef_whenNormalised_thenItIsAnActionWithThatKey(String typed, String key) {
        NormalisedRef ref = RefSyntax.parse(typed).orElseThrow();

        assertThat(ref.kind()).isEqualTo(NormalisedRef.Kind.ACTION);
        assertThat(ref.key()).isEqualTo(key);
        assertThat(ref.task()).isEmpty();
    }

    @ParameterizedTest(name = "GIVEN task ref <{0}> WHEN normalised THEN key is {1}")
    @CsvSource(delimiter = '|', value = {
            "EN003/01             | EN3/1 | EN3",
            "EN3/1                | EN3/1 | EN3",
            "en3/1                | EN3/1 | EN3",
            "enforcement 3/1      | ENFORCEMENT3/1 | ENFORCEMENT3",
            "COMP001/10           | COMP1/10 | COMP1",
    })
    void givenATaskRef_whenNormalised_thenItIsATaskWithThatKeyAndItsActionKey(String typed, String key, String actionKey) {
        NormalisedRef ref = RefSyntax.parse(typed).orElseThrow();

        assertThat(ref.kind()).isEqualTo(NormalisedRef.Kind.TASK);
        assertThat(ref.key()).isEqualTo(key);
        assertThat(ref.actionKey()).isEqualTo(actionKey);
    }

    @Test
    void givenAMultiWordRef_whenNormalised_thenItExposesUpperCaseWordsAndTheNumberWithoutLeadingZeros() {
        NormalisedRef ref = RefSyntax.parse("IT infrastructure 012").orElseThrow();

        assertThat(ref.words()).containsExactly("IT", "INFRASTRUCTURE");
        assertThat(ref.number()).isEqualTo(12);
        assertThat(ref.letters()).isEqualTo("ITINFRASTRUCTURE");
    }

    @Test
    void givenTheSameRefTypedFourWays_whenNormalised_thenAllAreEqual() {
        List<String> typed = List.of("ENFORCEMENT 003", "enforcement 3", "Enforcement 03", "ENFORCEMENT003");

        assertThat(typed).map(t -> RefSyntax.parse(t).orElseThrow()).containsOnly(
                new NormalisedRef(NormalisedRef.Kind.ACTION, List.of("ENFORCEMENT"), 3, OptionalInt.empty()));
    }

    @ParameterizedTest(name = "GIVEN <{0}> WHEN checked THEN it is not a ref")
    @ValueSource(strings = {"", "   ", "003", "003/01", "EN", "EN3/", "EN3/1/2", "hello world", "EN3a", "31/05/2023",
            "ONE TWO THREE FOUR FIVE 1", "EN1234567", "EN3 / 1", "ÉN3", "<@U123>", "@everyone", "EN3 extra"})
    void givenTextThatIsNotShapedLikeARef_whenChecked_thenItIsNotARef(String typed) {
        assertThat(RefSyntax.looksLikeRef(typed)).isFalse();
        assertThat(RefSyntax.parse(typed)).isEmpty();
    }

    @Test
    void givenNullOrAHugeString_whenChecked_thenItIsNotARefAndNothingThrows() {
        assertThat(RefSyntax.parse(null)).isEmpty();
        assertThat(RefSyntax.parse("EN".repeat(50_000) + "3")).isEmpty();
    }

    @Test
    void givenRefTextWithSurroundingSpace_whenCreated_thenTheTextIsKeptAsTypedWithoutTheSpace() {
        RefText ref = new RefText("  enforcement 003 ");

        assertThat(ref.text()).isEqualTo("enforcement 003");
        assertThat(ref.form()).map(NormalisedRef::key).hasValue("ENFORCEMENT3");
    }
}
