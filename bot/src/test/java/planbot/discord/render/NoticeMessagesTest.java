package planbot.discord.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import planbot.answer.ButtonValue;
import planbot.delivery.AdminNotice;
import planbot.delivery.Button;
import planbot.delivery.DigestNotice;
import planbot.delivery.HeldSummary;
import planbot.delivery.Notice;
import planbot.delivery.ReminderGroup;
import planbot.delivery.ReminderNotice;
import planbot.domain.Rag;
import planbot.scheduler.reminder.ReminderKind;
import planbot.storage.OutboxRepository.HeldCount;

/** Notices as Discord messages: buttons, select menus for big groups, the digest's chart, the limits, and no pings. */
class NoticeMessagesTest {
    static final List<ReminderKind> KINDS = List.of(ReminderKind.before(14), ReminderKind.DUE_TODAY, ReminderKind.OVERDUE,
            ReminderKind.ESCALATE_LEAD, ReminderKind.ESCALATE_MANAGER, ReminderKind.TBC_NUDGE, ReminderKind.STALE_NUDGE);
    final NoticeMessages messages = new NoticeMessages();

    @Test
    void aReminderHasOneRowOfDoneOnTargetAtRiskNewDateAndSnoozeEachCarryingItsTask() {
        // WHEN an overdue reminder is rendered
        List<ObjectNode> bodies = messages.render(Samples.overdue("Draft the policy", "HoP"));

        // THEN it is one message Discord takes, headed for its reader, red, saying what is late
        assertThat(bodies).hasSize(1);
        ObjectNode m = bodies.get(0);
        assertThat(DiscordShape.problems(m)).isEmpty();
        assertThat(m.path("content").asText()).isEqualTo("🔔 Reminder for HoP");
        JsonNode embed = m.path("embeds").get(0);
        assertThat(embed.path("color").asInt()).isEqualTo(ReplyEmbeds.color(Rag.RED));
        assertThat(embed.path("title").asText()).isEqualTo("🔴 Overdue · EN003/01");
        assertThat(embed.path("description").asText()).contains("it was due on 01/05/2023, 14 days ago").contains("Draft the policy");
        // AND one action row of five buttons, each decoding to this task and reminder with its own choice
        assertThat(m.path("components").size()).isEqualTo(1);
        JsonNode row = m.path("components").get(0).path("components");
        List<String> labels = new ArrayList<>();
        List<Button.Choice> choices = new ArrayList<>();
        for (JsonNode b : row) {
            labels.add(b.path("label").asText());
            ButtonValue v = ComponentIds.decode(b.path("custom_id").asText()).orElseThrow();
            assertThat(v.tenant()).isEqualTo("test-council");
            assertThat(v.taskId()).isEqualTo(42);
            assertThat(v.outboxId()).isEqualTo(17);
            choices.add(v.choice());
        }
        assertThat(labels).containsExactly("Done", "On target", "At risk", "New date", "Snooze 1w");
        assertThat(choices).containsExactly(Button.Choice.values());
    }

    @Test
    void everyReminderKindRendersWithinTheLimitsAndAnEscalationNamesWhoIsLate() {
        for (ReminderKind kind : KINDS) {
            ObjectNode m = messages.render(Samples.reminder(1, 2, kind, "EN003/01", "Draft", "Olivia Owner", "test-council")).get(0);
            assertThat(DiscordShape.problems(m)).as(kind.name()).isEmpty();
        }
        ObjectNode escalation = messages.render(
                Samples.reminder(1, 2, ReminderKind.ESCALATE_LEAD, "EN003/01", "Draft", "Olivia Owner", "test-council")).get(0);
        assertThat(escalation.path("content").asText()).startsWith("🔔 Escalation for");
        List<String> fields = new ArrayList<>();
        escalation.path("embeds").get(0).path("fields").forEach(f -> fields.add(f.path("name").asText() + "=" + f.path("value").asText()));
        assertThat(fields).contains("Owner=Olivia Owner", "Lead=Patsy Dell", "Late=14 days");
        assertThat(escalation.path("embeds").get(0).path("description").asText()).contains("owned by Olivia Owner");
    }

    @Test
    void aGroupOfFourHasARowOfButtonsPerTaskNamingItsRef() {
        ReminderGroup g = Samples.group(4, "Draft the policy");

        ObjectNode m = messages.render(g).get(0);

        assertThat(DiscordShape.problems(m)).isEmpty();
        JsonNode rows = m.path("components");
        assertThat(rows.size()).isEqualTo(4);
        for (int i = 0; i < 4; i++) {
            ReminderNotice r = g.reminders().get(i);
            JsonNode row = rows.get(i).path("components");
            assertThat(row.size()).isEqualTo(5);
            assertThat(row.get(0).path("label").asText()).isEqualTo(r.taskRef() + ": Done");
            for (JsonNode b : row) {
                ButtonValue v = ComponentIds.decode(b.path("custom_id").asText()).orElseThrow();
                assertThat(v.taskId()).isEqualTo(r.taskId());
                assertThat(v.outboxId()).isEqualTo(r.outboxId());
            }
        }
        assertThat(m.path("content").asText()).isEqualTo("🔔 4 tasks need you today, HoP");
    }

    @Test
    void aGroupOfTwentyFiveIsOneMessageWithOneSelectMenuOfEveryTask() {
        // GIVEN 25 reminders at once
        ReminderGroup g = Samples.group(25, "Draft the policy");

        // WHEN they are rendered
        List<ObjectNode> bodies = messages.render(g);

        // THEN one message within the limits, listing every task, with one select menu of all 25
        assertThat(bodies).hasSize(1);
        ObjectNode m = bodies.get(0);
        assertThat(DiscordShape.problems(m)).isEmpty();
        assertThat(m.path("components").size()).isEqualTo(1);
        JsonNode select = m.path("components").get(0).path("components").get(0);
        assertThat(select.path("type").asInt()).isEqualTo(3);
        assertThat(select.path("options").size()).isEqualTo(25);
        // AND each option reads as its reminder's task and outbox row, in the group's order
        for (int i = 0; i < 25; i++) {
            ReminderNotice r = g.reminders().get(i);
            JsonNode option = select.path("options").get(i);
            assertThat(option.path("label").asText()).startsWith(r.taskRef() + " · ");
            ButtonValue v = ComponentIds.decode(option.path("value").asText(), "test-council").orElseThrow();
            assertThat(v.taskId()).isEqualTo(r.taskId());
            assertThat(v.outboxId()).isEqualTo(r.outboxId());
        }
        String text = DiscordShape.text(m);
        g.reminders().forEach(r -> assertThat(text).contains(r.taskRef()));
    }

    @Test
    void aGroupOfTwoHundredFillsFiveMenusAndNamesTheRestByRef() {
        // GIVEN 200 reminders at once
        ReminderGroup g = Samples.group(200, "Draft the policy for the whole of the district, with the legal team");

        // WHEN they are rendered
        ObjectNode m = messages.render(g).get(0);

        // THEN one message within the limits: five select menus of 25, each option unique in the message
        assertThat(DiscordShape.problems(m)).isEmpty();
        assertThat(m.path("components").size()).isEqualTo(5);
        Set<Long> inMenus = new HashSet<>();
        for (JsonNode row : m.path("components")) {
            JsonNode select = row.path("components").get(0);
            assertThat(select.path("options").size()).isEqualTo(25);
            select.path("options").forEach(o -> inMenus.add(
                    ComponentIds.decode(o.path("value").asText()).orElseThrow().taskId()));
        }
        assertThat(inMenus).hasSize(125);
        // AND the lines it could not show are counted, and the tasks beyond the menus named by ref
        JsonNode embed = m.path("embeds").get(m.path("embeds").size() - 1);
        assertThat(embed.path("description").asText()).containsPattern("… and \\d+ more: see /plan mine$");
        String footer = embed.path("footer").path("text").asText();
        assertThat(footer).startsWith("Not in the menus (75), answer with /plan update: ")
                .contains(g.reminders().get(125).taskRef());
    }

    @Test
    void hostileTitlesInRemindersAndGroupsStayWithinLimitsAndPingNobody() {
        String huge = Samples.huge();
        List<Notice> notices = new ArrayList<>();
        for (ReminderKind kind : KINDS) {
            notices.add(Samples.reminder(1, 2, kind, huge.substring(0, 300), huge, huge, "test-council"));
        }
        List<ReminderNotice> hostile = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            hostile.add(Samples.reminder(100 + i, 200 + i, ReminderKind.OVERDUE, "EN" + i + " <@123> @everyone", huge, huge,
                    "test-council"));
        }
        notices.add(ReminderGroup.of(hostile));
        notices.add(ReminderGroup.of(hostile.subList(0, 3)));
        notices.add(new AdminNotice(5, "dead:17", "rem:1", huge, huge, 5));
        notices.add(Samples.digestNotice(Samples.digest(40, huge, huge)));

        for (Notice n : notices) {
            for (ObjectNode m : messages.render(n)) {
                String what = n.getClass().getSimpleName();
                assertThat(DiscordShape.problems(m)).as(what).isEmpty();
                assertThat(DiscordShape.mentions(m)).as(what).isEmpty();
                assertThat(DiscordShape.markdown(m)).as(what).doesNotContain("**loud**").doesNotContain("[click](")
                        .doesNotContainPattern("[a-z]://");
            }
        }
    }

    @Test
    void theDigestShowsItsChartAsTheAttachedFile() {
        DigestNotice d = Samples.digestNotice(Samples.digest(3, "Draft the policy", "HoP"));

        ObjectNode m = messages.render(d).get(0);

        assertThat(DiscordShape.problems(m)).isEmpty();
        assertThat(m.path("attachments").get(0).path("id").asInt()).isZero();
        assertThat(m.path("attachments").get(0).path("filename").asText()).isEqualTo(NoticeMessages.CHART_FILE);
        JsonNode embed = m.path("embeds").get(0);
        assertThat(embed.path("image").path("url").asText()).isEqualTo("attachment://digest-chart.png");
        assertThat(embed.path("title").asText()).isEqualTo("📊 Weekly digest: all plans");
        List<String> names = new ArrayList<>();
        embed.path("fields").forEach(f -> names.add(f.path("name").asText()));
        assertThat(names).contains("Overdue (3)", "Completed (3)", "Slipped (3)", "Target date TBC (3)");
    }

    @Test
    void aDigestWithoutAChartHasNoAttachment() {
        DigestNotice d = new DigestNotice(9, "dig:x", "discord:1", Samples.digest(1, "x", "HoP"), new byte[0]);

        ObjectNode m = messages.render(d).get(0);

        assertThat(m.has("attachments")).isFalse();
        assertThat(m.path("embeds").get(0).has("image")).isFalse();
    }

    @Test
    void adminNoticesAndHeldSummariesArePlainEmbeds() {
        List<Notice> notices = List.of(new AdminNotice(5, "dead:17", "rem:1", "the OVERDUE reminder about EN003/01 for HoP",
                        "Discord refused it: unknown channel", 5),
                new HeldSummary(4, "held:t:2023-05-15", List.of(new HeldCount("OWNER", "HoP", "no chat account", 3),
                        new HeldCount("MANAGER_CHANNEL", null, "no channel", 1))));
        for (Notice n : notices) {
            ObjectNode m = messages.render(n).get(0);
            assertThat(DiscordShape.problems(m)).isEmpty();
            assertThat(m.path("components").size()).isZero();
            JsonNode embed = m.path("embeds").get(0);
            assertThat(DiscordShape.shown(embed.path("title").asText())).isEqualTo("⚠️ " + n.heading());
            assertThat(embed.path("color").asInt()).isEqualTo(ReplyEmbeds.color(Rag.AMBER));
            assertThat(DiscordShape.shown(embed.path("description").asText())).isEqualTo(n.text());
        }
    }

    @Test
    void anOutcomeRedrawsTheReminderWithItAndTakesTheButtonsOffOnceFinished() {
        ReminderNotice r = Samples.overdue("Draft the policy", "HoP");

        ObjectNode open = messages.outcome(r, "✓ Sam: marked at risk (15/05/2023 10:00)", false);
        ObjectNode done = messages.outcome(r, "✓ Sam: marked done (15/05/2023 10:00)", true);

        assertThat(DiscordShape.problems(open)).isEmpty();
        assertThat(DiscordShape.shown(open.path("content").asText()))
                .isEqualTo("🔔 Reminder for HoP\n✓ Sam: marked at risk (15/05/2023 10:00)");
        assertThat(open.path("components").size()).isEqualTo(1);
        assertThat(DiscordShape.problems(done)).isEmpty();
        assertThat(done.path("components").size()).isZero();
        assertThat(done.path("content").asText()).contains("Sam: marked done");
        assertThat(done.path("embeds").get(0).path("title").asText()).isEqualTo("🔴 Overdue · EN003/01");
    }

    @Test
    void aFinishedGroupLosesItsMenusAndAnOpenOneKeepsThem() {
        ReminderGroup g = Samples.group(25, "Draft");

        assertThat(messages.outcome(g, "✓ Sam: marked done", true).path("components").size()).isZero();
        ObjectNode open = messages.outcome(g, "✓ Sam: marked done", false);
        assertThat(open.path("components").size()).isEqualTo(1);
        assertThat(DiscordShape.problems(open)).isEmpty();
    }

    @Test
    void anOutcomeTypedWithMentionsPingsNobody() {
        ObjectNode m = messages.outcome(Samples.overdue("Draft", "HoP"), "✓ @everyone <@123>: marked done", true);

        assertThat(DiscordShape.mentions(m)).isEmpty();
        assertThat(DiscordShape.problems(m)).isEmpty();
    }
}
