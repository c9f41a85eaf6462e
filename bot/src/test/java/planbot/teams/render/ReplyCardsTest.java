package planbot.teams.render;

import static org.assertj.core.api.Assertions.assertThat;
import static planbot.teams.render.CardShape.all;
import static planbot.teams.render.CardShape.content;
import static planbot.teams.render.CardShape.problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

/** Replies as Teams cards: every type valid, RAG colours, lists cut to the size limit, text that cannot ping. */
class ReplyCardsTest {
    final ReplyCards cards = new ReplyCards(Samples.LONDON);

    static HistoryLine line(String what) {
        return new HistoryLine(Instant.parse("2023-05-15T08:30:00Z"), "Sam", "teams", what);
    }

    static List<Reply> everyReply(String text, int tasks) {
        List<TaskView> views = new ArrayList<>();
        List<HistoryLine> lines = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            views.add(Samples.task(i, Rag.values()[i % Rag.values().length], text, text));
            lines.add(line(text));
        }
        TaskView red = Samples.task(1, Rag.RED, text, text);
        return List.of(new TaskCard(red, lines),
                new ActionCard("EN003", "ENFORCEMENT 003", text, text, Status.of("In progress"), text, views),
                new TaskList("Overdue", views, tasks * 2, "Nothing is overdue."),
                new TaskList("Overdue", List.of(), 0, "Nothing is overdue."),
                new HistoryReply("EN003/01", "History of EN003/01", lines),
                new HistoryReply("EN003/01", "History of EN003/01", List.of()),
                new Confirmation("EN003/01 is now At risk", red, "Sam set EN003/01 to At risk: " + text),
                Failure.of(text), new Failure("I can't find " + text, List.of("EN003/01", "EN003/02")), Failure.ours(),
                new HelpReply("Commands", List.of(new HelpReply.Entry("status <ref>", "card for an action"),
                        new HelpReply.Entry("list [section|mine|overdue]", text))),
                new Question("Add this as a note on EN003/01? " + text, List.of(new Question.Choice("Yes, add the note", "note x"),
                        new Question.Choice("No", "cancel"))),
                new DigestReply(Samples.digest(tasks, tasks, tasks, tasks, text)),
                new Listing("Unlinked people", List.of(text, "HoP"), "Everyone is linked."),
                new Listing("Unlinked people", List.of(), "Everyone is linked."),
                new LinkReply(text, java.net.URI.create("https://planbot.council.example/signin/a_b-c"), "Open planbot"));
    }

    @Test
    void everyReplyTypeRendersToAValidCard() throws Exception {
        for (Reply reply : everyReply("Draft the enforcement policy", 5)) {
            ObjectNode m = cards.render(reply);
            assertThat(problem(m)).as(reply.getClass().getSimpleName()).isNull();
            assertThat(m.path("text").asText()).as(reply.getClass().getSimpleName()).isNotBlank().doesNotContain("\n");
        }
    }

    @Test
    void everyReplyTypeStaysWithinTheLimitWithThePlansLongestTexts() throws Exception {
        for (Reply reply : everyReply("Ł".repeat(30_000), 300)) {
            assertThat(problem(cards.render(reply))).as(reply.getClass().getSimpleName()).isNull();
        }
    }

    @Test
    void aTaskShowsItsRagColourFactsNotesAndRecentHistory() throws Exception {
        ObjectNode m = cards.render(new TaskCard(Samples.task(1, Rag.RED, "Draft the policy", "Olivia"),
                List.of(line("set the status to Delayed"))));
        JsonNode first = content(m).path("body").get(0);
        assertThat(first.path("text").asText()).isEqualTo("🔴 **EN003/01** · Delayed (3 days late) · due 30/06/2023 · Olivia");
        assertThat(first.path("color").asText()).isEqualTo("Attention");
        String card = content(m).toString();
        assertThat(card).contains("ENFORCEMENT 003 — PLANNING ENFORCEMENT").contains("called legal\\n\\n16/05/2023")
                .contains("**Recent**").contains("15/05/2023 09:30 · Sam (teams): set the status to Delayed");
        assertThat(m.path("text").asText()).startsWith("EN003/01 \\[RED, 3 days late\\] Delayed — due 30/06/2023 — Olivia");
    }

    @Test
    void aLongListIsCutWithHowManyMore() throws Exception {
        List<TaskView> views = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            views.add(Samples.task(i, Rag.GREEN, "Review the enforcement policy and report to committee", "HoP"));
        }
        ObjectNode m = cards.render(new TaskList("Your open tasks", views, 2500, "Nothing."));
        assertThat(problem(m)).isNull();
        JsonNode body = content(m).path("body");
        int shown = body.size() - 2;
        assertThat(body.get(0).path("text").asText()).isEqualTo("**Your open tasks (2500)**");
        assertThat(body.get(1).path("color").asText()).isEqualTo("Good");
        assertThat(body.get(body.size() - 1).path("text").asText()).isEqualTo("… and " + (2500 - shown) + " more");
    }

    @Test
    void aFailureSaysItsReasonAndSuggestionsPlainly() throws Exception {
        ObjectNode m = cards.render(new Failure("I can't find ENF999.", List.of("ENF009", "ENF099")));
        JsonNode body = content(m).path("body");
        assertThat(body.get(0).path("text").asText()).isEqualTo("❌ I can't find ENF999.");
        assertThat(body.get(0).path("color").asText()).isEqualTo("Attention");
        assertThat(body.get(1).path("text").asText()).isEqualTo("Did you mean: ENF009, ENF099?");
        assertThat(m.path("text").asText()).isEqualTo("✗ I can't find ENF999.");
    }

    @Test
    void userTextCannotMentionLinkOrMarkUpAnything() throws Exception {
        for (Reply reply : everyReply(Samples.HOSTILE, 3)) {
            ObjectNode m = cards.render(reply);
            String name = reply.getClass().getSimpleName();
            assertThat(m.toString()).as(name).doesNotContain("\"entities\"").doesNotContain("[click](");
            assertThat(m.path("text").asText()).as(name).doesNotContain("<at>").doesNotContain("<b>");
        }
        ObjectNode m = cards.render(Failure.of(Samples.HOSTILE));
        assertThat(content(m).path("body").get(0).path("text").asText())
                .isEqualTo("❌ <at>Sam</at> @General @channel @everyone \\[click\\](https://evil.example) \\*\\*loud\\*\\* & <b>x</b>");
        assertThat(m.path("text").asText()).isEqualTo("✗ &lt;at&gt;Sam&lt;/at&gt; @General @channel @everyone "
                + "\\[click\\](https://evil.example) \\*\\*loud\\*\\* &amp; &lt;b&gt;x&lt;/b&gt;");
    }

    @Test
    void aNoteQuestionHasYesAndNoButtonsThatDecode() throws Exception {
        Question q = new Question("Add this as a note on EN003/01? \"called legal\"", List.of());
        ObjectNode m = cards.noteQuestion(q, ButtonValue.note("test-council", 42, "called legal"));
        assertThat(problem(m)).isNull();
        List<JsonNode> submits = all(content(m), "Action.Submit");
        assertThat(submits).hasSize(2);
        ButtonValue yes = CardAction.decode(submits.get(0).path("data")).orElseThrow().button();
        assertThat(yes.note()).isEqualTo("called legal");
        assertThat(yes.taskId()).isEqualTo(42);
        assertThat(CardAction.decode(submits.get(1).path("data"))).isEmpty();
        assertThat(CardAction.declined(submits.get(1).path("data"))).isTrue();
        assertThat(CardAction.declined(submits.get(0).path("data"))).isFalse();

        // a note too long for a button gets none, and says what to type
        ObjectNode tooLong = cards.noteQuestion(q, ButtonValue.note("test-council", 42, "x".repeat(3000)));
        assertThat(problem(tooLong)).isNull();
        assertThat(all(content(tooLong), "Action.Submit")).isEmpty();
        assertThat(content(tooLong).toString()).contains("too long for a button");
    }

    @Test
    void theDigestPreviewHasThePostedDigestsCardUnderAPreviewHeaderWithoutAChart() throws Exception {
        ObjectNode m = cards.render(new DigestReply(Samples.digest(3, 2, 1, 0, "Review")));
        assertThat(problem(m)).isNull();
        assertThat(content(m).path("body").get(0).path("text").asText()).isEqualTo("📊 Digest preview: all plans");
        assertThat(all(content(m), "Image")).isEmpty();
        assertThat(content(m).toString()).contains("**Overdue (3)**").doesNotContain(DigestCard.CHART_LEFT_OUT);
    }

    @Test
    void theSizeGuardCountsUtf8BytesAsEncodingWouldWithoutEncoding() {
        for (String text : new String[] {"", "EN003/01 status", "café · réunion", "漢字の計画", "🔴 overdue 😀😀", "a\u0000b"}) {
            assertThat(Cards.Size.utf8Length(text)).as(text)
                    .isEqualTo(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        }
    }
}
