package planbot.scheduler.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the Quartz jar's own PostgreSQL script (no database needed). */
class QuartzSchemaTest {

    @Test
    void theShippedScriptGivesTheCreateStatementsOnlyNeverItsDropsOrCommit() {
        List<String> statements = QuartzSchema.statements(QuartzSchema.script());

        assertThat(statements).filteredOn(s -> s.startsWith("CREATE TABLE")).hasSize(QuartzSchema.TABLES.size());
        assertThat(statements).filteredOn(s -> s.startsWith("CREATE INDEX")).isNotEmpty();
        assertThat(statements).noneMatch(s -> s.toUpperCase(java.util.Locale.ROOT).contains("DROP"))
                .noneMatch(s -> s.equalsIgnoreCase("COMMIT"));
        for (String table : QuartzSchema.TABLES) {
            assertThat(statements).as(table).anyMatch(s -> s.toLowerCase(java.util.Locale.ROOT)
                    .startsWith("create table " + table + "\n") || s.toLowerCase(java.util.Locale.ROOT)
                    .startsWith("create table " + table + " "));
        }
    }
}
