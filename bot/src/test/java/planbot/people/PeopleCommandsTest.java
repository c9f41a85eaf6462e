package planbot.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.command.ChatContext;
import planbot.domain.AuditEvent;
import planbot.domain.Role;
import planbot.domain.Source;
import planbot.platform.Directory;
import planbot.platform.PlatformException;
import planbot.reply.Confirmation;
import planbot.reply.Failure;
import planbot.reply.Listing;
import planbot.reply.Reply;
import planbot.storage.ChatIdentity;
import planbot.storage.PersonChannel;
import planbot.testing.PlanEdits;
import planbot.testing.TestBot;

/**
 * {@code /plan people match} (proposals from the workspace's members, confirmed in one step by a code) and
 * {@code /plan people link "TEAM" #channel}, through the real command service over a real SQLite file, with a
 * {@link Directory} built from plain data standing in for the platform's member list.
 */
class PeopleCommandsTest {
    static final String ADA = "Ada Admin";
    static final String SUE = "Sue Whiteside";
    static final String SAM = "Sam Jones";
    static final String HOP = "Head of Planning (HoP)";
    static final String TEAM = "Planning / legal / democratic services";
    static final ChatContext SLACK = new ChatContext("slack", "T0001");

    /** A workspace's member list as plain data; a test changes it between calls, or makes it fail. */
    static final class ListedDirectory implements Directory {
        final List<Member> members = new ArrayList<>();
        String failure;

        @Override
        public Optional<Member> byEmail(String email) {
            return members.stream().filter(m -> m.email().equalsIgnoreCase(email)).findFirst();
        }

        @Override
        public List<Member> members() throws PlatformException {
            if (failure != null) {
                throw new PlatformException(failure);
            }
            return List.copyOf(members);
        }
    }

    @TempDir
    Path dir;
    TestBot bot;
    ListedDirectory directory = new ListedDirectory();

    @BeforeEach
    void open() {
        // GIVEN a plan owned by two people, a role and a team, an admin, and a Slack workspace of three members
        bot = TestBot.start(dir).importPlan(PlanEdits.sample().owner("EN003/01", SUE).owner("EN003/02", SAM)
                        .owner("EN003/03", HOP).owner("EN005/03", TEAM).plan())
                .person(ADA, Role.ADMIN).source(Source.SLACK).inChat(SLACK);
        bot.app().directories().put("slack", directory);
        directory.members.add(new Directory.Member("U0SUE", "sue", "Sue Whiteside", "sue@example.gov.uk"));
        directory.members.add(new Directory.Member("U0SAM", "Sam Jones", "", ""));
        directory.members.add(new Directory.Member("U0SJ", "sj", "S. Jones", ""));
    }

    @AfterEach
    void close() {
        bot.close();
    }

    private String code(Listing proposals) {
        Matcher m = Pattern.compile("people match confirm ([0-9A-F]{6})").matcher(proposals.title());
        assertThat(m.find()).as(proposals.title()).isTrue();
        return m.group(1);
    }

    private Optional<String> linkedTo(String userId) {
        return bot.app().people().findByIdentity(bot.tenant(), new ChatIdentity("slack", "T0001", userId)).map(p -> p.name());
    }

    @Test
    void givenMembersNamedAsThePlan_whenAnAdminAsksForMatches_thenTheyAreNumberedWithACodeAndNothingIsLinkedYet() {
        Map<String, ?> before = bot.dump();

        Reply reply = bot.send(ADA, "people match");

        Listing listing = (Listing) reply;
        assertThat(listing.lines()).containsExactly("1. Sam Jones → @Sam Jones (U0SAM), by display name",
                "2. Sue Whiteside → @sue (Sue Whiteside, U0SUE), by real name");
        assertThat(code(listing)).hasSize(6);
        assertThat(bot.dump()).isEqualTo(before);
    }

    @Test
    void givenTheProposalsShown_whenTheAdminConfirmsWithTheirCode_thenExactlyThoseAreLinkedEachAudited() {
        String code = code((Listing) bot.send(ADA, "people match"));

        Reply reply = bot.send(ADA, "people match confirm " + code.toLowerCase(java.util.Locale.ROOT));

        assertThat(((Listing) reply).title()).startsWith("Linked 2 people on slack");
        assertThat(linkedTo("U0SAM")).hasValue(SAM);
        assertThat(linkedTo("U0SUE")).hasValue(SUE);
        assertThat(linkedTo("U0SJ")).isEmpty();
        AuditEvent event = bot.audit(SUE).get(0);
        assertThat(event.change()).isEqualTo("linked");
        assertThat(event.actor()).isEqualTo(ADA);
        assertThat(event.after()).isEqualTo("slack T0001/U0SUE");
        assertThat(event.note()).isEqualTo("people match (real name)");
        // AND asking again proposes nothing more
        assertThat(((Listing) bot.send(ADA, "people match")).title()).startsWith("No links to propose");
    }

    @Test
    void givenTheMembersChangedAfterTheProposalsWereShown_whenTheOldCodeIsConfirmed_thenNothingIsLinked() {
        String code = code((Listing) bot.send(ADA, "people match"));
        directory.members.add(new Directory.Member("U0SUE2", "Sue Whiteside", "", ""));
        Map<String, ?> before = bot.dump();

        Reply reply = bot.send(ADA, "people match confirm " + code);

        assertThat(((Failure) reply).message()).contains("run `people match` again").endsWith("Nothing was linked.");
        assertThat(bot.dump()).isEqualTo(before);
        assertThat(((Failure) bot.send(ADA, "people match confirm 000000")).message()).contains("code is wrong");
    }

    @Test
    void givenSomeoneBelowAdminOrAPlatformThatCannotList_whenTheyAskForMatches_thenTheyAreToldWhyAndNothingChanges() {
        bot.person("Mona Manager", Role.MANAGER);
        Map<String, ?> before = bot.dump();
        assertThat(((Failure) bot.send("Mona Manager", "people match")).message()).startsWith("Only an admin");

        directory.failure = "Slack refused users.list: the app lacks the users:read scope; add it and reinstall the app";
        assertThat(((Failure) bot.send(ADA, "people match")).message())
                .isEqualTo("I couldn't get the slack member list: " + directory.failure);

        bot.inChat(new ChatContext("discord", "G1"));
        assertThat(((Failure) bot.send(ADA, "people match")).message()).contains("cannot list the members of this discord workspace");
        assertThat(bot.dump()).isEqualTo(before);
    }

    @Test
    void givenATeamOwner_whenAnAdminLinksItToAChannel_thenItsChannelIsStoredForThisPlatformAndAudited() {
        Reply reply = bot.send(ADA, "people link \"" + TEAM + "\" <#C0LEGAL|planning-legal>");

        assertThat(((Confirmation) reply).text()).isEqualTo(TEAM + "'s reminders now go to #planning-legal, naming them.");
        assertThat(bot.app().people().reach(bot.tenant(), TEAM).channel()).isEqualTo(new PersonChannel("slack", "C0LEGAL"));
        AuditEvent event = bot.audit(TEAM).get(0);
        assertThat(event.change()).isEqualTo("channel");
        assertThat(event.after()).isEqualTo("slack:C0LEGAL");
        // AND linking it again writes nothing
        Map<String, ?> before = bot.dump();
        assertThat(((Confirmation) bot.send(ADA, "people link \"" + TEAM + "\" <#C0LEGAL>")).text()).contains("already");
        assertThat(bot.dump()).isEqualTo(before);
    }

    @Test
    void givenAnUnknownNameOrANonAdmin_whenLinkingToAChannel_thenItIsRefusedAndNothingChanges() {
        bot.person("Mona Manager", Role.MANAGER);
        Map<String, ?> before = bot.dump();

        assertThat(((Failure) bot.send(ADA, "people link \"Planning legal\" <#C0LEGAL>")).message()).contains("Nobody called");
        assertThat(((Failure) bot.send("Mona Manager", "people link \"" + TEAM + "\" <#C0LEGAL>")).message())
                .isEqualTo("Only an admin can link people to channels.");
        assertThat(bot.dump()).isEqualTo(before);
    }
}
