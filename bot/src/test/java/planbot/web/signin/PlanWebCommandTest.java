package planbot.web.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.model.block.SectionBlock;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.App;
import planbot.access.SignInLinks;
import planbot.access.SignInLinks.Outcome;
import planbot.command.CommandParser;
import planbot.domain.AuditEvent;
import planbot.domain.Role;
import planbot.domain.Source;
import planbot.reply.Failure;
import planbot.reply.LinkReply;
import planbot.reply.PlainTextRenderer;
import planbot.reply.Reply;
import planbot.testing.TestBot;

/**
 * {@code web} in chat, on the console (the neutral core, as every platform runs it), and how each platform's renderer
 * shows the link: exactly as issued, never through markup escaping (a token's {@code _} would become {@code \_}).
 */
class PlanWebCommandTest {
    /** A link whose token has the characters markup escaping would touch. */
    static final URI TRICKY = URI.create("https://planbot.council.example/signin/ab_cd-ef_gh*ij");

    @TempDir
    Path dir;

    @Test
    void aPersonAsksOnTheConsoleAndGetsAPrivateLinkThatSignsThemIn() {
        try (TestBot bot = TestBot.start(dir).person("Olivia", Role.OFFICER)) {
            // WHEN Olivia types web (the /plan of chat is optional)
            Reply reply = bot.send("Olivia", "web");
            // THEN she alone gets a link to this server's sign-in page
            assertThat(reply).isInstanceOf(LinkReply.class);
            assertThat(reply.visibleToChannel()).isFalse();
            URI link = ((LinkReply) reply).url();
            assertThat(link.toString()).startsWith("http://localhost:7070/signin/");
            // AND the console shows it whole, on a line of its own
            assertThat(bot.render(reply)).contains("\n  " + link + "\n").contains("15 minutes");
            // AND it works, once, for her; issuing it is audited from the console
            String token = link.getPath().substring(SignInLinks.PATH.length());
            assertThat(bot.app().signInLinks().redeem(token).outcome()).isEqualTo(Outcome.OK);
            assertThat(bot.app().signInLinks().redeem(token).outcome()).isEqualTo(Outcome.USED);
            assertThat(bot.audit("Olivia")).extracting(AuditEvent::change, AuditEvent::source)
                    .contains(org.assertj.core.groups.Tuple.tuple("web-link", Source.CONSOLE));
        }
    }

    @Test
    void aGuestIsToldAnAdminMustLinkThemFirst_andNothingIsStored() {
        try (TestBot bot = TestBot.start(dir).person("Olivia", Role.OFFICER)) {
            var before = bot.dump();
            Reply reply = bot.sendAsGuest("stranger", "/plan web");
            assertThat(reply).isInstanceOf(Failure.class);
            assertThat(reply.visibleToChannel()).isFalse();
            assertThat(bot.render(reply)).contains("an admin must link your account first");
            assertThat(bot.dump()).isEqualTo(before);
        }
    }

    @Test
    void webTakesNoArguments() {
        try (TestBot bot = TestBot.start(dir).person("Olivia", Role.OFFICER)) {
            var before = bot.dump();
            assertThat(bot.send("Olivia", "web please")).isInstanceOf(Failure.class);
            assertThat(bot.dump()).isEqualTo(before);
        }
    }

    @Test
    void theLinkIsNotMangledByAnyRenderer() {
        LinkReply reply = new LinkReply("Your link, for you alone.", TRICKY, "Open planbot");
        // plain text (the console, every platform's fallback): the URL on its own line
        assertThat(new PlainTextRenderer(App.ZONE).render(reply)).contains("\n  " + TRICKY + "\n");
        // Slack: <url|label>, the URL as issued
        String slack = ((SectionBlock) new planbot.slack.render.ReplyBlocks(App.ZONE).render(reply).blocks().get(0)).getText().getText();
        assertThat(slack).contains("<" + TRICKY + "|Open planbot>");
        // Teams: an Action.OpenUrl whose url is the URL as issued
        ObjectNode teams = new planbot.teams.render.ReplyCards(App.ZONE).render(reply);
        assertThat(teams.findValues("url")).extracting(n -> n.asText()).contains(TRICKY.toString());
        assertThat(teams.path("text").asText()).doesNotContain("signin");
        // Discord: a masked link with the URL as issued
        ObjectNode discord = new planbot.discord.render.ReplyEmbeds(App.ZONE).render(reply);
        assertThat(discord.toString()).contains("](" + TRICKY + ")");
    }
}
