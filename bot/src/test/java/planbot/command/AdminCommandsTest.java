package planbot.command;

import static org.assertj.core.api.Assertions.assertThat;
import static planbot.command.SamplePeople.ADA;
import static planbot.command.SamplePeople.LIAM;
import static planbot.command.SamplePeople.MONA;
import static planbot.command.SamplePeople.OLIVIA;
import static planbot.command.SamplePeople.OSCAR;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.domain.AuditEvent;
import planbot.domain.Source;
import planbot.reply.Confirmation;
import planbot.reply.Failure;
import planbot.reply.Listing;
import planbot.reply.Reply;
import planbot.storage.ChannelPurpose;
import planbot.storage.ChatIdentity;
import planbot.testing.TestBot;

/**
 * The admin commands: {@code people link} (admins link a tracker name to a chat account, audited),
 * {@code people unlinked} (leads and up), {@code channel} (admins choose where notices go, audited). They need
 * the chat workspace the command was typed in; a refusal says why and changes nothing.
 */
class AdminCommandsTest {
    static final ChatContext SLACK = new ChatContext("slack", "T0001");

    @TempDir
    Path dir;
    TestBot bot;

    @BeforeEach
    void open() {
        bot = SamplePeople.open(dir).source(Source.SLACK).inChat(SLACK);
    }

    @AfterEach
    void close() {
        bot.close();
    }

    private String refused(String asPerson, String text) {
        Map<String, ?> before = bot.dump();
        Reply reply = bot.send(asPerson, text);
        assertThat(reply).as("%s: %s", asPerson, text).isInstanceOf(Failure.class);
        assertThat(bot.dump()).as("the database after %s: %s", asPerson, text).isEqualTo(before);
        return ((Failure) reply).message();
    }

    // ---- parsing

    @Test
    void givenPeopleLinkWithAQuotedOrPlainName_whenParsed_thenTheNameAndTheMentionAreKeptAsTyped() {
        assertThat(Fixtures.parsed("people link \"HoP\" <@U123|sam>")).isEqualTo(new Command.LinkPerson("HoP", "<@U123|sam>"));
        assertThat(Fixtures.parsed("/plan people link Patsy Dell <@U9>")).isEqualTo(new Command.LinkPerson("Patsy Dell", "<@U9>"));
        assertThat(Fixtures.parsed("people link “HoP” @sam")).isEqualTo(new Command.LinkPerson("HoP", "@sam"));
        assertThat(Fixtures.parsed("people unlinked")).isEqualTo(new Command.Unlinked());
    }

    @Test
    void givenPeopleLinkToAGroupOrWithoutAMention_whenParsed_thenItIsRefusedSayingWhy() {
        assertThat(Fixtures.failed("people link HoP <!channel>").message()).contains("not a group");
        assertThat(Fixtures.failed("people link HoP @here").message()).contains("not a group");
        assertThat(Fixtures.failed("people link HoP sam").message()).contains("mention");
        assertThat(Fixtures.failed("people link <@U1>").message()).contains("name");
        assertThat(Fixtures.failed("people").message()).contains("people link");
    }

    @Test
    void givenChannelCommands_whenParsed_thenThePurposeAndTheChannelMentionAreRead() {
        assertThat(Fixtures.parsed("channel manager <#C0123|planning-managers>"))
                .isEqualTo(new Command.SetChannel(ChannelPurpose.MANAGER, "<#C0123|planning-managers>"));
        assertThat(Fixtures.parsed("channel plan <#C1>")).isEqualTo(new Command.SetChannel(ChannelPurpose.PLAN, "<#C1>"));
        assertThat(Fixtures.parsed("channel")).isEqualTo(new Command.Channels());
        assertThat(Fixtures.failed("channel manager #managers").message()).contains("Mention the channel");
        assertThat(Fixtures.failed("channel lunch <#C1>").message()).contains("plan, manager or admin");
    }

    // ---- people link

    @Test
    void givenAnAdmin_whenTheyLinkANameToAMention_thenThePersonIsFoundByThatAccountAndTheLinkIsAudited() {
        Reply reply = bot.send(ADA, "people link \"" + OLIVIA + "\" <@U42|olivia>");

        assertThat(reply).isInstanceOf(Confirmation.class);
        assertThat(((Confirmation) reply).text()).isEqualTo(OLIVIA + " is now linked to @olivia on slack.");
        assertThat(bot.app().people().findByIdentity(bot.tenant(), new ChatIdentity("slack", "T0001", "U42")))
                .map(p -> p.name()).hasValue(OLIVIA);
        AuditEvent event = bot.audit(OLIVIA).get(0);
        assertThat(event.actor()).isEqualTo(ADA);
        assertThat(event.source()).isEqualTo(Source.SLACK);
        assertThat(event.change()).isEqualTo("linked");
        assertThat(event.after()).isEqualTo("slack T0001/U42");
    }

    @Test
    void givenSomeoneBelowAdmin_whenTheyTryToLink_thenTheyAreRefusedAndNothingChanges() {
        assertThat(refused(MONA, "people link \"" + OLIVIA + "\" <@U42>")).isEqualTo("Only an admin can link chat accounts to people.");
        assertThat(refused(OLIVIA, "people link \"" + OLIVIA + "\" <@U42>")).startsWith("Only an admin");
    }

    @Test
    void givenANameNotInThePlan_whenAnAdminLinksIt_thenTheReplySuggestsTheClosestNameAndNothingChanges() {
        String message = refused(ADA, "people link Olivia Oficer <@U42>");

        assertThat(message).contains("Nobody called `Olivia Oficer`").contains("Did you mean `" + OLIVIA + "`");
    }

    @Test
    void givenAMentionWithNoAccountIdOrNoChatWorkspace_whenAnAdminLinks_thenItIsRefusedAndNothingChanges() {
        assertThat(refused(ADA, "people link \"" + OLIVIA + "\" @olivia")).contains("can't tell which account");
        bot.inChat(null);
        assertThat(refused(ADA, "people link \"" + OLIVIA + "\" <@U42>")).contains("chat workspace");
    }

    @Test
    void givenAnAccountAlreadyLinked_whenLinkedAgain_thenNothingIsWrittenTwice() {
        bot.send(ADA, "people link \"" + OLIVIA + "\" <@U42>");
        Map<String, ?> before = bot.dump();

        Reply again = bot.send(ADA, "people link \"" + OLIVIA + "\" <@U42>");

        assertThat(((Confirmation) again).text()).contains("already linked");
        assertThat(bot.dump()).isEqualTo(before);
    }

    @Test
    void givenALinkedAccount_whenALeadAssignsByMentioningIt_thenTheTaskGoesToThePersonLinkedToIt() {
        bot.send(ADA, "people link \"" + OSCAR + "\" <@U77|oscar>");

        Reply reply = bot.send(LIAM, "assign EN003/01 <@U77|oscar>");

        assertThat(reply).isInstanceOf(Confirmation.class);
        assertThat(bot.task("EN003/01").owner()).isEqualTo(OSCAR);
    }

    // ---- people unlinked

    @Test
    void givenOneLinkedPerson_whenALeadAsksWhoIsUnlinked_thenEveryOtherNameIsListedWithItsRole() {
        bot.send(ADA, "people link \"" + OLIVIA + "\" <@U42>");

        Reply reply = bot.send(LIAM, "people unlinked");

        assertThat(reply).isInstanceOf(Listing.class);
        assertThat(((Listing) reply).lines()).contains(OSCAR + " (officer)", LIAM + " (lead)").noneMatch(l -> l.startsWith(OLIVIA));
    }

    @Test
    void givenAnOfficer_whenTheyAskWhoIsUnlinked_thenTheyAreRefused() {
        assertThat(refused(OLIVIA, "people unlinked")).startsWith("Only a lead");
    }

    // ---- channel

    @Test
    void givenAnAdmin_whenTheySetTheManagerChannel_thenItIsStoredForThisPlatformAndAudited() {
        Reply reply = bot.send(ADA, "channel manager <#C0123|planning-managers>");

        assertThat(((Confirmation) reply).text()).startsWith("The manager channel is now #planning-managers");
        assertThat(bot.app().channels().find(bot.tenant(), "slack", ChannelPurpose.MANAGER)).hasValue("C0123");
        assertThat(bot.app().channels().find(bot.tenant(), "discord", ChannelPurpose.MANAGER)).isEmpty();
        AuditEvent event = bot.audit("slack manager").get(0);
        assertThat(event.entity()).isEqualTo("channel");
        assertThat(event.after()).isEqualTo("C0123");
        assertThat(event.actor()).isEqualTo(ADA);
    }

    @Test
    void givenAnAdminInAChannel_whenTheySetTheManagerChannelWithoutMentioningOne_thenItIsTheChannelTheyTypedIn() {
        // GIVEN an admin typing in a Teams channel
        bot.inChat(new ChatContext("teams", "entra-1", "aad-ada", "19:managers@thread.tacv2"));
        // WHEN they set the manager channel naming none
        Reply reply = bot.send(ADA, "channel manager");
        // THEN it is that channel, on that platform, audited
        assertThat(((Confirmation) reply).text()).startsWith("The manager channel is now this channel");
        assertThat(bot.app().channels().find(bot.tenant(), "teams", ChannelPurpose.MANAGER)).hasValue("19:managers@thread.tacv2");
        assertThat(bot.audit("teams manager").get(0).after()).isEqualTo("19:managers@thread.tacv2");
    }

    @Test
    void givenAnAdminOutsideAnyChannel_whenTheySetAChannelWithoutMentioningOne_thenTheyAreAskedToAndNothingChanges() {
        // GIVEN an admin in a direct chat (no channel); WHEN they set the plan channel naming none; THEN refused
        assertThat(refused(ADA, "channel plan")).isEqualTo("Mention the channel, or run this in the channel.");
    }

    @Test
    void givenAManager_whenTheyTryToSetAChannel_thenTheyAreRefusedAndNothingChanges() {
        assertThat(refused(MONA, "channel admin <#C9>")).isEqualTo("Only an admin can choose channels.");
    }

    @Test
    void givenOneChannelSet_whenAnyoneListsChannels_thenEachPurposeShowsItsChannelOrNotSet() {
        bot.send(ADA, "channel plan <#C7|plans>");

        Reply reply = bot.send(OLIVIA, "channel");

        assertThat(((Listing) reply).lines()).hasSize(3);
        assertThat(((Listing) reply).lines().get(0)).startsWith("plan: #C7");
        assertThat(((Listing) reply).lines().get(1)).startsWith("manager: not set");
    }

    // ---- what waited for set-up

    /** A reminder for {@code name} that the dispatcher held: nobody could be reached for it. */
    private long held(planbot.storage.OutboxRepository outbox, String key, String name) {
        java.time.Instant now = bot.app().clock().instant();
        outbox.enqueue(java.util.List.of(new planbot.storage.OutboxEntry(bot.tenant().id(), key, "OVERDUE", null, "OWNER", name,
                "{}")), now);
        long id = outbox.find(key).orElseThrow().id();
        outbox.claim(10, now, java.time.Duration.ofMinutes(5));
        assertThat(outbox.markHeld(id, name + " has no chat account linked")).isTrue();
        return id;
    }

    @Test
    void givenHeldReminders_whenAnAdminLinksSomeoneOrSetsAChannel_thenWhatWaitedIsDueNow() {
        planbot.storage.OutboxRepository outbox = new planbot.storage.JdbiOutboxRepository(bot.app().database());
        held(outbox, "k1", OLIVIA);
        // WHEN a refused link is tried, THEN nothing is released
        refused(MONA, "people link \"" + OLIVIA + "\" <@U42>");
        assertThat(outbox.find("k1").orElseThrow().state()).isEqualTo(planbot.storage.OutboxMessage.State.HELD);
        // WHEN an admin links Olivia, THEN the held row is NEW and due now
        bot.send(ADA, "people link \"" + OLIVIA + "\" <@U42>");
        assertThat(outbox.find("k1").orElseThrow().state()).isEqualTo(planbot.storage.OutboxMessage.State.NEW);
        assertThat(outbox.find("k1").orElseThrow().nextAttemptAt()).isEqualTo(bot.app().clock().instant());
        // WHEN another row is held and an admin sets the plan channel, THEN it is released too
        held(outbox, "k2", OSCAR);
        bot.send(ADA, "channel plan <#C7|plans>");
        assertThat(outbox.find("k2").orElseThrow().state()).isEqualTo(planbot.storage.OutboxMessage.State.NEW);
    }
}
