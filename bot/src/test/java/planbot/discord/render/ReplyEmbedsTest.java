package planbot.discord.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import planbot.answer.ButtonValue;
import planbot.domain.Rag;
import planbot.domain.Status;
import planbot.reply.ActionCard;
import planbot.reply.Confirmation;
import planbot.reply.DigestReply;
import planbot.reply.Failure;
import planbot.reply.HelpReply;
import planbot.reply.HistoryLine;
import planbot.reply.HistoryReply;
import planbot.reply.LinkReply;
import planbot.reply.Listing;
import planbot.reply.Question;
import planbot.reply.Reply;
import planbot.reply.TaskCard;
import planbot.reply.TaskList;
import planbot.reply.TaskView;

/** Replies as Discord embeds: every type within every limit, coloured by RAG, cut or split with "and N more", never pinging. */
class ReplyEmbedsTest {
    final ReplyEmbeds embeds = new ReplyEmbeds(Samples.LONDON);

    /** One reply of every type, user text {@code text} everywhere it can go, lists {@code n} long. */
    static List<Reply> everyReply(String text, int n) {
        List<TaskView> tasks = new ArrayList<>();
        List<HistoryLine> history = new ArrayList<>();
        List<HelpReply.Entry> help = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tasks.add(Samples.task(i, Rag.values()[i % Rag.values().length], text, text));
            history.add(new HistoryLine(Instant.parse("2023-05-15T10:00:00Z"), text, "discord", text));
            help.add(new HelpReply.Entry("status REF " + text, text));
            lines.add(text);
        }
        TaskView one = new TaskView("EN003/01", "EN003", text, text, text, Status.of("At risk"), Rag.AMBER,
                null, text, text, 0, 42);
        return List.of(new TaskCard(one, history), new ActionCard("EN003", text, text, text, Status.of("On target"), text, tasks),
                new TaskList(text, tasks, n * 3, "Nothing is overdue."), new TaskList("Overdue", List.of(), 0, text),
                new HistoryReply("EN003/01", text, history), new HistoryReply("EN003/01", text, List.of()),
                new Confirmation(text, one, text), new Confirmation(text, null, null, false),
                new Failure(text, List.of(text, text)), Failure.ours(), new HelpReply(text, help),
                new Question(text, List.of(new Question.Choice("Yes", "note EN003/01 x"), new Question.Choice("No", "no"))),
                new DigestReply(Samples.digest(n, text, text)), new Listing(text, lines, text), new Listing(text, List.of(), text),
                new LinkReply(text, java.net.URI.create("https://planbot.council.example/signin/a_b-c"), "Open planbot"));
    }

    @Test
    void everyReplyTypeRendersWithinDiscordsLimits() {
        for (Reply reply : everyReply("Draft the enforcement policy", 5)) {
            ObjectNode body = embeds.render(reply);
            assertThat(DiscordShape.problems(body)).as(reply.getClass().getSimpleName()).isEmpty();
            assertThat(body.path("embeds").size()).as(reply.getClass().getSimpleName()).isGreaterThan(0);
        }
    }

    @Test
    void hostileTenThousandCharacterTextInEveryReplyStaysWithinLimitsEscapedAndPingsNobody() {
        // GIVEN 10,000 characters of mentions, markdown and links wherever a reply carries user text, in long lists
        for (Reply reply : everyReply(Samples.huge(), 60)) {
            // WHEN it is rendered as one message and as several
            List<ObjectNode> bodies = new ArrayList<>(embeds.renderAll(reply));
            bodies.add(embeds.render(reply));

            for (ObjectNode body : bodies) {
                String what = reply.getClass().getSimpleName();
                // THEN each is a message Discord takes, with no mention left to render
                assertThat(DiscordShape.problems(body)).as(what).isEmpty();
                assertThat(DiscordShape.mentions(body)).as(what).isEmpty();
                // AND the markdown shows as typed, not formatted
                String text = DiscordShape.markdown(body);
                assertThat(text).as(what).doesNotContain("**loud**").doesNotContain("[click](").doesNotContainPattern("[a-z]://");
            }
        }
    }

    @Test
    void aTaskIsAnEmbedColouredByItsRagWithItsFactsAsFields() {
        TaskView red = Samples.task(1, Rag.RED, "Draft the policy", "Olivia");

        ObjectNode body = embeds.render(new TaskCard(red, List.of()));

        JsonNode embed = body.path("embeds").get(0);
        assertThat(embed.path("color").asInt()).isEqualTo(0xED4245);
        assertThat(embed.path("title").asText()).isEqualTo("🔴 EN003/01 · Delayed (3 days late)");
        assertThat(embed.path("description").asText()).isEqualTo("Draft the policy");
        List<String> names = new ArrayList<>();
        embed.path("fields").forEach(f -> names.add(f.path("name").asText() + "=" + f.path("value").asText()));
        assertThat(names).containsExactly("Action=ENFORCEMENT 003 — PLANNING ENFORCEMENT", "Owner=Olivia",
                "Target date=30/06/2023", "Status=Delayed (3 days late)",
                "Notes=15/05/2023 Sam: called legal\n16/05/2023 Sam: waiting");
        for (Rag rag : new Rag[] {Rag.AMBER, Rag.GREEN, Rag.BLUE}) {
            int color = embeds.render(new TaskCard(Samples.task(1, rag, "x", null), List.of())).path("embeds").get(0)
                    .path("color").asInt();
            assertThat(color).as(rag.name()).isEqualTo(ReplyEmbeds.color(rag));
        }
        assertThat(List.of(ReplyEmbeds.color(Rag.RED), ReplyEmbeds.color(Rag.AMBER), ReplyEmbeds.color(Rag.GREEN),
                ReplyEmbeds.color(Rag.BLUE))).doesNotHaveDuplicates();
    }

    @Test
    void lookupsAreEphemeralAndChangesAreForTheChannel() {
        assertThat(ReplyEmbeds.flags(new TaskList("Overdue", List.of(), 0, "none"))).isEqualTo(ReplyEmbeds.EPHEMERAL);
        assertThat(ReplyEmbeds.flags(Failure.of("No such task"))).isEqualTo(64);
        assertThat(ReplyEmbeds.flags(new Confirmation("Marked done", null, null))).isZero();
        assertThat(ReplyEmbeds.flags(new Confirmation("You are an admin now", null, null, false))).isEqualTo(64);
    }

    @Test
    void aLongListIsCutWithAndNMoreInOneMessageAndSplitAcrossSeveral() {
        // GIVEN a list of 400 tasks out of 1,000 that matched
        List<TaskView> tasks = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            tasks.add(Samples.task(i, Rag.RED, "A task whose description takes a line of its own in the list", "HoP"));
        }
        TaskList list = new TaskList("Overdue", tasks, 1000, "Nothing is overdue.");

        // WHEN it is rendered as one message
        ObjectNode one = embeds.render(list);

        // THEN it shows what fits and says how many more, which add up to all that matched
        assertThat(DiscordShape.problems(one)).isEmpty();
        int shown = count(one, "🔴 \\*\\*");
        assertThat(shown).isGreaterThan(10);
        assertThat(more(one)).isEqualTo(1000 - shown);

        // WHEN it is rendered as several messages
        List<ObjectNode> all = embeds.renderAll(list);

        // THEN there are several, each within the limits, showing more tasks, the last saying how many more
        assertThat(all).hasSizeBetween(2, ReplyEmbeds.MAX_MESSAGES);
        int shownInAll = 0;
        for (ObjectNode body : all) {
            assertThat(DiscordShape.problems(body)).isEmpty();
            shownInAll += count(body, "🔴 \\*\\*");
        }
        assertThat(shownInAll).isGreaterThan(shown);
        assertThat(more(all.get(all.size() - 1))).isEqualTo(1000 - shownInAll);
    }

    @Test
    void theNoteQuestionHasYesAndNoButtonsWhenTheNoteFits() {
        Question q = new Question("Add \"called legal\" as a note on EN003/01?",
                List.of(new Question.Choice("Yes", "note EN003/01 called legal"), new Question.Choice("No", "no")));
        ButtonValue yes = ButtonValue.note("west-lancs", 42, "called legal");

        ObjectNode body = embeds.noteQuestion(q, yes);

        assertThat(DiscordShape.problems(body)).isEmpty();
        JsonNode buttons = body.path("components").get(0).path("components");
        assertThat(buttons.get(0).path("label").asText()).isEqualTo("Yes, add the note");
        assertThat(ComponentIds.decode(buttons.get(0).path("custom_id").asText())).contains(yes);
        assertThat(buttons.get(1).path("custom_id").asText()).isEqualTo(ComponentIds.NO);
        assertThat(body.path("embeds").get(0).path("description").asText())
                .isEqualTo("Add \"called legal\" as a note on EN003/01?");
    }

    @Test
    void aNoteTooLongForACustomIdGetsNoButtonButSaysWhatToType() {
        String note = Samples.huge();
        Question q = new Question("Add this as a note on EN003/01? " + note, List.of(new Question.Choice("Yes", "x")));

        ObjectNode body = embeds.noteQuestion(q, ButtonValue.note("west-lancs", 42, note));

        assertThat(DiscordShape.problems(body)).isEmpty();
        assertThat(DiscordShape.mentions(body)).isEmpty();
        assertThat(body.path("components").size()).isZero();
        assertThat(body.path("embeds").get(0).path("footer").path("text").asText()).contains("/plan note");
    }

    @Test
    void aFailureOnOurSideSaysOnlyTheGenericSentence() {
        ObjectNode body = embeds.render(Failure.ours());

        assertThat(body.path("embeds").get(0).path("description").asText()).isEqualTo(DiscordText.escape(Failure.GENERIC));
        assertThat(body.path("embeds").get(0).path("color").asInt()).isEqualTo(ReplyEmbeds.color(Rag.RED));
    }

    private static int count(JsonNode body, String regex) {
        Matcher m = Pattern.compile(regex).matcher(DiscordShape.text(body));
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** N of the "… and N more" a body ends with. */
    private static int more(JsonNode body) {
        Matcher m = Pattern.compile("… and (\\d+) more").matcher(DiscordShape.text(body));
        int n = -1;
        while (m.find()) {
            n = Integer.parseInt(m.group(1));
        }
        return n;
    }
}
