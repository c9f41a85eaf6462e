package planbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HelpTextTest {

    @Test
    void givenTheGrammar_whenListingHelp_thenEveryCommandHasAUsageLineStartingWithItsNameAndOneSentence() {
        assertThat(HelpText.names()).containsExactly("status", "list", "mine", "overdue", "update", "done", "complete",
                "note", "date", "assign", "snooze", "history", "search", "digest", "people", "channel", "policy", "me", "admin",
                "doctor", "web", "calendar", "assess", "help");
        for (HelpText.Entry e : HelpText.entries()) {
            assertThat(e.usage()).startsWith(e.name());
            assertThat(e.description()).endsWith(".").doesNotContain("\n");
        }
    }

    @Test
    void givenEveryExampleInTheHelp_whenParsed_thenItIsTheCommandItDocuments() {
        for (HelpText.Entry e : HelpText.entries()) {
            Command c = Fixtures.parsed(e.example());
            String expected = java.util.Map.of("complete", "Done", "digest", "DigestPreview", "people", "LinkPerson",
                    "channel", "SetChannel", "policy", "SetPolicy", "me", "RemindersOn",
                    "admin", "ClaimAdmin").getOrDefault(e.name(), Character.toUpperCase(e.name().charAt(0)) + e.name().substring(1));
            assertThat(c.getClass().getSimpleName()).as(e.example()).isEqualTo(expected);
        }
    }

    @Test
    void givenAKeywordInAnyCase_whenLookedUp_thenItIsFound() {
        assertThat(HelpText.find("UPDATE")).map(HelpText.Entry::usage).hasValue("update <ref> <status> [note]");
        assertThat(HelpText.find("nope")).isEmpty();
        assertThat(HelpText.find(null)).isEmpty();
    }

    @Test
    void givenTheOverview_whenRendered_thenItListsEveryUsageLine() {
        String overview = HelpText.overview();

        for (HelpText.Entry e : HelpText.entries()) {
            assertThat(overview).contains("`" + e.usage() + "`");
        }
        assertThat(HelpText.detail(HelpText.find("date").orElseThrow()))
                .contains("date <ref> <dd/mm/yyyy> [reason]", "Example: `date EN003/02 30/06/2024 waiting on legal`");
    }
}
