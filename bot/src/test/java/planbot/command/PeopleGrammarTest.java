package planbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The grammar of linking in bulk: {@code people match [confirm CODE]} and {@code people link NAME #channel}. */
class PeopleGrammarTest {

    @Test
    void givenPeopleMatch_whenParsed_thenItProposesOrConfirmsTheCodeAsTyped() {
        assertThat(Fixtures.parsed("people match")).isEqualTo(new Command.MatchPeople(null));
        assertThat(Fixtures.parsed("/plan people match confirm 3fa9c1")).isEqualTo(new Command.MatchPeople("3fa9c1"));
        assertThat(Fixtures.failed("people match confirm").message()).contains("people match confirm CODE");
        assertThat(Fixtures.failed("people match all").message()).contains("people match confirm CODE");
    }

    @Test
    void givenPeopleLinkEndingWithAChannel_whenParsed_thenTheTeamOrRoleIsLinkedToThatChannel() {
        assertThat(Fixtures.parsed("people link \"Planning / legal / democratic services\" <#C0LEGAL|planning-legal>"))
                .isEqualTo(new Command.LinkChannel("Planning / legal / democratic services", "<#C0LEGAL|planning-legal>"));
        assertThat(Fixtures.parsed("people link HoP <#C1>")).isEqualTo(new Command.LinkChannel("HoP", "<#C1>"));
        assertThat(Fixtures.failed("people link <#C1>").message()).contains("Say the name");
        assertThat(Fixtures.failed("people link HoP <!channel>").message()).contains("not a group");
    }
}
