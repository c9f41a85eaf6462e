package planbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.delivery.ChatRouting;
import planbot.delivery.Recipient;
import planbot.delivery.Undeliverable;
import planbot.domain.Role;
import planbot.reply.Confirmation;
import planbot.reply.Failure;
import planbot.reply.Listing;
import planbot.storage.ChatIdentity;
import planbot.storage.OutboxEntry;
import planbot.testing.PlanEdits;
import planbot.testing.TestBot;

/**
 * One person linked on two platforms of one council: {@code me} says where their reminders go, {@code me reminders X}
 * chooses (audited), and the routing follows the choice; without one, reminders follow them to where they last used
 * planbot.
 */
class MeCommandTest {
    @TempDir
    Path dir;
    TestBot bot;

    @BeforeEach
    void start() {
        // GIVEN Olivia, owner of EN003/01, linked on Slack and then on Discord
        bot = TestBot.start(dir).importPlan(PlanEdits.sample().owner("EN003/01", "Olivia").plan()).person("Olivia", Role.OFFICER);
        bot.app().people().link(bot.tenant(), "Olivia", new ChatIdentity("slack", "T1", "U0OLIVIA"));
        bot.app().people().link(bot.tenant(), "Olivia", new ChatIdentity("discord", "G1", "4242"));
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    Recipient route() throws Undeliverable {
        ChatRouting routing = new ChatRouting(bot.app().people(), bot.app().channels(), List.of("slack", "discord"));
        return routing.route(bot.tenant(), new OutboxEntry(bot.tenant().id(), "k", "OVERDUE", null, "OWNER", "Olivia", "{}"));
    }

    @Test
    void meSaysWhereRemindersGoAndChoosingAPlatformIsAuditedAndFollowed() throws Undeliverable {
        // THEN with no choice her reminders go where she was linked last
        assertThat(bot.sendText("Olivia", "me")).contains("Your reminders go to discord (where you last used planbot)")
                .contains("slack: U0OLIVIA").contains("discord: 4242");
        assertThat(route().platform()).isEqualTo("discord");
        // WHEN she chooses Slack
        assertThat(bot.send("Olivia", "me reminders Slack")).isInstanceOf(Confirmation.class)
                .extracting(r -> ((Confirmation) r).text()).isEqualTo("Your reminders now go to slack.");
        // THEN they go there, `me` says so, and the audit trail has it
        assertThat(route()).isEqualTo(new Recipient("slack", "U0OLIVIA", "Olivia"));
        assertThat(bot.sendText("Olivia", "me")).contains("Your reminders go to slack (you chose it)");
        assertThat(bot.audit("Olivia")).anySatisfy(e -> {
            assertThat(e.change()).isEqualTo("reminders platform");
            assertThat(e.before()).isEqualTo("auto");
            assertThat(e.after()).isEqualTo("slack");
        });
        // AND `auto` goes back to following her
        assertThat(bot.send("Olivia", "me reminders auto")).isInstanceOf(Confirmation.class);
        assertThat(route().platform()).isEqualTo("discord");
    }

    @Test
    void aPlatformSheIsNotLinkedOnAGuestOrGarbageChangeNothing() {
        // WHEN refused choices are made THEN nothing is stored
        var before = bot.dump();
        assertThat(bot.send("Olivia", "me reminders teams")).isInstanceOf(Failure.class)
                .extracting(r -> ((Failure) r).message()).asString().startsWith("You have no teams account linked");
        assertThat(bot.sendAsGuest("someone", "me reminders slack")).isInstanceOf(Failure.class)
                .extracting(r -> ((Failure) r).message()).asString().startsWith("You are not linked to anyone in the plan");
        assertThat(bot.send("Olivia", "me reminders fax")).isInstanceOf(Failure.class)
                .extracting(r -> ((Failure) r).message()).asString().contains("I don't know the platform `fax`");
        assertThat(bot.send("Olivia", "me please")).isInstanceOf(Failure.class);
        assertThat(bot.dump()).isEqualTo(before);
        // AND choosing what is already chosen writes nothing either
        assertThat(bot.send("Olivia", "me reminders slack")).isInstanceOf(Confirmation.class);
        var chosen = bot.dump();
        assertThat(bot.send("Olivia", "me reminders slack")).isInstanceOf(Confirmation.class)
                .extracting(r -> ((Confirmation) r).text()).asString().endsWith("nothing to change.");
        assertThat(bot.dump()).isEqualTo(chosen);
        assertThat(bot.send("Olivia", "me")).isInstanceOf(Listing.class);
    }
}
