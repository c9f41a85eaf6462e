package planbot.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.domain.AuditEvent;
import planbot.domain.Person;
import planbot.domain.Role;
import planbot.domain.Source;
import planbot.people.PeopleImportReport.Kind;
import planbot.people.PeopleImportReport.Line;
import planbot.storage.ChatIdentity;
import planbot.storage.PersonChannel;
import planbot.storage.Tenant;
import planbot.testing.PlanEdits;
import planbot.testing.TestBot;

/**
 * {@code people import}: the council's people file links the plan's people to Slack accounts, emails, roles and
 * channels in one audited transaction, over a real SQLite file; near misses are reported and never linked, and a
 * file with any problem writes nothing.
 */
class PeopleImportTest {
    static final String SUE = "Sue Whiteside";
    static final String SAM = "Sam Jones";
    static final String HOP = "Head of Planning (HoP)";
    static final String TEAM = "Planning / legal / democratic services";

    @TempDir
    Path dir;
    TestBot bot;

    @BeforeEach
    void open() {
        // GIVEN a plan owned by two people, a role and a team, and the council's Slack workspace T0001 bound
        bot = TestBot.start(dir).importPlan(PlanEdits.sample().owner("EN003/01", SUE).owner("EN003/02", SAM)
                .owner("EN003/03", HOP).owner("EN005/03", TEAM).plan());
        bot.app().admin().bindWorkspace(TestBot.TENANT, "slack", "", "T0001", "cli", Source.CLI);
    }

    @AfterEach
    void close() {
        bot.close();
    }

    PeopleImportReport importFile(String csv, boolean dryRun) {
        return importBytes(csv.getBytes(StandardCharsets.UTF_8), dryRun);
    }

    PeopleImportReport importBytes(byte[] content, boolean dryRun) {
        return bot.app().peopleImport().run(bot.tenant(), "people.csv", content, dryRun, "cli");
    }

    String linkedTo(String userId) {
        return bot.app().people().findByIdentity(bot.tenant(), new ChatIdentity("slack", "T0001", userId))
                .map(Person::name).orElse(null);
    }

    static final String FILE = "Name,E-mail,Role,Slack ID,Channel\n"
            + "Sue Whiteside,sue@example.gov.uk,manager,U0SUE,\n"
            + "sam  JONES,,,U0SAM,\n"
            + "Planning / legal / democratic services,,,,slack:C0LEGAL\n";

    @Test
    void givenAFileOfThePlansPeople_whenImported_thenEachIsLinkedAndEveryChangeIsAudited() {
        PeopleImportReport report = importFile(FILE, false);

        assertThat(report.applied()).isTrue();
        assertThat(report.lines()).extracting(Line::kind).containsExactly(Kind.CHANGED, Kind.CHANGED, Kind.CHANGED);
        assertThat(report.lines().get(1).text()).isEqualTo("line 3: sam  JONES (the plan writes \"Sam Jones\"): linked slack U0SAM");
        assertThat(linkedTo("U0SUE")).isEqualTo(SUE);
        assertThat(linkedTo("U0SAM")).isEqualTo(SAM);
        assertThat(bot.app().people().find(bot.tenant(), SUE)).map(Person::role).hasValue(Role.MANAGER);
        assertThat(bot.app().people().emails(bot.tenant())).containsEntry(SUE, "sue@example.gov.uk");
        assertThat(bot.app().people().reach(bot.tenant(), TEAM).channel()).isEqualTo(new PersonChannel("slack", "C0LEGAL"));
        assertThat(bot.audit(SUE)).extracting(AuditEvent::change).containsExactlyInAnyOrder("role", "email", "linked");
        AuditEvent link = bot.audit(SAM).get(0);
        assertThat(link.after()).isEqualTo("slack T0001/U0SAM");
        assertThat(link.source()).isEqualTo(Source.CLI);
        assertThat(link.note()).isEqualTo("people import people.csv");
    }

    @Test
    void givenTheSameFileImportedTwice_whenImportedAgain_thenNothingChanges() {
        importFile(FILE, false);
        Map<String, ?> before = bot.dump();

        PeopleImportReport again = importFile(FILE, false);

        assertThat(again.applied()).isFalse();
        assertThat(again.lines()).extracting(Line::kind).containsOnly(Kind.UNCHANGED);
        assertThat(bot.dump()).isEqualTo(before);
    }

    @Test
    void givenNearMissesAndStrangers_whenImported_thenTheyAreReportedWithTheLineToFixAndOnlyExactNamesLink() {
        PeopleImportReport report = importFile("name,slack\nS. Jones,U0SAM\nHoP,U0HOP\nNobody Known,U0NOBODY\nSue Whiteside,U0SUE\n", false);

        assertThat(report.lines()).extracting(Line::kind).containsExactly(Kind.NEAR_MISS, Kind.NEAR_MISS, Kind.NO_MATCH, Kind.CHANGED);
        assertThat(report.lines().get(0).text()).isEqualTo("line 2: \"S. Jones\" is not in the plan; did you mean \"Sam Jones\""
                + " (initials)? Write the name as the plan does; not linked");
        assertThat(report.lines().get(1).text()).contains("\"Head of Planning (HoP)\" (abbreviation)");
        assertThat(report.lines().get(2).text()).contains("\"Nobody Known\" is not in the plan");
        assertThat(linkedTo("U0SAM")).isNull();
        assertThat(linkedTo("U0HOP")).isNull();
        assertThat(linkedTo("U0SUE")).isEqualTo(SUE);
    }

    @Test
    void givenABadFile_whenImported_thenEachProblemIsALineAndNothingIsWritten() {
        Tenant other = bot.app().tenants().getOrCreate("other-council", bot.now());
        bot.app().people().upsert(other, List.of("Someone Else"), Role.OFFICER);
        bot.app().people().link(other, "Someone Else", new ChatIdentity("slack", "T0001", "U0TAKEN"));
        Map<String, ?> before = bot.dump();

        PeopleImportReport report = importFile("name,role,email,slack\n"
                + "Sue Whiteside,boss,sue@example.gov.uk,U0SUE\n"
                + "Sam Jones,,not-an-email,U0SUE\n"
                + "Head of Planning (HoP),,,U0TAKEN\n"
                + "sue whiteside,,,\n", false);

        assertThat(report.applied()).isFalse();
        assertThat(report.lines()).filteredOn(l -> l.kind() == Kind.PROBLEM).extracting(Line::text).containsExactly(
                "line 2: Sue Whiteside: unknown role 'boss': use viewer, officer, lead, manager or admin",
                "line 3: Sam Jones: 'not-an-email' is not an email address",
                "line 3: Sam Jones: the slack user id U0SUE is on line 2 too: an account is one person's",
                "line 4: Head of Planning (HoP): the slack user U0TAKEN is already linked in another tenant: unlink it there first",
                "line 5: sue whiteside: the name is on line 2 too: keep one row per person");
        assertThat(bot.dump()).isEqualTo(before);
    }

    @Test
    void givenASlackColumnWhileNoSlackWorkspaceIsBound_whenImported_thenOneLineSaysHowToBindAndNothingIsWritten()
            throws java.io.IOException {
        try (TestBot fresh = TestBot.start(java.nio.file.Files.createDirectories(dir.resolve("unbound")))) {
            fresh.importPlan(PlanEdits.sample().owner("EN003/01", SUE).plan());
            Map<String, ?> before = fresh.dump();

            PeopleImportReport report = fresh.app().peopleImport().run(fresh.tenant(), "people.csv",
                    "name,email,slack\nSue Whiteside,sue@example.gov.uk,U0SUE\n".getBytes(StandardCharsets.UTF_8), false, "cli");

            assertThat(report.lines()).filteredOn(l -> l.kind() == Kind.PROBLEM).singleElement().extracting(Line::text).asString()
                    .startsWith("the file has slack user ids, but no slack workspace is bound to this council yet")
                    .contains("./planbot workspace bind --platform slack --team ID --tenant " + TestBot.TENANT);
            assertThat(fresh.dump()).isEqualTo(before);
        }
    }

    @Test
    void givenFilesThatAreNotPeopleFiles_whenImported_thenEachIsRefusedInOneLineAndNothingIsWritten() {
        Map<String, ?> before = bot.dump();

        assertThat(importBytes(new byte[] {0x50, 0x4B, 0x03, 0x04, 0, 0, 1, 2}, false).lines()).singleElement()
                .extracting(Line::text).asString().contains("not a CSV file");
        assertThat(importBytes(new byte[PeopleImportService.MAX_BYTES + 1], false).lines()).singleElement()
                .extracting(Line::text).asString().contains("over " + PeopleImportService.MAX_BYTES + " bytes");
        assertThat(importFile("who,slack\nSue Whiteside,U0SUE\n", false).lines()).singleElement()
                .extracting(Line::text).asString().contains("no name column").contains("'who'");
        assertThat(importFile("name,slack\n\"Sue Whiteside,U0SUE\n", false).lines()).singleElement()
                .extracting(Line::kind).isEqualTo(Kind.PROBLEM);
        assertThat(bot.dump()).isEqualTo(before);
    }

    @Test
    void givenAWindowsFileWithAByteOrderMarkOrInCp1252_whenImported_thenNamesWithAccentsMatch() {
        bot.app().people().upsert(bot.tenant(), List.of("Zoë Brontë"), Role.OFFICER);
        byte[] bom = "\uFEFFname;slack\r\nZoë Brontë;U0ZOE\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] cp1252 = "NAME,SLACK\r\nZoë Brontë,U0ZOE\r\n".getBytes(Charset.forName("windows-1252"));

        assertThat(importBytes(bom, true).lines()).extracting(Line::kind).containsExactly(Kind.CHANGED);
        assertThat(importBytes(cp1252, false).lines()).extracting(Line::kind).containsExactly(Kind.CHANGED);
        assertThat(linkedTo("U0ZOE")).isEqualTo("Zoë Brontë");
    }

    @Test
    void givenADryRun_whenImported_thenTheReportSaysWhatWouldChangeAndNothingIsWritten() {
        Map<String, ?> before = bot.dump();

        PeopleImportReport report = importFile(FILE, true);

        assertThat(report.dryRun()).isTrue();
        assertThat(report.applied()).isFalse();
        assertThat(report.count(Kind.CHANGED)).isEqualTo(3);
        assertThat(bot.dump()).isEqualTo(before);
    }
}
