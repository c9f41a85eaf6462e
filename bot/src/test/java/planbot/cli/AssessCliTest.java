package planbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.MainAccess;
import planbot.MainAccess.Run;
import planbot.domain.AuditEvent;
import planbot.domain.Source;
import planbot.storage.Database;
import planbot.storage.JdbiAuditRepository;
import planbot.storage.JdbiTemplateRepository;
import planbot.storage.JdbiTenantRepository;
import planbot.storage.StoredTemplate;
import planbot.storage.testing.TestDatabases;

/** Assessment templates through the command line: import (text, JSON report, refusals) and the list. */
class AssessCliTest {
    static final Path SAMPLE = ImportExportCliTest.SAMPLES.resolve("assessments/pas-dm-challenge-toolkit-processes-it.txt");
    static final Path EXAMPLE = ImportExportCliTest.SAMPLES.resolve("assessments/assessment-template-example.yaml");

    @TempDir
    Path dir;
    String db;

    @BeforeEach
    void database() {
        db = "jdbc:sqlite:" + dir.resolve("planbot.db");
    }

    private Map<String, List<Map<String, Object>>> dump() {
        try (Database d = Database.open(db)) {
            return TestDatabases.dump(d);
        }
    }

    @Test
    void givenTheToolkitSample_whenImportedWithJson_thenItSaysFourPartsFifteenTipsAndTheSkippedLine() throws Exception {
        // GIVEN the PAS toolkit section as Word saved it
        // WHEN it is imported with --json
        Run run = MainAccess.planbot("assess", "template", "import", SAMPLE.toString(), "--db", db, "--tenant", "welwyn", "--json");
        // THEN the report names the template and version and counts the parts, tips and questions
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode r = ImportExportCliTest.JSON.readTree(run.out());
        assertThat(r.get("template").asText()).isEqualTo("Processes, IT and administration");
        assertThat(r.get("tenant").asText()).isEqualTo("welwyn");
        assertThat(r.get("form").asText()).isEqualTo("text");
        assertThat(r.get("version").asInt()).isEqualTo(1);
        assertThat(r.get("tips").asInt()).isEqualTo(15);
        assertThat(r.get("questions").asInt()).isEqualTo(24);
        assertThat(r.get("parts")).hasSize(4);
        assertThat(r.get("parts").get(1).get("tips").toString()).isEqualTo("[4,5,6,7]");
        assertThat(r.get("skipped")).hasSize(1);
        assertThat(r.get("skipped").get(0).get("where").asText()).isEqualTo("line 143");
        // AND it is stored as version 1 of the tenant, audited with the source CLI
        try (Database d = Database.open(db)) {
            StoredTemplate stored = new JdbiTemplateRepository(d, java.time.Clock.systemUTC())
                    .latest("welwyn", "Processes, IT and administration").orElseThrow();
            assertThat(stored.id()).isEqualTo(r.get("id").asLong());
            assertThat(stored.template().tipCount()).isEqualTo(15);
            List<AuditEvent> events = new JdbiAuditRepository(d)
                    .list(new JdbiTenantRepository(d).find("welwyn").orElseThrow(), "Processes, IT and administration");
            assertThat(events).singleElement().satisfies(e -> {
                assertThat(e.source()).isEqualTo(Source.CLI);
                assertThat(e.change()).isEqualTo("imported");
                assertThat(e.after()).isEqualTo("version 1 (id " + stored.id() + "): 4 parts, 15 tips");
            });
        }
    }

    @Test
    void givenTwoImports_whenListed_thenBothVersionsWithTheirCounts() {
        // GIVEN the sample imported twice and the YAML example once, as text reports
        Run first = MainAccess.planbot("assess", "template", "import", SAMPLE.toString(), "--db", db);
        Run second = MainAccess.planbot("assess", "template", "import", SAMPLE.toString(), "--db", db);
        Run yaml = MainAccess.planbot("assess", "template", "import", EXAMPLE.toString(), "--db", db);
        assertThat(first.out()).startsWith("Imported pas-dm-challenge-toolkit-processes-it.txt (text) as template"
                + " \"Processes, IT and administration\" version 1").contains("  4 parts, 15 tips, 24 questions\n",
                "  part 3 \"Part 3\": 5 tips (8–12), 6 questions\n",
                "line 143 ('SUMMARY OF ACTIONS TO FOLLOW UP'): the summary of actions, which a session fills in");
        assertThat(second.out()).contains("version 2");
        assertThat(yaml.out()).contains("(yaml) as template \"Customer contact and complaints\" version 1",
                "nothing was skipped");
        // WHEN the templates are listed
        Run list = MainAccess.planbot("assess", "templates", "--db", db);
        // THEN each version is a line with its parts and tips, newest version first
        assertThat(list.exit()).as(list.err()).isZero();
        List<String> lines = list.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).contains("Customer contact and complaints").containsPattern("\\s1\\s+2\\s+5\\s");
        assertThat(lines.get(2)).contains("Processes, IT and administration").containsPattern("\\s2\\s+4\\s+15\\s");
        assertThat(lines.get(3)).contains("Processes, IT and administration").containsPattern("\\s1\\s+4\\s+15\\s");
    }

    @Test
    void givenAFileWithoutParts_whenImported_thenOneSentenceExit2AndNothingStored() throws Exception {
        // GIVEN a database with a template already, and a text file that is not a toolkit section
        MainAccess.planbot("assess", "template", "import", EXAMPLE.toString(), "--db", db);
        Path notes = dir.resolve("notes.txt");
        Files.writeString(notes, "Minutes\nWe met and agreed nothing.\n");
        var before = dump();
        // WHEN it is imported, and so is a missing file
        Run run = MainAccess.planbot("assess", "template", "import", notes.toString(), "--db", db);
        Run missing = MainAccess.planbot("assess", "template", "import", dir.resolve("nope.docx").toString(), "--db", db);
        // THEN each is one line on stderr, exit 2, and the database is as it was
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("planbot: nothing was imported: notes.txt cannot be read as a template: it has no"
                + " parts: a part begins with a heading such as 'A poor Development Management Service (score 1)'\n");
        assertThat(run.out()).isEmpty();
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).startsWith("planbot: no such file: ").doesNotContain("Exception");
        assertThat(dump()).isEqualTo(before);
    }

    @Test
    void givenNoTemplates_whenListed_thenItSaysHowToImportOne() {
        // GIVEN an empty database
        // WHEN the templates are listed
        Run list = MainAccess.planbot("assess", "templates", "--db", db);
        // THEN one line says how to import one
        assertThat(list.exit()).isZero();
        assertThat(list.out()).isEqualTo("No assessment templates yet: import one with ./planbot assess template import FILE\n");
    }

    @Test
    void givenNoSessions_whenAReportIsAsked_thenOneSentenceExit2AndNoFile() {
        // GIVEN a template but no session run yet
        MainAccess.planbot("assess", "template", "import", EXAMPLE.toString(), "--db", db);
        Path out = dir.resolve("report.docx");
        // WHEN a report is asked for, and one in a format planbot does not write
        Run run = MainAccess.planbot("assess", "report", "--format", "docx", "--out", out.toString(), "--db", db);
        Run pdf = MainAccess.planbot("assess", "report", "--format", "pdf", "--out", out.toString(), "--db", db);
        // THEN each is one sentence, exit 2, and no file is written
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("planbot: tenant 'default' has no assessment sessions yet: run one in chat with"
                + " /plan assess start\n");
        assertThat(pdf.exit()).isEqualTo(2);
        assertThat(pdf.err()).isEqualTo("planbot: --format is docx, xlsx or json, not 'pdf'\n");
        assertThat(out).doesNotExist();
        assertThat(dir.toFile().list()).allSatisfy(name -> assertThat(name).doesNotEndWith(".tmp"));
    }
}
