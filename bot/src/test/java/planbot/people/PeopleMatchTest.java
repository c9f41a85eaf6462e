package planbot.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import planbot.domain.Person;
import planbot.domain.Role;
import planbot.platform.Directory.Member;

/** The proposals {@code people match} makes from a workspace's member list, on plain lists of people and members. */
class PeopleMatchTest {
    static final Member SUE = new Member("U0SUE", "sue", "Sue Whiteside", "sue.whiteside@example.gov.uk");
    static final Member SAM = new Member("U0SAM", "sam", "Sam Jones", "");
    static final Member PAT = new Member("U0PAT", "Patsy Dell", "", "");
    static final Member SAM_TOO = new Member("U0SAM2", "samj", "Sam Jones", "");

    static List<Person> people(String... names) {
        return java.util.Arrays.stream(names).map(n -> new Person(n, Role.OFFICER)).toList();
    }

    @Test
    void givenMembersNamedAsThePlanWritesThem_whenMatched_thenEachIsProposedSayingWhatMatched() {
        PeopleMatchService.Proposals p = PeopleMatchService.match(people("Patsy Dell", "sue whiteside"), Map.of(),
                List.of(SUE, SAM, PAT), m -> false);

        assertThat(p.links()).extracting(l -> l.person() + "=" + l.member().userId() + " by " + l.by())
                .containsExactly("Patsy Dell=U0PAT by display name", "sue whiteside=U0SUE by real name");
        assertThat(p.notes()).isEmpty();
    }

    @Test
    void givenAStoredEmail_whenMatched_thenTheMemberWithThatEmailIsProposedOverOneWithTheName() {
        Member impostor = new Member("U0X", "Sue Whiteside", "", "");
        PeopleMatchService.Proposals p = PeopleMatchService.match(people("Sue Whiteside"),
                Map.of("Sue Whiteside", "SUE.WHITESIDE@example.gov.uk"), List.of(impostor, SUE), m -> false);

        assertThat(p.links()).extracting(l -> l.member().userId() + " by " + l.by()).containsExactly("U0SUE by email");
    }

    @Test
    void givenTwoMembersWithThePersonsName_whenMatched_thenNeitherIsProposedAndTheNoteNamesBoth() {
        PeopleMatchService.Proposals p = PeopleMatchService.match(people("Sam Jones"), Map.of(), List.of(SAM, SAM_TOO), m -> false);

        assertThat(p.links()).isEmpty();
        assertThat(p.notes()).singleElement().asString().contains("Sam Jones").contains("several members")
                .contains("U0SAM").contains("U0SAM2");
    }

    @Test
    void givenOneMemberMatchingTwoPeople_whenMatched_thenItIsProposedForNeither() {
        // "sam jones" and "Sam  Jones" are two people of the plan whose names normalise alike
        PeopleMatchService.Proposals p = PeopleMatchService.match(people("Sam  Jones", "sam jones"), Map.of(), List.of(SAM),
                m -> false);

        assertThat(p.links()).isEmpty();
        assertThat(p.notes()).singleElement().asString().contains("matches several people");
    }

    @Test
    void givenAMemberAlreadyLinkedOrANearMiss_whenMatched_thenNothingIsProposedAndTheNearMissIsNoted() {
        PeopleMatchService.Proposals linked = PeopleMatchService.match(people("Sam Jones"), Map.of(), List.of(SAM),
                m -> m.userId().equals("U0SAM"));
        PeopleMatchService.Proposals near = PeopleMatchService.match(people("S. Jones"), Map.of(), List.of(SAM, SUE), m -> false);

        assertThat(linked.links()).isEmpty();
        assertThat(near.links()).isEmpty();
        assertThat(near.notes()).singleElement().asString().contains("S. Jones").contains("near miss")
                .contains("@sam (Sam Jones, U0SAM) (initials)").doesNotContain("U0SUE");
    }

    @Test
    void givenAWorkspaceOfThousandsAndAPlanOfHundreds_whenMatched_thenEveryExactNameIsProposedOnce() {
        List<Member> members = new java.util.ArrayList<>();
        List<Person> plan = new java.util.ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            members.add(new Member("U" + i, "user" + i, "Officer " + i, "o" + i + "@example.gov.uk"));
        }
        for (int i = 0; i < 200; i++) {
            plan.add(new Person("Officer " + (i * 7), Role.OFFICER));
        }

        PeopleMatchService.Proposals p = PeopleMatchService.match(plan, Map.of(), members, m -> false);

        assertThat(p.links()).hasSize(200).allMatch(l -> l.member().realName().equals(l.person()));
    }
}
