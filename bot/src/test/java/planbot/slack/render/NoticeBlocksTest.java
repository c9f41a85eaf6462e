package planbot.slack.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.util.json.GsonFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import planbot.delivery.AdminNotice;
import planbot.delivery.Button;
import planbot.delivery.DigestNotice;
import planbot.delivery.ReminderGroup;
import planbot.delivery.ReminderNotice;
import planbot.domain.PlanDate;
import planbot.domain.Rag;
import planbot.domain.Status;
import planbot.scheduler.digest.Digest;
import planbot.scheduler.digest.DigestScope;
import planbot.scheduler.reminder.ReminderKind;
import planbot.answer.ButtonValue;
import planbot.slack.fake.FakeSlack;

/** Notices as Block Kit: the JSON Slack receives, its shape, its escaping and its limits. */
public class NoticeBlocksTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final String PING = "<!channel> @here <@U123> &";

    final NoticeBlocks blocks = new NoticeBlocks();

    static ReminderNotice reminder(String description, String owner) {
        return new ReminderNotice(17, "rem:1:42:OVERDUE:2023-05-15", ReminderKind.OVERDUE, "EN003/01", description,
                "ENFORCEMENT 003", PlanDate.of(LocalDate.of(2023, 5, 1)), LocalDate.of(2023, 5, 1), 14, owner, owner,
                null, null, Button.forReminder(7), "test-council", 42);
    }

    /** The blocks as the SDK sends them. */
    static JsonNode json(SlackMessage m) throws Exception {
        return JSON.readTree(GsonFactory.createSnakeCase().toJson(m.blocks()));
    }

    @Test
    void aReminderIsACardWithFiveButtonsCarryingWhatAClickNeeds() throws Exception {
        // WHEN an overdue reminder is rendered
        SlackMessage m = blocks.reminder(reminder("Draft the policy", "HoP"));
        JsonNode b = json(m);

        // THEN it is a valid card: header, kind and message, fields, description, buttons
        assertThat(FakeSlack.checkBlocks(b, 50)).isNull();
        assertThat(b.get(0).path("type").asText()).isEqualTo("header");
        assertThat(b.get(0).path("text").path("text").asText()).isEqualTo("🔴 Reminder for HoP");
        assertThat(b.get(1).path("text").path("text").asText()).startsWith("*Overdue*").contains("`EN003/01`")
                .contains("it was due on 01/05/2023, 14 days ago");
        assertThat(b.get(2).path("fields").toString()).contains("ENFORCEMENT 003").contains("01/05/2023").contains("HoP");
        assertThat(b.get(3).path("text").path("text").asText()).isEqualTo(">Draft the policy");
        JsonNode actions = b.get(4);
        assertThat(actions.path("type").asText()).isEqualTo("actions");
        List<String> ids = new ArrayList<>();
        for (JsonNode e : actions.get("elements")) {
            ids.add(e.path("action_id").asText());
            ButtonValue v = ButtonValue.decode(e.path("value").asText()).orElseThrow();
            assertThat(v.tenant()).isEqualTo("test-council");
            assertThat(v.taskId()).isEqualTo(42);
            assertThat(v.outboxId()).isEqualTo(17);
            assertThat(ButtonValue.actionId(v.choice())).isEqualTo(e.path("action_id").asText());
        }
        assertThat(ids).containsExactly("reminder_done", "reminder_on_target", "reminder_at_risk", "reminder_new_date",
                "reminder_snooze");
        // AND a plain fallback text says the same
        assertThat(m.text()).isEqualTo("Reminder for HoP: EN003/01 is overdue: it was due on 01/05/2023, 14 days ago. "
                + "Is it done, or does it need a new date?");
    }

    @Test
    void severalRemindersAreOneMessageWhoseButtonsEachCarryTheirOwnTaskAndUserTextCannotPing() throws Exception {
        // GIVEN HoP's overdue reminder and one due today about another task, whose description tries to ping
        ReminderNotice today = new ReminderNotice(18, "rem:1:43:DUE_TODAY:2023-05-15", ReminderKind.DUE_TODAY, "EN003/02",
                PING, "ENFORCEMENT 003", PlanDate.of(LocalDate.of(2023, 5, 15)), LocalDate.of(2023, 5, 15), 0, "HoP", "HoP",
                null, null, Button.forReminder(7), "test-council", 43);
        // WHEN they are rendered as one message
        SlackMessage m = blocks.group(ReminderGroup.of(List.of(today, reminder("x".repeat(10_000), "HoP"))));
        JsonNode b = json(m);

        // THEN a header, then per task its section (overdue first, descriptions cut) and its own buttons
        assertThat(FakeSlack.checkBlocks(b, 50)).isNull();
        assertThat(b).hasSize(5);
        assertThat(b.get(0).path("text").path("text").asText()).isEqualTo("🔔 2 tasks need you today, HoP");
        assertThat(b.get(1).path("text").path("text").asText()).startsWith("🔴 *Overdue*").contains("`EN003/01`")
                .hasSizeLessThan(600);
        assertThat(b.get(3).path("text").path("text").asText()).startsWith("🟠 *Due today*").contains("`EN003/02`");
        List<Long> tasks = new ArrayList<>();
        for (int i : new int[] {2, 4}) {
            assertThat(b.get(i).path("type").asText()).isEqualTo("actions");
            Set<Long> of = new HashSet<>();
            for (JsonNode e : b.get(i).get("elements")) {
                of.add(ButtonValue.decode(e.path("value").asText()).orElseThrow().taskId());
            }
            assertThat(of).hasSize(1);
            tasks.addAll(of);
        }
        assertThat(tasks).containsExactly(42L, 43L);
        assertThat(b.toString() + m.text()).doesNotContain("<!channel>").doesNotContain("<@U123>");
        assertThat(m.text()).isEqualTo("2 tasks need you today, HoP: Overdue: EN003/01. Due today: EN003/02.");
    }

    @Test
    void userTextCannotPingAnywhereInTheCard() throws Exception {
        // GIVEN a description and an owner that try to ping everyone
        SlackMessage m = blocks.reminder(reminder(PING, PING));

        // THEN nowhere in the blocks or the fallback is there a mention Slack would act on
        String all = json(m).toString() + m.text();
        assertThat(all).doesNotContain("<!channel>").doesNotContain("<@U123>").doesNotContain("<!")
                .contains("&lt;!channel&gt; @here &lt;@U123&gt; &amp;");
    }

    @Test
    void hugeUserTextIsCutToEachFieldsLimit() throws Exception {
        SlackMessage m = blocks.reminder(reminder("x".repeat(10_000), "O".repeat(500)));
        JsonNode b = json(m);
        assertThat(FakeSlack.checkBlocks(b, 50)).isNull();
        assertThat(b.get(0).path("text").path("text").asText()).hasSizeLessThanOrEqualTo(150).endsWith("…");
        assertThat(b.get(3).path("text").path("text").asText()).hasSize(3000);
    }

    @Test
    void anAdminNoticeIsOneSectionWithItsHeadingAndText() throws Exception {
        SlackMessage m = blocks.admin(new AdminNotice(3, "dead:2", "rem:1", "the OVERDUE reminder about EN003/01 for HoP",
                "channel_not_found: the channel is gone", 4));
        JsonNode b = json(m);
        assertThat(b).hasSize(1);
        assertThat(b.get(0).path("text").path("text").asText()).startsWith(":warning: *For the admin")
                .contains("I could not deliver the OVERDUE reminder about EN003/01 for HoP");
    }

    // ---- digests

    static Digest.Item item(int n, String owner) {
        return new Digest.Item("Plan", "PLANNING", "EN001", String.format("EN001/%03d", n), "Task number " + n + " & more",
                owner, Status.of("On target"), PlanDate.of(LocalDate.of(2023, 5, 1)));
    }

    /** A digest with this many tasks in each list (and a silent owner and a TBC task). */
    public static Digest digest(int overdue, int dueSoon, int completed, int slipped) {
        ZonedDateTime to = ZonedDateTime.of(2023, 5, 15, 9, 0, 0, 0, LONDON);
        List<Digest.Overdue> o = new ArrayList<>();
        List<Digest.Due> d = new ArrayList<>();
        List<Digest.Done> c = new ArrayList<>();
        List<Digest.Slip> s = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < overdue; i++) {
            o.add(new Digest.Overdue(item(++n, "Owner " + (n % 7)), 1 + i % 30));
        }
        for (int i = 0; i < dueSoon; i++) {
            d.add(new Digest.Due(item(++n, "Owner " + (n % 7)), i % 14));
        }
        for (int i = 0; i < completed; i++) {
            c.add(new Digest.Done(item(++n, null), Instant.parse("2023-05-12T10:00:00Z")));
        }
        for (int i = 0; i < slipped; i++) {
            s.add(new Digest.Slip(item(++n, PING), PlanDate.of(LocalDate.of(2023, 4, 1)), PlanDate.of(LocalDate.of(2023, 6, 1)),
                    1, 3, Instant.parse("2023-05-12T10:00:00Z")));
        }
        int total = overdue + dueSoon + completed + slipped;
        Digest.Counts counts = new Digest.Counts(total, Map.of(Rag.RED, overdue, Rag.GREEN, dueSoon + slipped, Rag.BLUE, completed),
                Map.of("On target", total));
        return new Digest(DigestScope.all("test-council"), new Digest.Period(to.minusDays(7), to), Duration.ofDays(28), counts,
                List.of(), o, d, c, s, List.of(new Digest.SilentOwner("Quiet Quentin", 3, Instant.parse("2023-03-01T10:00:00Z"), 75)),
                List.of(item(999, "Tbc Owner")));
    }

    public static DigestNotice notice(Digest d) {
        return new DigestNotice(9, "dig:test-council:slack:C1:2023-W20", "slack:C1", d, new byte[] {1, 2, 3});
    }

    @Test
    void aTwoHundredTaskDigestKeepsEveryLimitAndListsEveryTask() throws Exception {
        // GIVEN a digest of 200 tasks across its lists
        List<SlackMessage> messages = blocks.digest(notice(digest(80, 60, 40, 20)));

        // THEN every message is valid Block Kit, and together they list every task
        StringBuilder all = new StringBuilder();
        for (SlackMessage m : messages) {
            JsonNode b = json(m);
            assertThat(FakeSlack.checkBlocks(b, 50)).isNull();
            assertThat(b.size()).isLessThanOrEqualTo(50);
            for (JsonNode block : b) {
                assertThat(block.path("text").path("text").asText().length()).isLessThanOrEqualTo(3000);
            }
            all.append(b);
        }
        for (int n = 1; n <= 200; n++) {
            assertThat(all).contains(String.format("`EN001/%03d`", n));
        }
        JsonNode first = json(messages.get(0));
        assertThat(first.get(0).path("text").path("text").asText()).isEqualTo("📊 Weekly digest: all plans");
        assertThat(all).contains("*Overdue (80)*").contains("*Due in the next 14 days (60)*").contains("*Completed (40)*")
                .contains("*Slipped (20)*").contains("slipped 3 times").contains("Quiet Quentin").contains("*Target date TBC (1)*")
                .contains("Task number 1 &amp; more").doesNotContain("<!channel>");
        assertThat(messages.get(0).text()).startsWith("Weekly digest: all plans: 80 overdue, 60 due soon");
    }

    @Test
    void aDigestTooBigForOneMessageContinuesInTheNext() throws Exception {
        // GIVEN so many overdue tasks that their sections pass 50 blocks
        List<SlackMessage> messages = blocks.digest(notice(digest(3000, 0, 0, 0)));

        // THEN it is split, each part within the limits and saying it continues
        assertThat(messages).hasSizeGreaterThan(1);
        for (int i = 0; i < messages.size(); i++) {
            JsonNode b = json(messages.get(i));
            assertThat(FakeSlack.checkBlocks(b, 50)).as("part " + (i + 1)).isNull();
            if (i > 0) {
                assertThat(b.get(0).path("type").asText()).isEqualTo("context");
                assertThat(messages.get(i).text()).contains("(continued, part " + (i + 1) + ")");
            }
        }
        StringBuilder all = new StringBuilder();
        for (SlackMessage m : messages) {
            all.append(json(m));
        }
        assertThat(all).contains("`EN001/001`").contains("`EN001/3000`");
    }

    @Test
    void aQuietWeekSaysSo() throws Exception {
        List<SlackMessage> messages = blocks.digest(notice(new Digest(DigestScope.all("t"),
                new Digest.Period(ZonedDateTime.of(2023, 5, 8, 9, 0, 0, 0, LONDON), ZonedDateTime.of(2023, 5, 15, 9, 0, 0, 0, LONDON)),
                Duration.ofDays(28), new Digest.Counts(0, Map.of(), Map.of()), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of())));
        assertThat(messages).hasSize(1);
        assertThat(json(messages.get(0)).toString()).contains("*A quiet week.*");
        assertThat(messages.get(0).text()).contains(Digest.QUIET_TEXT);
    }
}
