package planbot.teams.render;

import static org.assertj.core.api.Assertions.assertThat;
import static planbot.teams.render.CardShape.all;
import static planbot.teams.render.CardShape.content;
import static planbot.teams.render.CardShape.problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import planbot.answer.ButtonValue;
import planbot.delivery.AdminNotice;
import planbot.delivery.Button;
import planbot.delivery.HeldSummary;
import planbot.delivery.Notice;
import planbot.delivery.ReminderGroup;
import planbot.delivery.ReminderNotice;
import planbot.scheduler.reminder.ReminderKind;
import planbot.storage.OutboxRepository.HeldCount;

/** Notices as Teams cards: their shape, their buttons, their size on the longest texts, and text that cannot ping. */
class NoticeCardsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final NoticeCards cards = new NoticeCards();

    @Test
    void aReminderIsACardWithDoneOnTargetAtRiskNewDateAndSnoozeEachCarryingItsTask() throws Exception {
        // WHEN an overdue reminder is rendered
        ObjectNode m = cards.render(Samples.overdue("Draft the policy", "HoP"));

        // THEN it is a valid card that says what is late, in the attention colour
        assertThat(problem(m)).isNull();
        JsonNode card = content(m);
        assertThat(card.path("body").get(0).path("text").asText()).isEqualTo("🔴 Reminder for HoP");
        assertThat(card.path("body").get(1).path("color").asText()).isEqualTo("Attention");
        assertThat(card.toString()).contains("it was due on 01/05/2023, 14 days ago").contains("Draft the policy");
        // AND its buttons: four submits and a New date that opens a date, a reason and its own submit
        JsonNode actions = all(card, "ActionSet").get(0).path("actions");
        List<String> titles = new ArrayList<>();
        actions.forEach(a -> titles.add(a.path("title").asText()));
        assertThat(titles).containsExactly("Done", "On target", "At risk", "New date", "Snooze 1w");
        JsonNode newDate = actions.get(3);
        assertThat(newDate.path("type").asText()).isEqualTo("Action.ShowCard");
        JsonNode form = newDate.path("card").path("body");
        assertThat(form.get(0).path("type").asText()).isEqualTo("Input.Date");
        assertThat(form.get(0).path("id").asText()).isEqualTo("date");
        assertThat(form.get(1).path("type").asText()).isEqualTo("Input.Text");
        assertThat(form.get(1).path("id").asText()).isEqualTo("reason");
        assertThat(form.get(1).path("placeholder").asText()).isEqualTo("why it moved");
        // AND every submit (the New date's inside its card) decodes to this task and reminder with its own choice
        List<Button.Choice> choices = new ArrayList<>();
        for (JsonNode submit : all(card, "Action.Submit")) {
            ButtonValue v = CardAction.decode(submit.path("data")).orElseThrow().button();
            assertThat(v.tenant()).isEqualTo("test-council");
            assertThat(v.taskId()).isEqualTo(42);
            assertThat(v.outboxId()).isEqualTo(17);
            choices.add(v.choice());
        }
        assertThat(choices).containsExactlyInAnyOrder(Button.Choice.values());
        // AND the activity's text says it in one line, for the notification
        assertThat(m.path("text").asText()).isEqualTo("Reminder for HoP: EN003/01 is overdue: it was due on 01/05/2023, 14 days ago. "
                + "Is it done, or does it need a new date?");
    }

    @Test
    void everyReminderKindRendersAsAValidCard() throws Exception {
        for (ReminderKind kind : List.of(ReminderKind.before(14), ReminderKind.DUE_TODAY, ReminderKind.OVERDUE,
                ReminderKind.ESCALATE_LEAD, ReminderKind.ESCALATE_MANAGER, ReminderKind.TBC_NUDGE, ReminderKind.STALE_NUDGE)) {
            ObjectNode m = cards.render(Samples.reminder(1, 2, kind, "EN003/01", "Draft", "HoP"));
            assertThat(problem(m)).as(kind.name()).isNull();
            assertThat(content(m).toString()).as(kind.name()).contains("EN003/01");
        }
    }

    @Test
    void anEscalationNamesWhoseTaskIsLateAndItsLead() throws Exception {
        ObjectNode m = cards.render(Samples.reminder(1, 2, ReminderKind.ESCALATE_LEAD, "EN003/01", "Draft", "Olivia Owner"));
        assertThat(problem(m)).isNull();
        String card = content(m).toString();
        assertThat(card).contains("Escalation for Olivia Owner").contains("owned by Olivia Owner").contains("Patsy Dell")
                .contains("Overdue: escalated to the lead");
    }

    @Test
    void twentyRemindersAtOnceAreOneCardWithASectionAndButtonsForEachTask() throws Exception {
        // GIVEN 20 reminders for one owner, with the longest descriptions the plan has
        ReminderGroup g = Samples.group(20, "x".repeat(20_000));

        // WHEN rendered
        ObjectNode m = cards.render(g);

        // THEN one valid card, under the size limit, with a set of buttons for every task and unique input ids
        assertThat(problem(m)).isNull();
        List<JsonNode> sets = all(content(m), "ActionSet");
        assertThat(sets).hasSize(20);
        Set<Long> tasks = new HashSet<>();
        for (JsonNode set : sets) {
            Set<Long> of = new HashSet<>();
            for (JsonNode submit : all(set, "Action.Submit")) {
                of.add(CardAction.decode(submit.path("data")).orElseThrow().button().taskId());
            }
            assertThat(of).hasSize(1);
            tasks.addAll(of);
        }
        assertThat(tasks).hasSize(20);
        assertThat(content(m).toString()).doesNotContain("more: type");
        assertThat(m.path("text").asText()).startsWith("20 tasks need you today, HoP");
    }

    @Test
    void twoHundredRemindersFitAndTheRestAreNamedByRefWithTheCommandToSeeThem() throws Exception {
        ObjectNode m = cards.render(Samples.group(200, "Review the enforcement policy and report to committee"));

        assertThat(problem(m)).isNull();
        int shown = all(content(m), "ActionSet").size();
        assertThat(shown).isBetween(20, 199);
        JsonNode body = content(m).path("body");
        String last = body.get(body.size() - 1).path("text").asText();
        assertThat(last).startsWith("and " + (200 - shown) + " more: type \"status REF\" to see one: ");
        // the first task not shown is named (the group is ordered overdue first, so take it from the rendered order)
        ReminderGroup g = Samples.group(200, "x");
        assertThat(last).contains(g.reminders().get(shown).taskRef());
    }

    @Test
    void aTitleThatTriesToMentionOrLinkShowsAsTypedAndMentionsNobody() throws Exception {
        // GIVEN a reminder whose description and owner are everything that could ping or link in Teams
        ObjectNode m = cards.render(Samples.overdue(Samples.HOSTILE, Samples.HOSTILE));

        // THEN no mention entity anywhere; the card shows <at> and @General as typed, the link syntax escaped
        assertThat(problem(m)).isNull();
        String card = content(m).toString();
        assertThat(m.toString()).doesNotContain("\"entities\"").doesNotContain("\"mention\"");
        assertThat(card).contains("<at>Sam</at> @General @channel @everyone \\\\[click\\\\](https://evil.example) \\\\*\\\\*loud\\\\*\\\\*");
        assertThat(card).doesNotContain("[click](");
        // AND the activity's text, which Teams reads as HTML, has the tags escaped
        String text = m.path("text").asText();
        assertThat(text).contains("&lt;at&gt;Sam&lt;/at&gt;").doesNotContain("<at>").doesNotContain("<b>");
    }

    @Test
    void theLongestTextsStillMakeACardWithinTheLimit() throws Exception {
        String huge = "é".repeat(50_000);
        ReminderNotice r = new ReminderNotice(17, "rem:1", ReminderKind.OVERDUE, huge, huge, huge, null, null, 3, huge, huge,
                huge, null, Button.forReminder(3), "test-council", 42);
        ObjectNode m = cards.render(r);
        assertThat(problem(m)).isNull();
        assertThat(all(content(m), "ActionSet")).hasSize(1);
        assertThat(problem(cards.outcome(r, huge, false))).isNull();
        assertThat(problem(cards.render(new AdminNotice(3, "dead:2", "rem:1", huge, huge, 4)))).isNull();
    }

    @Test
    void afterAClickTheCardShowsTheOutcomeAndKeepsItsButtonsOnlyWhileTheTaskIsOpen() throws Exception {
        ReminderNotice r = Samples.overdue("Draft the policy", "HoP");

        ObjectNode open = cards.outcome(r, "Sam set it At risk", false);
        assertThat(problem(open)).isNull();
        JsonNode body = content(open).path("body");
        assertThat(body.get(body.size() - 1).path("text").asText()).isEqualTo("✓ Sam set it At risk");
        assertThat(all(content(open), "ActionSet")).hasSize(1);

        ObjectNode done = cards.outcome(r, "Sam marked it done", true);
        assertThat(problem(done)).isNull();
        assertThat(all(content(done), "ActionSet")).isEmpty();
        assertThat(all(content(done), "Action.Submit")).isEmpty();
        assertThat(content(done).toString()).contains("Draft the policy").contains("✓ Sam marked it done");

        ObjectNode groupDone = cards.outcome(Samples.group(3, "x"), "All answered", true);
        assertThat(problem(groupDone)).isNull();
        assertThat(all(content(groupDone), "ActionSet")).isEmpty();
    }

    @Test
    void aDigestCarriesItsChartInTheCardAsAPngDataUri() throws Exception {
        ObjectNode m = cards.render(Samples.digestNotice(Samples.digest(12, 8, 5, 3, "Review the policy")));

        assertThat(problem(m)).isNull();
        List<JsonNode> images = all(content(m), "Image");
        assertThat(images).hasSize(1);
        assertThat(images.get(0).path("url").asText()).startsWith("data:image/png;base64,iVBOR");
        String card = content(m).toString();
        assertThat(card).contains("📊 Weekly digest: all plans").contains("**Overdue (12)**").contains("and 2 more")
                .contains("**Due in the next 14 days (8)**").contains("**Completed (5)**").contains("**Slipped (3)**")
                .contains("Quiet Quentin").contains("**Target date TBC (1)**").doesNotContain(DigestCard.CHART_LEFT_OUT);
    }

    @Test
    void aChartTooBigForTheMessageIsShrunkOrLeftOutWithALineSayingSo() throws Exception {
        // GIVEN a chart of noise, which no PNG compresses: 200 KB at full size, still too big at half
        ObjectNode m = cards.render(Samples.digestNotice(Samples.digest(200, 200, 200, 200, "x".repeat(500)), noise(600, 300)));

        // THEN the digest goes out within the limit, without the image and saying so
        assertThat(problem(m)).isNull();
        assertThat(all(content(m), "Image")).isEmpty();
        assertThat(content(m).toString()).contains(DigestCard.CHART_LEFT_OUT).contains("and 190 more");
    }

    @Test
    void aChartThatFitsOnlyWhenShrunkGoesInShrunk() throws Exception {
        // GIVEN a chart of 100x100 noise: about 30 KB, more than a card can hold, but not at 70% of its size
        byte[] big = noise(100, 100);
        assertThat(big.length).isGreaterThan(CardShape.MAX_BYTES);

        // WHEN a small digest is rendered with it
        ObjectNode m = cards.render(Samples.digestNotice(Samples.digest(1, 0, 0, 0, "Review"), big));

        // THEN the card carries the chart, redrawn smaller, and stays within the limit
        assertThat(problem(m)).isNull();
        List<JsonNode> images = all(content(m), "Image");
        assertThat(images).hasSize(1);
        String url = images.get(0).path("url").asText();
        byte[] sent = java.util.Base64.getDecoder().decode(url.substring("data:image/png;base64,".length()));
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(sent)).getWidth()).isEqualTo(70);
        // AND bytes that are not a PNG are never sent as one
        ObjectNode notPng = cards.render(Samples.digestNotice(Samples.digest(1, 0, 0, 0, "Review"), new byte[] {1, 2, 3}));
        assertThat(all(content(notPng), "Image")).isEmpty();
        assertThat(content(notPng).toString()).contains(DigestCard.CHART_LEFT_OUT);
    }

    @Test
    void adminNoticesAndHeldSummariesArePlainCards() throws Exception {
        List<Notice> notices = List.of(
                new AdminNotice(3, "dead:2", "rem:1", "the OVERDUE reminder about EN003/01 for HoP", "the user is gone", 4),
                new HeldSummary(4, "held:t:2023-05-15", List.of(new HeldCount("OWNER", "HoP", "no chat account", 3),
                        new HeldCount("MANAGER_CHANNEL", null, "no channel", 1))));
        for (Notice n : notices) {
            ObjectNode m = cards.render(n);
            assertThat(problem(m)).isNull();
            assertThat(all(content(m), "ActionSet")).isEmpty();
            assertThat(content(m).path("body").get(0).path("text").asText()).startsWith("⚠️ For the admin");
        }
        assertThat(content(cards.render(notices.get(1))).toString()).contains("/plan people link");
    }

    /** A PNG of random pixels: incompressible. */
    static byte[] noise(int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(1);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, random.nextInt(0xFFFFFF));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
