package planbot.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import planbot.domain.Person;
import planbot.domain.Role;
import planbot.domain.UserFixableException;
import planbot.storage.testing.DatabaseTestBase;
import planbot.storage.testing.TestDatabases;

/** What every {@link PersonRepository} must do; one subclass per database vendor. */
abstract class PersonRepositoryContractTest extends DatabaseTestBase {
    private static final Instant NOW = Instant.parse("2024-05-01T09:00:00Z");
    private static final ChatIdentity SAM = new ChatIdentity("slack", "T1DC2JH3J", "U2CERLKJA");

    private Tenant tenant;
    private Tenant other;
    private PersonRepository people;

    PersonRepositoryContractTest(Database.Vendor vendor) {
        super(vendor);
    }

    @BeforeEach
    void tenants() {
        tenant = stores.tenants().getOrCreate("welwyn-hatfield", NOW);
        other = stores.tenants().getOrCreate("stevenage", NOW);
        people = stores.people();
    }

    @Test
    void upsertAddsUnknownNamesWithTheRoleAndWritesNothingTheSecondTime() {
        // WHEN two names are upserted as officers, twice
        int first = people.upsert(tenant, List.of("HoP", "PM", "HoP"), Role.OFFICER);
        var before = TestDatabases.dump(db);
        int second = people.upsert(tenant, List.of("HoP", "PM"), Role.OFFICER);
        // THEN both exist as officers, and the second upsert wrote nothing
        assertThat(first).isEqualTo(2);
        assertThat(second).isZero();
        assertThat(TestDatabases.dump(db)).isEqualTo(before);
        assertThat(people.find(tenant, "HoP")).contains(new Person("HoP", Role.OFFICER));
    }

    @Test
    void upsertRaisesALowerRoleAndNeverLowersAHigherOne() {
        // GIVEN an officer and a manager
        people.upsert(tenant, List.of("PM"), Role.OFFICER);
        people.upsert(tenant, List.of("HoP"), Role.MANAGER);
        // WHEN both are upserted as leads
        int changed = people.upsert(tenant, List.of("PM", "HoP"), Role.LEAD);
        // THEN the officer is raised to lead and the manager stays a manager
        assertThat(changed).isEqualTo(1);
        assertThat(people.find(tenant, "PM")).contains(new Person("PM", Role.LEAD));
        assertThat(people.find(tenant, "HoP")).contains(new Person("HoP", Role.MANAGER));
    }

    @Test
    void setRoleSetsExactlyEvenLower() {
        people.upsert(tenant, List.of("HoP"), Role.ADMIN);
        assertThat(people.setRole(tenant, "HoP", Role.VIEWER)).isTrue();
        assertThat(people.find(tenant, "HoP")).contains(new Person("HoP", Role.VIEWER));
        assertThat(people.setRole(tenant, "Nobody", Role.VIEWER)).isFalse();
    }

    @Test
    void aPersonOfAnotherTenantIsInvisible() {
        // GIVEN "HoP" in another tenant only
        people.upsert(other, List.of("HoP"), Role.MANAGER);
        // THEN this tenant does not see or change them, and may have its own "HoP"
        assertThat(people.find(tenant, "HoP")).isEmpty();
        assertThat(people.setRole(tenant, "HoP", Role.VIEWER)).isFalse();
        assertThat(people.upsert(tenant, List.of("HoP"), Role.OFFICER)).isEqualTo(1);
        assertThat(people.find(other, "HoP")).contains(new Person("HoP", Role.MANAGER));
    }

    @Test
    void linkedIdentityFindsItsPersonAndRelinkingMovesIt() {
        // GIVEN two people, the first linked to a Slack user
        people.upsert(tenant, List.of("Sam Jones", "PM"), Role.OFFICER);
        assertThat(people.link(tenant, "Sam Jones", SAM)).isTrue();
        assertThat(people.findByIdentity(tenant, SAM)).contains(new Person("Sam Jones", Role.OFFICER));
        // WHEN the identity is linked to the other person
        assertThat(people.link(tenant, "PM", SAM)).isTrue();
        // THEN it finds the other person
        assertThat(people.findByIdentity(tenant, SAM)).contains(new Person("PM", Role.OFFICER));
        assertThat(TestDatabases.counts(db).get("chat_identity")).isEqualTo(1);
    }

    @Test
    void linkingAnUnknownNameDoesNothing() {
        assertThat(people.link(tenant, "Nobody", SAM)).isFalse();
        assertThat(people.findByIdentity(tenant, SAM)).isEmpty();
    }

    @Test
    void anIdentityLinkedInAnotherTenantIsNeitherFoundNorTaken() {
        // GIVEN the identity linked in another tenant
        people.upsert(other, List.of("Sam Jones"), Role.OFFICER);
        people.upsert(tenant, List.of("Sam Jones"), Role.OFFICER);
        people.link(other, "Sam Jones", SAM);
        // THEN this tenant does not find it and cannot take it
        assertThat(people.findByIdentity(tenant, SAM)).isEmpty();
        assertThatThrownBy(() -> people.link(tenant, "Sam Jones", SAM))
                .isInstanceOf(UserFixableException.class)
                .hasMessageContaining("another tenant");
        assertThat(people.findByIdentity(other, SAM)).contains(new Person("Sam Jones", Role.OFFICER));
    }

    @Test
    void aLinkedPersonHasTheirIdentityAndTheOthersAreListedAsUnlinked() {
        // GIVEN three people, one linked on Slack
        people.upsert(tenant, List.of("Sam Jones", "PM", "HoP"), Role.OFFICER);
        people.link(tenant, "Sam Jones", SAM);

        // THEN Sam's Slack identity is found, and the other two are unlinked on Slack but all three on Discord
        assertThat(people.identity(tenant, "Sam Jones", "slack")).contains(SAM);
        assertThat(people.identity(tenant, "Sam Jones", "discord")).isEmpty();
        assertThat(people.identity(tenant, "PM", "slack")).isEmpty();
        assertThat(people.unlinked(tenant, "slack")).extracting(Person::name).containsExactly("HoP", "PM");
        assertThat(people.unlinked(tenant, "discord")).extracting(Person::name).containsExactly("HoP", "PM", "Sam Jones");
        assertThat(people.unlinked(other, "slack")).isEmpty();
    }

    @Test
    void aPersonLinkedOnTwoPlatformsHasBothAndTheirChoiceAndLastUseAreKept() {
        // GIVEN Sam linked on Slack and on Discord
        ChatIdentity discord = new ChatIdentity("discord", "G1", "4242");
        people.upsert(tenant, List.of("Sam Jones"), Role.OFFICER);
        people.link(tenant, "Sam Jones", SAM);
        people.link(tenant, "Sam Jones", discord);
        // THEN both are listed, newest first, and the newest link counts as where Sam last was
        assertThat(people.reach(tenant, "Sam Jones")).isEqualTo(new PersonReach(List.of(discord, SAM), null, "discord"));

        // WHEN Sam uses planbot on Slack (twice: the second writes nothing), then chooses Discord for reminders
        people.noteUsed(tenant, "Sam Jones", "slack");
        var afterFirstUse = TestDatabases.dump(db);
        people.noteUsed(tenant, "Sam Jones", "slack");
        assertThat(TestDatabases.dump(db)).isEqualTo(afterFirstUse);
        assertThat(people.chooseRemindersPlatform(tenant, "Sam Jones", "discord")).isTrue();

        // THEN both are kept, in this tenant only; an unknown person has no reach and cannot choose
        assertThat(people.reach(tenant, " Sam Jones ")).isEqualTo(new PersonReach(List.of(discord, SAM), "discord", "slack"));
        assertThat(people.reach(other, "Sam Jones")).isEqualTo(PersonReach.none());
        assertThat(people.chooseRemindersPlatform(tenant, "Nobody", "slack")).isFalse();
        // AND choosing nothing goes back to "where I last used planbot"
        people.chooseRemindersPlatform(tenant, "Sam Jones", null);
        assertThat(people.reach(tenant, "Sam Jones").chosen()).isNull();
    }

    @Test
    void aTeamLinkedToAChannelIsReachedThereAndAnEmailIsKeptPerTenant() {
        // GIVEN a team and a person of the plan
        people.upsert(tenant, List.of("Planning / legal / democratic services", "Sam Jones"), Role.OFFICER);
        PersonChannel planning = new PersonChannel("slack", "C0PLANLEGAL");
        // WHEN the team is linked to a channel and Sam's email is stored
        assertThat(people.linkChannel(tenant, "Planning / legal / democratic services", planning)).isTrue();
        assertThat(people.setEmail(tenant, "Sam Jones", "sam.jones@example.gov.uk")).isTrue();
        // THEN the team's reach names the channel, Sam's does not, and the email is Sam's in this tenant only
        assertThat(people.reach(tenant, "Planning / legal / democratic services").channel()).isEqualTo(planning);
        assertThat(people.reach(tenant, "Sam Jones").channel()).isNull();
        assertThat(people.emails(tenant)).containsExactly(java.util.Map.entry("Sam Jones", "sam.jones@example.gov.uk"));
        assertThat(people.emails(other)).isEmpty();
        // AND nobody else can be linked or given an email, and unlinking clears the channel
        assertThat(people.linkChannel(other, "Planning / legal / democratic services", planning)).isFalse();
        assertThat(people.setEmail(tenant, "Nobody", "n@example.gov.uk")).isFalse();
        people.linkChannel(tenant, "Planning / legal / democratic services", null);
        assertThat(people.reach(tenant, "Planning / legal / democratic services").channel()).isNull();
    }
}
