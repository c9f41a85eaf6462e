package planbot.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import planbot.assess.Part;
import planbot.assess.Scale;
import planbot.assess.Template;
import planbot.assess.Tip;
import planbot.domain.UserFixableException;
import planbot.storage.testing.DatabaseTestBase;
import planbot.storage.testing.TestDatabases;

/** What every {@link TemplateRepository} must do; one subclass per database vendor. */
abstract class TemplateRepositoryContractTest extends DatabaseTestBase {
    private static final Instant NOW = Instant.parse("2026-12-08T01:30:00Z");

    TemplateRepositoryContractTest(Database.Vendor vendor) {
        super(vendor);
    }

    private TemplateRepository templates() {
        return new JdbiTemplateRepository(db, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private void tenant(String slug) {
        new JdbiTenantRepository(db).getOrCreate(slug, NOW);
    }

    private static Template template(String name, String firstTip) {
        Part one = new Part(1, "Process notes", "No notes “at all”.", "Clear processes.",
                List.of(new Tip(1, firstTip), new Tip(2, "Make incremental changes")),
                List.of("What score have you agreed on?", "Why have you given it this score?"));
        Part two = new Part(2, "", "Out of date website.", "", List.of(new Tip(3, "Review other websites")), List.of());
        return new Template(name, "processes.txt", List.of(one, two));
    }

    @Test
    void givenATemplateSaved_whenReadBackByIdNameAndList_thenEverythingComesBackAsGiven() {
        // GIVEN a tenant and a template with curly quotes, an untitled part and an empty excellent statement
        tenant("welwyn");
        Template t = template("Processes, IT and administration", "Identify where it would be helpful");
        // WHEN it is saved and read back each way
        long id = templates().save("welwyn", t);
        // THEN it is version 1, imported now, equal to what was saved
        StoredTemplate stored = new StoredTemplate(id, 1, t, NOW);
        assertThat(templates().byId("welwyn", id)).contains(stored);
        assertThat(templates().latest("welwyn", "Processes, IT and administration")).contains(stored);
        assertThat(templates().list("welwyn")).containsExactly(stored);
        assertThat(stored.template().part(2).orElseThrow().title()).isEqualTo("Part 2");
    }

    @Test
    void givenARagTemplateSaved_whenReadBack_thenItIsStillRatedRedAmberGreen() {
        // GIVEN a red/amber/green template of two standards, and a 1-5 one
        tenant("welwyn");
        Template rag = new Template("Financial management standards", "fm.yaml", template("x", "A tip").parts(), Scale.RAG);
        long ragId = templates().save("welwyn", rag);
        long fiveId = templates().save("welwyn", template("Processes", "A tip"));
        // WHEN they are read back
        // THEN each keeps its scale and its parts
        assertThat(templates().byId("welwyn", ragId).orElseThrow().template()).isEqualTo(rag);
        assertThat(templates().byId("welwyn", fiveId).orElseThrow().template().scale()).isEqualTo(Scale.ONE_TO_FIVE);
    }

    @Test
    void givenATemplateSavedTwice_whenRead_thenTheLatestIsVersionTwoAndTheFirstIsKept() {
        // GIVEN version 1 of a template
        tenant("welwyn");
        long first = templates().save("welwyn", template("Processes", "Old tip"));
        // WHEN the same name is saved again with a changed tip
        long second = templates().save("welwyn", template("Processes", "New tip"));
        // THEN latest is version 2 with the new text, and version 1 still reads as it was
        assertThat(second).isNotEqualTo(first);
        StoredTemplate latest = templates().latest("welwyn", "Processes").orElseThrow();
        assertThat(latest.id()).isEqualTo(second);
        assertThat(latest.version()).isEqualTo(2);
        assertThat(latest.template().parts().get(0).tips().get(0).text()).isEqualTo("New tip");
        assertThat(templates().byId("welwyn", first).orElseThrow().template().parts().get(0).tips().get(0).text())
                .isEqualTo("Old tip");
        assertThat(templates().list("welwyn")).extracting(StoredTemplate::version).containsExactly(2, 1);
    }

    @Test
    void givenTwoTenants_whenOneReadsTheOthersTemplate_thenItIsNotThere() {
        // GIVEN a template of tenant a, and the same name saved in tenant b
        tenant("a");
        tenant("b");
        long ofA = templates().save("a", template("Processes", "A's tip"));
        templates().save("b", template("Processes", "B's tip"));
        // WHEN tenant b reads by tenant a's id, and lists
        // THEN it sees only its own, and its own is its version 1
        assertThat(templates().byId("b", ofA)).isEmpty();
        assertThat(templates().list("b")).extracting(StoredTemplate::version).containsExactly(1);
        assertThat(templates().latest("b", "Processes").orElseThrow().template().parts().get(0).tips().get(0).text())
                .isEqualTo("B's tip");
        assertThat(templates().latest("c", "Processes")).isEmpty();
    }

    @Test
    void givenNoSuchTenant_whenSaving_thenOneSentenceAndNothingStored() {
        // GIVEN no tenant "nobody"
        var before = TestDatabases.dump(db);
        // WHEN a template is saved for it
        // THEN it is refused with a sentence naming the tenant, and nothing is written
        assertThatThrownBy(() -> templates().save("nobody", template("Processes", "tip")))
                .isInstanceOf(UserFixableException.class).hasMessage("there is no tenant 'nobody'");
        assertThat(TestDatabases.dump(db)).isEqualTo(before);
    }
}
