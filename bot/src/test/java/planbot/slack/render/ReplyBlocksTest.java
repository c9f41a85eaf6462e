package planbot.slack.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import planbot.App;
import planbot.domain.PlanDate;
import planbot.domain.Rag;
import planbot.domain.Status;
import planbot.reply.Confirmation;
import planbot.reply.DigestReply;
import planbot.reply.Failure;
import planbot.reply.Listing;
import planbot.reply.TaskList;
import planbot.reply.TaskView;
import planbot.scheduler.digest.Digest;
import planbot.slack.fake.FakeSlack;

/** Replies as Block Kit: Slack's limits kept whatever the size, RAG shown, user text escaped. */
class ReplyBlocksTest {
    final ReplyBlocks blocks = new ReplyBlocks(App.ZONE);

    static TaskView task(int i, String description) {
        return new TaskView(String.format("GEN%06d/01", i), "GEN" + i, "GENERAL " + i, "SECTION", description,
                Status.of("At risk"), Rag.AMBER, PlanDate.of(LocalDate.of(2025, 1, 1)), "Officer <" + i + ">", null, 0);
    }

    static String text(LayoutBlock b) {
        if (b instanceof SectionBlock) {
            return ((SectionBlock) b).getText().getText();
        }
        if (b instanceof ContextBlock) {
            return ((MarkdownTextObject) ((ContextBlock) b).getElements().get(0)).getText();
        }
        return "";
    }

    @Test
    void aHugeListKeepsToFiftyBlocksOf3000CharsAndSaysHowManyMore() {
        // GIVEN 2,000 tasks with long descriptions, of 5,000 that matched
        List<TaskView> tasks = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            tasks.add(task(i, "x".repeat(300)));
        }
        SlackMessage m = blocks.render(new TaskList("Overdue", tasks, 5000, "Nothing is overdue."));
        // THEN the message keeps Slack's limits and ends saying how many were left out
        assertThat(m.blocks()).hasSizeLessThanOrEqualTo(50);
        assertThat(m.blocks()).allSatisfy(b -> assertThat(text(b).length()).isLessThanOrEqualTo(3000));
        String last = text(m.blocks().get(m.blocks().size() - 1));
        assertThat(last).startsWith("… and ").endsWith(" more");
        int more = Integer.parseInt(last.replaceAll("\\D", ""));
        long shown = m.blocks().stream().mapToLong(b -> text(b).split(":large_orange_circle:", -1).length - 1).sum();
        assertThat(shown + more).isEqualTo(5000);
    }

    @Test
    void aShortListShowsEveryTaskWithItsColourAndEscapedOwner() {
        SlackMessage m = blocks.render(new TaskList("Due soon", List.of(task(1, "call <!here> & legal")), 1, "none"));
        String all = text(m.blocks().get(0));
        assertThat(all).contains(":large_orange_circle:").contains("`GEN000001/01`").contains("Officer &lt;1&gt;")
                .contains("call &lt;!here&gt; &amp; legal");
        assertThat(m.text()).isEqualTo("Due soon (1)");
    }

    @Test
    void aFailureShowsItsReasonAndSuggestions() {
        SlackMessage m = blocks.render(new Failure("No task EN03/9.", List.of("EN003/01", "EN003/02")));
        assertThat(text(m.blocks().get(0))).isEqualTo(":x: No task EN03/9.\nDid you mean: `EN003/01`, `EN003/02`?");
    }

    @Test
    void aConfirmationShowsTheTaskAndTheAuditLine() {
        SlackMessage m = blocks.render(new Confirmation("EN003/01 is now Completed.", task(3, "d"), "status At risk → Completed"));
        assertThat(text(m.blocks().get(0))).startsWith(":white_check_mark: EN003/01 is now Completed.\n:large_orange_circle:");
        assertThat(text(m.blocks().get(1))).isEqualTo("Recorded: status At risk → Completed");
    }

    @Test
    void aListingShowsItsLinesEscapedOrSaysItIsEmpty() {
        SlackMessage m = blocks.render(new Listing("Not linked on Slack", List.of("HoP", "R&D <lead>"), "Everyone is linked."));
        assertThat(text(m.blocks().get(0))).contains("*Not linked on Slack*").contains("HoP").contains("R&amp;D &lt;lead&gt;");
        SlackMessage empty = blocks.render(new Listing("Not linked on Slack", List.of(), "Everyone is linked."));
        assertThat(text(empty.blocks().get(0))).isEqualTo("*Not linked on Slack*\nEveryone is linked.");
    }

    @Test
    void theDigestPreviewHasTheBlocksOfThePostedDigestUnderAPreviewHeader() throws Exception {
        // GIVEN a digest of 200 tasks, as the Monday post renders it
        Digest digest = NoticeBlocksTest.digest(80, 60, 40, 20);
        List<SlackMessage> posted = new NoticeBlocks().digest(NoticeBlocksTest.notice(digest));
        assertThat(posted).hasSize(1);

        // WHEN it is previewed
        SlackMessage preview = blocks.render(new DigestReply(digest));

        // THEN Slack would take it, and below the header it is block for block the posted digest
        JsonNode shown = NoticeBlocksTest.json(preview);
        JsonNode post = NoticeBlocksTest.json(posted.get(0));
        assertThat(FakeSlack.checkBlocks(shown, 50)).isNull();
        assertThat(shown.get(0).path("text").path("text").asText()).isEqualTo("📊 Digest preview: all plans");
        assertThat(shown.size()).isEqualTo(post.size());
        for (int i = 1; i < post.size(); i++) {
            assertThat(shown.get(i)).as("block " + i).isEqualTo(post.get(i));
        }
        assertThat(preview.text()).isEqualTo("Digest preview: all plans");
    }

    @Test
    void aDigestPostedInSeveralPartsIsPreviewedAsItsFirstPartSayingHowManyFollow() throws Exception {
        // GIVEN a digest so long that it is posted in several messages
        Digest digest = NoticeBlocksTest.digest(5000, 0, 0, 0);
        List<SlackMessage> posted = new NoticeBlocks().digest(NoticeBlocksTest.notice(digest));
        assertThat(posted).hasSizeGreaterThan(2);

        // WHEN it is previewed
        SlackMessage preview = blocks.render(new DigestReply(digest));

        // THEN the answer is one message within Slack's limits, ending with how many messages the post goes on in
        JsonNode shown = NoticeBlocksTest.json(preview);
        assertThat(FakeSlack.checkBlocks(shown, 50)).isNull();
        assertThat(shown.size()).isEqualTo(50);
        assertThat(text(preview.blocks().get(49)))
                .isEqualTo("… the posted digest goes on in " + (posted.size() - 1) + " more messages");
        assertThat(shown.get(1)).isEqualTo(NoticeBlocksTest.json(posted.get(0)).get(1));
    }
}
