package planbot.slack.interact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.assess.Part;
import planbot.assess.Template;
import planbot.assess.Tip;
import planbot.domain.Role;
import planbot.slack.fake.FakeSlack;
import planbot.storage.ChatIdentity;
import planbot.storage.JdbiTemplateRepository;
import planbot.testing.TestBot;

/**
 * An assessment on Slack with five voters, through the real Slack edge and the fake: {@code /plan assess start} shows the
 * part in the channel with score buttons; clicks on them vote as the clicker (acknowledged to them alone, scores hidden
 * from the channel); a changed vote counts once; an abstention is outside the spread; the facilitator's reveal is for
 * the channel; a click after the reveal is refused to the clicker and changes nothing.
 */
class AssessButtonsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LIAM_ID = "U0LIAM";
    private static final String TS = "1684141200.000100";
    /** Five voters: name → Slack id (Olivia is linked by the fixture). */
    private static final Map<String, String> VOTERS = new LinkedHashMap<>();

    static {
        VOTERS.put(InteractFixture.OLIVIA, InteractFixture.OLIVIA_ID);
        VOTERS.put(InteractFixture.OSCAR, "U0OSCAR");
        VOTERS.put("Priya Planner", "U0PRIYA");
        VOTERS.put("Mona Manager", "U0MONA");
        VOTERS.put("Vera Viewer", "U0VERA");
    }

    @TempDir
    Path dir;
    InteractFixture f;

    @BeforeEach
    void open() throws Exception {
        f = InteractFixture.start(dir);
        f.person("Liam Lead", Role.LEAD).person("Priya Planner", Role.OFFICER).person("Mona Manager", Role.MANAGER)
                .person("Vera Viewer", Role.VIEWER);
        link("Liam Lead", LIAM_ID);
        VOTERS.forEach((name, id) -> {
            if (!id.equals(InteractFixture.OLIVIA_ID)) {
                link(name, id);
            }
        });
        new JdbiTemplateRepository(f.bot.app().database(), f.bot.clock()).save(TestBot.TENANT, new Template("Processes, IT and administration",
                "test", List.of(new Part(1, "Processes", "There are no process notes.", "Process notes are kept up to date.",
                List.of(new Tip(1, "Write down each process.")), List.of()))));
    }

    private void link(String name, String id) {
        f.bot.app().people().link(f.bot.tenant(), name, new ChatIdentity("slack", InteractFixture.TEAM, id));
        f.slack.user(id, id.toLowerCase());
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void GIVEN_a_part_with_buttons_WHEN_five_voters_click_THEN_votes_are_private_until_the_facilitators_reveal_shows_the_spread() throws Exception {
        JsonNode part = slash(LIAM_ID, "assess start \"Processes, IT and administration\"");
        assertThat(part.path("response_type").asText()).isEqualTo("in_channel");
        Map<String, String> buttons = buttons(part);
        assertThat(buttons).containsEntry("3", "assess vote 3").containsEntry("Abstain", "assess vote abstain").hasSize(6);

        click(InteractFixture.OLIVIA_ID, buttons, "3");
        click("U0OSCAR", buttons, "4");
        click("U0PRIYA", buttons, "2");
        click("U0MONA", buttons, "Abstain");
        click("U0VERA", buttons, "4");
        click("U0PRIYA", buttons, "5"); // changed: counts once

        List<FakeSlack.Call> acks = f.awaitCalls("chat.postEphemeral", 6);
        assertThat(acks).allSatisfy(c -> assertThat(c.param("text")).startsWith("✓ Your vote on part 1 is in"));
        assertThat(acks.get(0).param("user")).isEqualTo(InteractFixture.OLIVIA_ID);
        assertThat(acks).allSatisfy(c -> assertThat(c.param("text")).doesNotContainPattern("[1-5]\\."));
        assertThat(f.slack.calls("chat.postMessage")).isEmpty();

        JsonNode reveal = slash(LIAM_ID, "assess reveal");

        assertThat(reveal.path("response_type").asText()).isEqualTo("in_channel");
        String shown = reveal.path("blocks").toString();
        assertThat(shown).contains("4 scores, 1 abstained: lowest 3, highest 5.").contains("1: 0 · 2: 0 · 3: 1 · 4: 2 · 5: 1")
                .contains("A spread of 2");

        click(InteractFixture.OLIVIA_ID, buttons, "1");
        FakeSlack.Call refused = f.awaitCalls("chat.postEphemeral", 7).get(6);
        assertThat(refused.param("text")).contains("The votes on part 1 are revealed, so voting on it is closed");
        assertThat(f.bot.dump().get("assess_vote")).hasSize(5);
    }

    @Test
    void GIVEN_a_forged_button_value_WHEN_clicked_THEN_no_other_command_runs() throws Exception {
        slash(LIAM_ID, "assess start \"Processes, IT and administration\"");
        var before = f.bot.dump();

        HttpResponse<String> ack = f.post(f.click(InteractFixture.OLIVIA_ID, "assess:0", "done EN003/01", TS));

        assertThat(ack.statusCode()).isEqualTo(200);
        Thread.sleep(300); // nothing is to happen; give the worker a moment to do it wrongly
        assertThat(f.bot.dump()).isEqualTo(before);
    }

    private void click(String userId, Map<String, String> buttons, String label) throws Exception {
        int index = List.copyOf(buttons.keySet()).indexOf(label);
        int before = f.slack.calls("chat.postEphemeral").size();
        HttpResponse<String> ack = f.post(f.click(userId, "assess:" + index, buttons.get(label), TS));
        assertThat(ack.statusCode()).isEqualTo(200);
        f.awaitCalls("chat.postEphemeral", before + 1); // one at a time, so the order is known
    }

    /** The buttons of an answer: label → value, in order. */
    private static Map<String, String> buttons(JsonNode answer) {
        Map<String, String> found = new LinkedHashMap<>();
        for (JsonNode block : answer.path("blocks")) {
            for (JsonNode element : block.path("elements")) {
                if (element.path("type").asText().equals("button")) {
                    found.put(element.path("text").path("text").asText(), element.path("value").asText());
                }
            }
        }
        return found;
    }

    /** {@code /plan text} from a user in the fixture's channel; the answer given in the acknowledgement. */
    private JsonNode slash(String userId, String text) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "legacy");
        form.put("team_id", InteractFixture.TEAM);
        form.put("team_domain", "fake");
        form.put("channel_id", InteractFixture.CHANNEL);
        form.put("channel_name", "plans");
        form.put("user_id", userId);
        form.put("user_name", userId.toLowerCase());
        form.put("command", "/plan");
        form.put("text", text);
        form.put("api_app_id", "A1");
        form.put("response_url", f.slack.responseUrl());
        form.put("trigger_id", f.slack.triggerId());
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpResponse<String> response = f.post(body.toString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
