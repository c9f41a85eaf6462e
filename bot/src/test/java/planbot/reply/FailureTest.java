package planbot.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import planbot.command.CommandService;

/** Whose a failure is, by its kind and not by its words; ours only ever says the one generic sentence. */
class FailureTest {

    @Test
    void ourFailureSaysTheGenericSentenceAndIsOurs() {
        Failure f = Failure.ours();
        assertThat(f.kind()).isEqualTo(Failure.Kind.OURS);
        assertThat(f.message()).isEqualTo(Failure.GENERIC);
        assertThat(CommandService.failedOnOurSide(f)).isTrue();
    }

    @Test
    void aFailureOfTheUsersIsNotOursEvenInTheGenericWords() {
        assertThat(CommandService.failedOnOurSide(Failure.of(Failure.GENERIC))).isFalse();
        assertThat(CommandService.failedOnOurSide(Failure.of("No task EN03/9."))).isFalse();
        assertThat(new Failure("No task EN03/9.", List.of("EN003/01")).kind()).isEqualTo(Failure.Kind.USER);
    }

    @Test
    void ourFailureCannotCarryOtherWordsOrSuggestions() {
        // GIVEN text a caller might be tempted to pass on, WHEN it is made an OURS failure, THEN it is refused
        assertThatThrownBy(() -> new Failure(Failure.Kind.OURS, "SQLITE_FULL: database or disk is full", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Failure(Failure.Kind.OURS, Failure.GENERIC, List.of("EN003/01")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
