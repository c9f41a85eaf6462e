package planbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.answer.ButtonValue;
import planbot.answer.TaskAnswerService;
import planbot.delivery.Button;
import planbot.discord.fake.FakeDiscord;
import planbot.discord.interact.Interactions;
import planbot.discord.render.ComponentIds;
import planbot.domain.AuditEvent;
import planbot.domain.Source;
import planbot.testing.TestBot;

/**
 * Discord's HTTP interactions end to end: signed interactions from a {@link FakeDiscord} POSTed to the real
 * {@code /discord/interactions} of a real App on SQLite, the initial response read from the HTTP answer.
 */
class DiscordInteractionsTest {
    @TempDir
    Path dir;
    DiscordFixture f;

    @BeforeEach
    void start() throws Exception {
        f = DiscordFixture.start(dir);
    }

    @AfterEach
    void stop() {
        try {
            // every initial response, edit and follow-up planbot gave kept Discord's contract
            assertThat(f.discord.violations()).isEmpty();
        } finally {
            f.close();
        }
    }

    private ObjectNode slash(FakeDiscord.User who, FakeDiscord.Channel where, String sub, String... options) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < options.length; i += 2) {
            o.put(options[i], options[i + 1]);
        }
        return f.discord.slashCommand(who, where, sub, o);
    }

    private static boolean ephemeral(JsonNode response) {
        return (response.path("data").path("flags").asInt() & 64) != 0;
    }

    @Test
    void givenForgedSignatures_whenInteractionsArrive_thenEachIs401AndNothingChanges() throws Exception {
        f.bindGuild();
        Map<String, ?> before = f.bot.dump();
        for (FakeDiscord.Forgery forgery : List.of(FakeDiscord.Forgery.MUTATED_BODY, FakeDiscord.Forgery.STALE_TIMESTAMP,
                FakeDiscord.Forgery.WRONG_KEY, FakeDiscord.Forgery.NO_HEADERS)) {
            // WHEN Olivia's "/plan update EN003/01 completed" arrives forged
            FakeDiscord.Delivery d = f.discord.deliver(f.endpoint(),
                    slash(f.olivia, f.planChannel, "update", "ref", "EN003/01", "status", "completed"), forgery);
            // THEN it is refused and nothing is changed
            assertThat(d.status()).as(forgery.name()).isEqualTo(401);
        }
        assertThat(f.bot.task("EN003/01").status().word()).isNotEqualTo("Completed");
        assertThat(f.bot.dump()).isEqualTo(before);
    }

    @Test
    void givenAGenuineSignedUpdate_whenItArrives_thenTheSameRequestUnforgedTakesEffect() throws Exception {
        // the control for the forgeries above: the same interaction, signed genuinely, is accepted
        JsonNode r = f.respond(slash(f.olivia, f.planChannel, "update", "ref", "EN003/01", "status", "completed"));
        assertThat(r.path("type").asInt()).isEqualTo(4);
        assertThat(f.bot.task("EN003/01").status().word()).isEqualTo("Completed");
    }

    @Test
    void givenDiscordCheckingTheEndpoint_whenAPingArrives_thenPong() throws Exception {
        FakeDiscord.Delivery d = f.deliver(f.discord.ping());
        assertThat(d.status()).isEqualTo(200);
        assertThat(d.json().toString()).isEqualTo("{\"type\":1}");
    }

    @Test
    void givenPlanStatus_whenOliviaAsksInAChannel_thenAnEmbedOnlySheSees() throws Exception {
        JsonNode r = f.respond(slash(f.olivia, f.planChannel, "status", "ref", "EN003/01"));
        assertThat(r.path("type").asInt()).isEqualTo(4);
        assertThat(ephemeral(r)).isTrue();
        assertThat(r.path("data").path("embeds").toString()).contains("EN003/01");
        assertThat(r.path("data").path("allowed_mentions").path("parse")).isEmpty();
    }

    @Test
    void givenPlanUpdate_whenOliviaChangesHerTask_thenTheChannelSeesItAndItIsAuditedFromDiscord() throws Exception {
        JsonNode r = f.respond(slash(f.olivia, f.planChannel, "update", "ref", "EN003/01", "status", "at risk",
                "note", "waiting on legal"));
        assertThat(r.path("type").asInt()).isEqualTo(4);
        assertThat(ephemeral(r)).isFalse();
        assertThat(f.bot.task("EN003/01").status().word()).isEqualTo("At risk");
        AuditEvent last = lastAudit("EN003/01");
        assertThat(last.source()).isEqualTo(Source.DISCORD);
        assertThat(last.actor()).isEqualTo(DiscordFixture.OLIVIA);
    }

    @Test
    void givenAStalledDatabase_whenAChangeArrives_thenItIsDeferredInTimeAndTheAnswerFollowsAsAnEdit() throws Exception {
        f.bindGuild();
        // GIVEN another writer holding SQLite's write lock for 3 s (busy_timeout is 5 s)
        Thread holder = new Thread(() -> f.bot.app().database().transaction(() -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        holder.start();
        Thread.sleep(200);
        // WHEN Olivia updates her task
        ObjectNode update = slash(f.olivia, f.planChannel, "update", "ref", "EN003/01", "status", "completed");
        long t0 = System.nanoTime();
        JsonNode r = f.respond(update);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        // THEN Discord gets a deferral within its 3 s, public as the change will be
        assertThat(took).isLessThan(Duration.ofMillis(2900));
        assertThat(r.path("type").asInt()).isEqualTo(5);
        assertThat(ephemeral(r)).isFalse();
        // AND the answer follows as an edit of the original response, once the database is free
        ObjectNode original = f.discord.awaitOriginal(update.path("id").asText(),
                o -> !o.path("interaction_pending").asBoolean(true), DiscordFixture.WAIT);
        assertThat(original.toString()).contains("EN003/01");
        holder.join();
        assertThat(f.bot.task("EN003/01").status().word()).isEqualTo("Completed");
        assertThat(f.discord.violations()).isEmpty();
    }

    @Test
    void givenAStalledDatabase_whenOliviaAsksForASignInLink_thenTheDeferralIsPrivateAndSoIsTheLink() throws Exception {
        f.bindGuild();
        // GIVEN another writer holding SQLite's write lock for 3 s
        Thread holder = new Thread(() -> f.bot.app().database().transaction(() -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        holder.start();
        Thread.sleep(200);
        // WHEN Olivia types /plan web in the plan channel
        ObjectNode web = slash(f.olivia, f.planChannel, "web");
        JsonNode r = f.respond(web);
        // THEN the deferral is already ephemeral (an edit cannot make it so later), and the link follows in it
        assertThat(r.path("type").asInt()).isEqualTo(5);
        assertThat(ephemeral(r)).isTrue();
        ObjectNode original = f.discord.awaitOriginal(web.path("id").asText(),
                o -> !o.path("interaction_pending").asBoolean(true), DiscordFixture.WAIT);
        assertThat(original.toString()).containsPattern("\\]\\(http://localhost:\\d+/signin/[A-Za-z0-9_-]{43}\\)");
        holder.join();
        assertThat(f.discord.violations()).isEmpty();
    }

    @Test
    void givenARefBeingTyped_whenDiscordAsksToAutocomplete_thenAtMost25RefsInTime() throws Exception {
        ObjectNode ask = f.discord.autocomplete(f.olivia, f.planChannel, "status", "ref", "EN003/0", Map.of());
        long t0 = System.nanoTime();
        JsonNode r = f.respond(ask);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
        assertThat(r.path("type").asInt()).isEqualTo(8);
        JsonNode choices = r.path("data").path("choices");
        assertThat(choices.size()).isBetween(1, 25);
        List<String> values = new ArrayList<>();
        choices.forEach(c -> values.add(c.path("value").asText()));
        assertThat(values.get(0)).startsWith("EN003/0");
        assertThat(values).contains("EN003/01");
        // AND a blank ref offers refs too, never more than Discord shows
        JsonNode blank = f.respond(f.discord.autocomplete(f.olivia, f.planChannel, "status", "ref", "", Map.of()));
        assertThat(blank.path("data").path("choices").size()).isEqualTo(25);
    }

    @Test
    void givenAReminder_whenOliviaClicksDone_thenTheTaskIsCompletedAuditedAndTheMessageUpdatedWithoutButtons() throws Exception {
        f.bindGuild();
        String message = f.sendReminders("EN003/01");
        long task = f.bot.taskRow("EN003/01").id();
        String done = ComponentIds.encode(new ButtonValue(TestBot.TENANT, task, f.reminderRow(message, "EN003/01"),
                Button.Choice.DONE));
        JsonNode r = f.respond(f.discord.buttonClick(f.olivia, f.oliviasDm(), message, done));
        assertThat(r.path("type").asInt()).isEqualTo(7); // UPDATE_MESSAGE: the reminder edited in place
        assertThat(r.path("data").path("components").size()).isZero();
        assertThat(r.path("data").toString()).contains("✓").contains(DiscordFixture.OLIVIA);
        assertThat(f.bot.task("EN003/01").status().word()).isEqualTo("Completed");
        assertThat(lastAudit("EN003/01").source()).isEqualTo(Source.DISCORD);
    }

    @Test
    void givenAGroupedReminder_whenOliviaPicksATaskInItsSelect_thenSheAloneGetsThatTasksButtons() throws Exception {
        String message = f.sendRemindersBound("EN003/01", "EN003/02");
        long task = f.bot.taskRow("EN003/02").id();
        String option = ComponentIds.encode(new ButtonValue(TestBot.TENANT, task, f.reminderRow(message, "EN003/02"),
                Button.Choice.NEW_DATE)); // a select option's value, as NoticeMessages writes it
        Map<String, ?> before = f.bot.dump();
        JsonNode r = f.respond(f.discord.select(f.olivia, f.oliviasDm(), message, "g1|0", option));
        assertThat(r.path("type").asInt()).isEqualTo(4);
        assertThat(ephemeral(r)).isTrue();
        List<ButtonValue> buttons = new ArrayList<>();
        r.path("data").path("components").path(0).path("components")
                .forEach(b -> buttons.add(ComponentIds.decode(b.path("custom_id").asText()).orElseThrow()));
        assertThat(buttons).extracting(ButtonValue::choice).containsExactly(Button.Choice.DONE, Button.Choice.ON_TARGET,
                Button.Choice.AT_RISK, Button.Choice.NEW_DATE, Button.Choice.SNOOZE);
        assertThat(buttons).allMatch(b -> b.taskId() == task);
        // picking is not answering: nothing changed
        assertThat(f.bot.dump()).isEqualTo(before);
    }

    @Test
    void givenAButtonNamingAnotherCouncilsTask_whenClicked_thenTheNeutralCantFindThatTaskAndNothingChanges() throws Exception {
        f.bindGuild();
        long task = f.bot.taskRow("EN003/01").id();
        String forged = ComponentIds.encode(new ButtonValue("other-council", task, 0, Button.Choice.DONE));
        String message = f.postInOliviasDm("a reminder");
        Map<String, ?> before = f.bot.dump();
        JsonNode r = f.respond(f.discord.buttonClick(f.olivia, f.oliviasDm(), message, forged));
        assertThat(r.path("type").asInt()).isEqualTo(4);
        assertThat(ephemeral(r)).isTrue();
        assertThat(r.path("data").path("content").asText()).isEqualTo(TaskAnswerService.UNKNOWN_TASK);
        assertThat(r.toString()).doesNotContain("EN003");
        assertThat(f.bot.dump()).isEqualTo(before);
    }

    @Test
    void givenAReminder_whenOliviaClicksNewDate_thenTheModalOpens() throws Exception {
        JsonNode modal = openNewDate(f.sendRemindersBound("EN003/01"));
        assertThat(modal.path("type").asInt()).isEqualTo(9);
        assertThat(modal.path("data").path("custom_id").asText()).isNotEmpty();
    }

    @Test
    void givenTheNewDateModal_whenSubmittedInEitherLayoutWithAGoodDate_thenTheTargetDateMoves() throws Exception {
        String message = f.sendRemindersBound("EN003/01");
        JsonNode modal = openNewDate(message).path("data");
        for (FakeDiscord.ModalLayout layout : FakeDiscord.ModalLayout.values()) {
            LocalDate date = layout == FakeDiscord.ModalLayout.ACTION_ROWS ? LocalDate.of(2024, 6, 30) : LocalDate.of(2024, 7, 31);
            String typed = String.format("%02d/%02d/%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
            JsonNode r = f.respond(f.discord.modalSubmit(f.olivia, f.oliviasDm(), message, modal.path("custom_id").asText(),
                    inputs(modal, typed, "waiting on legal"), layout));
            assertThat(r.path("type").asInt()).as(layout.name()).isIn(4, 7);
            assertThat(f.bot.task("EN003/01").target().date()).as(layout.name()).isEqualTo(date);
        }
    }

    @Test
    void givenTheNewDateModal_whenTheDateDoesNotExist_thenSheIsToldWhyAndNothingChanges() throws Exception {
        String message = f.sendRemindersBound("EN003/01");
        JsonNode modal = openNewDate(message).path("data");
        Map<String, ?> before = f.bot.dump();
        JsonNode r = f.respond(f.discord.modalSubmit(f.olivia, f.oliviasDm(), message, modal.path("custom_id").asText(),
                inputs(modal, "31/02/2023", "waiting on legal"), FakeDiscord.ModalLayout.LABELS));
        assertThat(r.path("type").asInt()).isEqualTo(4);
        assertThat(ephemeral(r)).isTrue();
        assertThat(r.path("data").path("content").asText()).containsIgnoringCase("february");
        assertThat(f.bot.dump()).isEqualTo(before);
    }

    @Test
    void givenOliviaLinkedInTheGuild_whenSheUsesPlanInADm_thenSheIsAnsweredFromHerCouncil() throws Exception {
        f.bindGuild();
        JsonNode r = f.respond(slash(f.olivia, f.oliviasDm(), "status", "ref", "EN003/01"));
        assertThat(r.path("type").asInt()).isEqualTo(4);
        assertThat(r.path("data").path("embeds").toString()).contains("EN003/01");
        // AND someone linked nowhere is asked to use the server instead, seeing nothing of the plan
        JsonNode guest = f.respond(slash(f.guest, f.discord.dm(f.guest), "status", "ref", "EN003/01"));
        assertThat(guest.path("data").path("content").asText()).contains("/plan").contains("server");
        assertThat(guest.toString()).doesNotContain("EN003/01");
    }

    @Test
    void givenTwoCouncils_whenAnUnboundGuildUsesPlan_thenItIsRefusedWithTheBindCommand() throws Exception {
        f.bot.app().tenants().getOrCreate("other-council", f.bot.now());
        JsonNode r = f.respond(slash(f.olivia, f.planChannel, "status", "ref", "EN003/01"));
        assertThat(ephemeral(r)).isTrue();
        assertThat(r.path("data").path("content").asText())
                .contains("./planbot workspace bind --platform discord --team " + FakeDiscord.GUILD_ID);
        assertThat(r.toString()).doesNotContain("EN003/01");
    }

    @Test
    void givenAnAdminInAChannel_whenTheyTypeChannelManagerWithNoChannel_thenThatChannelIsTheManagerChannel() throws Exception {
        f.bot.person(DiscordFixture.OLIVIA, planbot.domain.Role.ADMIN);
        f.respond(slash(f.olivia, f.planChannel, "channel", "purpose", "manager"));
        assertThat(f.bot.app().channels().find(f.bot.tenant(), "discord", planbot.storage.ChannelPurpose.MANAGER))
                .hasValue(f.planChannel.id());
    }

    private JsonNode openNewDate(String message) throws Exception {
        long task = f.bot.taskRow("EN003/01").id();
        String newDate = ComponentIds.encode(new ButtonValue(TestBot.TENANT, task, f.reminderRow(message, "EN003/01"),
                Button.Choice.NEW_DATE));
        return f.respond(f.discord.buttonClick(f.olivia, f.oliviasDm(), message, newDate));
    }

    /** The modal's text inputs filled in: the one about the date with {@code date}, the other with {@code reason}. */
    private static Map<String, String> inputs(JsonNode modal, String date, String reason) {
        Map<String, String> values = new LinkedHashMap<>();
        for (JsonNode c : modal.path("components")) {
            List<JsonNode> inputs = new ArrayList<>();
            if (c.path("component").isObject()) {
                inputs.add(c.path("component")); // a label component (type 18) holding its input
            }
            c.path("components").forEach(inputs::add); // an action row of inputs
            for (JsonNode input : inputs) {
                String id = input.path("custom_id").asText();
                String about = (id + " " + c.path("label").asText() + " " + input.path("label").asText()).toLowerCase(java.util.Locale.ROOT);
                values.put(id, about.contains("date") ? date : reason);
            }
        }
        return values;
    }

    private AuditEvent lastAudit(String ref) {
        List<AuditEvent> events = f.bot.audit(ref);
        return events.get(events.size() - 1);
    }
}
