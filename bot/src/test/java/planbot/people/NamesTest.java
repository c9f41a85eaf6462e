package planbot.people;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which names are the same person (linked) and which are only near misses (reported, never linked). */
class NamesTest {

    @Test
    void givenNamesDifferingOnlyInCaseSpacingOrUnicodeForm_whenKeyed_thenTheyAreTheSameName() {
        assertThat(Names.key("  Sue   WHITESIDE ")).isEqualTo(Names.key("sue whiteside"));
        assertThat(Names.key("Ｓｕｅ Whiteside")).isEqualTo(Names.key("Sue Whiteside"));
        assertThat(Names.key("Sue Whiteside")).isNotEqualTo(Names.key("Sue Whitesides"));
    }

    @Test
    void givenTheNearMissesTrackersAndPeopleFilesMake_whenCompared_thenEachIsANearMissWithItsReason() {
        assertThat(Names.nearMiss("S. Jones", "Sam Jones")).hasValue("initials");
        assertThat(Names.nearMiss("Sam Jones", "S Jones")).hasValue("initials");
        assertThat(Names.nearMiss("HoP", "Head of Planning (HoP)")).hasValue("abbreviation");
        assertThat(Names.nearMiss("Head of Planning (HoP)", "HoP")).hasValue("abbreviation");
        assertThat(Names.nearMiss("HoP", "Head of Planning")).hasValue("abbreviation");
        assertThat(Names.nearMiss("Sam-Jones", "Sam Jones")).hasValue("punctuation differs");
        assertThat(Names.nearMiss("Sue Whitside", "Sue Whiteside")).hasValue("spelling");
    }

    @Test
    void givenDifferentPeopleOrTheSameName_whenCompared_thenThereIsNoNearMiss() {
        assertThat(Names.nearMiss("Sam Jones", "Sue Whiteside")).isEmpty();
        assertThat(Names.nearMiss("S. Smith", "Sam Jones")).isEmpty();
        assertThat(Names.nearMiss("PM", "HoP")).isEmpty();
        assertThat(Names.nearMiss("sam jones", "Sam Jones")).as("the same name is a match, not a near miss").isEmpty();
        assertThat(Names.nearMiss("", "Sam Jones")).isEmpty();
    }
}
