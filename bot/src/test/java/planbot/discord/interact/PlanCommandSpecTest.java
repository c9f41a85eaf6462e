package planbot.discord.interact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import planbot.command.CommandParser;
import planbot.command.DateParser;
import planbot.command.HelpText;
import planbot.command.ParseResult;
import planbot.storage.RefIndexEntry;

class PlanCommandSpecTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code data} of {@code /plan <sub>} with options given as (name, type, value) triples, in the order given. */
    private static JsonNode data(String sub, Object... options) {
        ObjectNode data = JSON.createObjectNode().put("name", "plan").put("type", 1);
        ObjectNode s = data.putArray("options").addObject().put("name", sub).put("type", 1);
        for (int i = 0; i < options.length; i += 3) {
            s.withArray("options").addObject().put("name", (String) options[i]).put("type", (Integer) options[i + 1])
                    .put("value", (String) options[i + 2]);
        }
        return data;
    }

    @Test
    void givenTheRegistration_thenItKeepsDiscordsLimitsAndRequiredOptionsComeFirst() {
        ObjectNode command = PlanCommandSpec.registration();
        assertThat(command.path("name").asText()).isEqualTo("plan");
        JsonNode subs = command.path("options");
        assertThat(subs.size()).isBetween(1, 25);
        for (JsonNode sub : subs) {
            assertThat(sub.path("type").asInt()).isEqualTo(1);
            assertThat(sub.path("name").asText()).matches("[a-z]{1,32}");
            assertThat(sub.path("description").asText()).hasSizeBetween(1, 100);
            boolean optionalSeen = false;
            for (JsonNode o : sub.path("options")) {
                boolean required = o.path("required").asBoolean();
                assertThat(required && optionalSeen).as(sub.path("name") + " has a required option after an optional one").isFalse();
                optionalSeen |= !required;
                assertThat(o.path("description").asText()).hasSizeBetween(1, 100);
                assertThat(o.path("autocomplete").asBoolean() && o.has("choices")).isFalse();
                if (o.path("name").asText().equals("ref")) {
                    assertThat(o.path("autocomplete").asBoolean()).isTrue();
                }
            }
        }
    }

    @Test
    void givenEverySubcommand_thenItIsACommandTheLanguageKnows() {
        List<String> names = PlanCommandSpec.subcommands();
        assertThat(HelpText.names()).containsAll(names);
        assertThat(names).contains("status", "list", "mine", "overdue", "update", "note", "date", "assign", "snooze",
                "history", "search", "digest", "help", "policy", "people", "channel", "me", "doctor");
    }

    @Test
    void givenOptionsInAnyOrder_thenTheCommandTextTakesThemInTheLanguagesOrder() {
        assertThat(PlanCommandSpec.commandText(data("status", "ref", 3, "ENF003"))).isEqualTo("status ENF003");
        assertThat(PlanCommandSpec.commandText(data("update", "note", 3, "signed off", "status", 3, "completed",
                "ref", 3, "EN003/02"))).isEqualTo("update EN003/02 completed signed off");
        assertThat(PlanCommandSpec.commandText(data("date", "ref", 3, "EN3/1", "date", 3, "30/06/2024",
                "reason", 3, "waiting on legal"))).isEqualTo("date EN3/1 30/06/2024 waiting on legal");
        assertThat(PlanCommandSpec.commandText(data("mine"))).isEqualTo("mine");
    }

    @Test
    void givenPeopleChannelAndUserOptions_thenTheyBecomeNeutralMentionsAndQuotedNames() {
        assertThat(PlanCommandSpec.commandText(data("people", "action", 3, "link", "name", 3, "Head of Planning",
                "user", 6, "1234567890123456789"))).isEqualTo("people link \"Head of Planning\" <@1234567890123456789>");
        assertThat(PlanCommandSpec.commandText(data("people", "action", 3, "match", "confirm", 3, "K7QM")))
                .isEqualTo("people match confirm K7QM");
        assertThat(PlanCommandSpec.commandText(data("channel", "purpose", 3, "manager"))).isEqualTo("channel manager");
        assertThat(PlanCommandSpec.commandText(data("assign", "ref", 3, "EN003/02", "user", 6, "42")))
                .isEqualTo("assign EN003/02 <@42>");
        assertThat(PlanCommandSpec.commandText(data("me", "reminders", 3, "discord"))).isEqualTo("me reminders discord");
        assertThat(PlanCommandSpec.commandText(data("policy", "set", 3, "snooze=7"))).isEqualTo("policy set snooze=7");
    }

    @Test
    void givenTheCommandTextOfEachExample_thenTheParserReadsIt() {
        CommandParser parser = new CommandParser(new DateParser(java.time.Clock.systemUTC(), java.time.ZoneId.of("Europe/London")));
        for (JsonNode d : List.of(data("status", "ref", 3, "ENF003"),
                data("update", "ref", 3, "EN003/02", "status", 3, "on target"),
                data("people", "action", 3, "link", "name", 3, "HoP", "user", 6, "1234"),
                data("snooze", "ref", 3, "EN3/1", "for", 3, "1w"),
                data("channel", "purpose", 3, "plan", "channel", 7, "5555"))) {
            assertThat(parser.parse(PlanCommandSpec.commandText(d))).as(d.toString()).isInstanceOf(ParseResult.Parsed.class);
        }
    }

    @Test
    void givenNoSubcommand_thenHelp() {
        assertThat(PlanCommandSpec.commandText(JSON.createObjectNode().put("name", "plan"))).isEqualTo("help");
    }

    @Test
    void givenTheFocusedOptionOneLevelDown_thenAutocompleteFindsIt() {
        ObjectNode d = (ObjectNode) data("update", "status", 3, "completed");
        ((ObjectNode) d.path("options").path(0)).withArray("options").addObject().put("name", "ref").put("type", 3)
                .put("value", "EN3").put("focused", true);
        assertThat(PlanCommandSpec.focused(d)).hasValue(new PlanCommandSpec.Focused("ref", "EN3"));
    }

    @Test
    void givenARefSharedByTwoPlans_thenItIsOfferedOncePerPlanQualified() {
        List<RefIndexEntry> index = new ArrayList<>();
        index.add(new RefIndexEntry("north", "EN003", "ENFORCEMENT 003", null));
        index.add(new RefIndexEntry("north", "EN003", "ENFORCEMENT 003", "EN003/01"));
        index.add(new RefIndexEntry("south", "EN003", "ENFORCEMENT 003", "EN003/01"));
        index.add(new RefIndexEntry("north", "IT012", "IT INFRASTRUCTURE 012", "IT012/01"));
        assertThat(RefChoices.best(index, "EN003/0")).containsExactly("EN003/01 in north", "EN003/01 in south");
        assertThat(RefChoices.best(index, "enforcement")).startsWith("EN003");
        assertThat(RefChoices.best(index, "infra")).containsExactly("IT012/01");
        assertThat(RefChoices.best(index, "zzz")).isEmpty();
    }

    @Test
    void givenManyRefs_thenAtMost25AreOffered() {
        List<RefIndexEntry> index = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            index.add(new RefIndexEntry("p", "EN003", null, String.format("EN003/%02d", i)));
        }
        assertThat(RefChoices.best(index, "EN3")).hasSize(25).startsWith("EN003/01");
    }
}
