package planbot.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FormulaGuardTest {

    @Test
    void prefixesTextThatASpreadsheetWouldEvaluate() {
        // GIVEN text starting with each trigger WHEN neutralised THEN one apostrophe goes in front
        assertThat(FormulaGuard.neutralise("=1+1")).isEqualTo("'=1+1");
        assertThat(FormulaGuard.neutralise("+44 1234")).isEqualTo("'+44 1234");
        assertThat(FormulaGuard.neutralise("-5")).isEqualTo("'-5");
        assertThat(FormulaGuard.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(FormulaGuard.neutralise("\tx")).isEqualTo("'\tx");
        assertThat(FormulaGuard.neutralise("\rx")).isEqualTo("'\rx");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        for (String text : List.of("", "EN003/01", "TBC - interdependency", "31/08/2023*", "a=b", "'quoted'", "'")) {
            assertThat(FormulaGuard.neutralise(text)).isEqualTo(text);
        }
    }

    @Test
    void countsApostrophesAlreadyThereSoTheRoundTripIsExact() {
        // GIVEN text that itself starts with an apostrophe and a trigger
        String text = "'=not a formula";
        // WHEN neutralised THEN it gets one more, and restore takes exactly that one off
        assertThat(FormulaGuard.neutralise(text)).isEqualTo("''=not a formula");
        assertThat(FormulaGuard.restore("''=not a formula")).isEqualTo(text);
    }

    @Test
    void restoreIsTheExactInverseOfNeutralise() {
        for (String text : List.of("", "'", "''", "=1+1", "'=1", "''-2", "-", "@", "\t", "'hello", "plain",
                "+44 1234", "a-b")) {
            assertThat(FormulaGuard.restore(FormulaGuard.neutralise(text))).as(text).isEqualTo(text);
        }
    }
}
