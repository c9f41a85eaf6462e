package planbot.scheduler.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static planbot.scheduler.digest.Inputs.london;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.domain.AuditEvent;
import planbot.domain.DateRevision;
import planbot.domain.Plan;
import planbot.domain.PlanDate;
import planbot.domain.Rag;
import planbot.domain.RefKey;
import planbot.domain.Source;
import planbot.domain.Status;
import planbot.domain.StatusKind;
import planbot.domain.Task;
import planbot.storage.Database;
import planbot.storage.TaskInAction;
import planbot.storage.TaskRow;
import planbot.storage.Tenant;
import planbot.storage.testing.Stores;
import planbot.storage.testing.TestDatabases;
import planbot.storage.testing.TestPlans;

/**
 * The digest of the sample review tracker, read from a real SQLite file. The expected numbers were counted by
 * hand from the TSV (awk over the internal ref, progress and target date columns), not by planbot.
 */
class DigestSampleTest {
    static final ZonedDateTime MAY_15 = LocalDateTime.parse("2023-05-15T09:00").atZone(Inputs.LONDON);
    static final Instant IMPORTED = london("2023-05-01T09:00");
    static final DigestScope WHOLE_PLAN = new DigestScope(SamplePlan.TENANT, SamplePlan.NAME, null);

    @TempDir
    Path dir;
    Database db;
    Stores stores;
    DigestSource source;

    @BeforeEach
    void importTheSample() {
        db = TestDatabases.sqlite(dir);
        stores = Stores.on(db);
        source = new DigestSource(db);
        SamplePlan.importAt(stores, SamplePlan.read(), IMPORTED);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void givenTheSamplePlan_whenDigestedOn15May2023At9London_thenCountsMatchTheTrackerCountedByHand() {
        Digest d = DigestBuilder.build(source.read(WHOLE_PLAN, null, MAY_15));

        assertThat(d.totals().total()).isEqualTo(210);
        assertThat(d.totals().byRag()).containsExactly(entry(Rag.BLUE, 116), entry(Rag.GREY, 9), entry(Rag.RED, 28),
                entry(Rag.AMBER, 0), entry(Rag.GREEN, 57), entry(Rag.NONE, 0));
        assertThat(d.totals().byStatus()).containsExactly(entry("On target", 51), entry("In progress", 34),
                entry("Completed", 116), entry("Closed - no longer required", 9));
        assertThat(d.sections()).extracting(Digest.SectionCounts::section, s -> s.counts().total(),
                        s -> s.counts().of(Rag.RED), s -> s.counts().of(Rag.GREEN), s -> s.counts().of(Rag.BLUE),
                        s -> s.counts().of(Rag.GREY))
                .containsExactly(
                        tuple("PLANNING ENFORCEMENT", 32, 4, 5, 20, 3),
                        tuple("PRE-APPLICATION ADVICE SERVICE", 28, 0, 22, 5, 1),
                        tuple("COMPLAINTS PROCESS", 12, 0, 0, 12, 0),
                        tuple("STAKEHOLDER ENGAGEMENT & CONSULTATION", 19, 0, 0, 15, 4),
                        tuple("CONSULTATION PROCESS", 10, 0, 4, 6, 0),
                        tuple("ORGANISATIONAL STRUCTURES IN PLANNING", 21, 0, 0, 21, 0),
                        tuple("BUSINESS SUPPORT & CUSTOMER SERVICES", 7, 0, 7, 0, 0),
                        tuple("IT INFRASTRUCTURE", 43, 7, 13, 22, 1),
                        tuple("PLANNING PORTAL (WLBC WEBSITE)", 3, 0, 0, 3, 0),
                        tuple("COMMUNICATIONS", 20, 2, 6, 12, 0),
                        tuple("ELECTED MEMBER TRAINING", 15, 15, 0, 0, 0));
        DigestBuilderTest.assertSectionsSumToTotals(d);
    }

    @Test
    void givenTheSamplePlan_whenDigestedOn15May2023At9London_thenItListsTheOverdueAndTbcTasksCountedByHand() {
        Digest d = DigestBuilder.build(source.read(WHOLE_PLAN, null, MAY_15));

        assertThat(d.overdue()).hasSize(28);
        assertThat(d.overdue()).extracting(o -> o.task().ref(), Digest.Overdue::daysLate).startsWith(
                tuple("COM006/01", 196L), tuple("IT004/04", 135L), tuple("MEM001/01", 104L));
        assertThat(d.overdue()).filteredOn(o -> o.daysLate() == 104L).hasSize(15);
        assertThat(d.overdue()).filteredOn(o -> o.daysLate() == 76L).extracting(o -> o.task().ref())
                .containsExactly("IT003/01", "IT006/01");
        assertThat(d.overdue()).filteredOn(o -> o.daysLate() == 45L).extracting(o -> o.task().ref())
                .containsExactly("EN005/03", "EN005/04", "EN005/05", "EN005/06", "IT010/02", "IT010/03", "IT012/01",
                        "IT012/02", "COM002/03");
        Digest.Item worst = d.overdue().get(0).task();
        assertThat(worst.description()).isEqualTo("Create an FAQ document");
        assertThat(worst.owner()).isNull(); // the sample tracker has no owner column
        assertThat(worst.section()).isEqualTo("COMMUNICATIONS");
        assertThat(worst.target().date()).isEqualTo("2022-10-31");

        assertThat(d.tbc()).extracting(Digest.Item::ref).containsExactly("IT002/02", "IT005/04", "IT005/06", "IT007/02",
                "IT008/01", "IT008/02", "COM004/04", "COM004/05");
        assertThat(d.dueSoon()).isEmpty(); // the next dates are 31/05/2023, 16 days on
        assertThat(d.completed()).isEmpty();
        assertThat(d.slipped()).isEmpty();
        assertThat(d.silentOwners()).isEmpty();
        assertThat(d.isQuiet()).isFalse();
    }

    @Test
    void givenTheSamplePlan_whenDigestedAWeekLater_thenTheEightTasksDueOn31MayAreDueIn9Days() {
        Digest d = DigestBuilder.build(source.read(WHOLE_PLAN, null, MAY_15.plusWeeks(1)));

        assertThat(d.dueSoon()).extracting(x -> x.task().ref(), Digest.Due::daysLeft).containsExactly(
                tuple("EN003/01", 9L), tuple("EN003/02", 9L), tuple("EN003/03", 9L), tuple("EN003/04", 9L),
                tuple("EN003/05", 9L), tuple("PRE005/01", 9L), tuple("PRE005/02", 9L), tuple("PRE005/03", 9L));
        assertThat(d.overdue()).hasSize(28);
    }

    @Test
    void givenOneSection_whenDigested_thenOnlyItsTasksCountWhateverTheCaseOfItsName() {
        Digest d = DigestBuilder.build(source.read(new DigestScope(SamplePlan.TENANT, null, "elected member training"),
                null, MAY_15));

        assertThat(d.totals().total()).isEqualTo(15);
        assertThat(d.totals().of(Rag.RED)).isEqualTo(15);
        assertThat(d.overdue()).hasSize(15).allSatisfy(o -> assertThat(o.daysLate()).isEqualTo(104L));
        assertThat(d.tbc()).isEmpty();
        assertThat(d.sections()).extracting(Digest.SectionCounts::section).containsExactly("ELECTED MEMBER TRAINING");
    }

    @Test
    void givenChangesByImportAndByCommandsDuringTheWeek_whenDigested_thenCompletedAndSlippedListThemWithTotals() {
        // A newer tracker imported on 10 May: EN003/01 completed, EN003/02 moved from 31/05 to 30/06/2023.
        Plan plan = SamplePlan.read();
        Task en1 = task(plan, "EN003/01");
        Task en2 = task(plan, "EN003/02");
        Plan newer = TestPlans.replaceTask(TestPlans.replaceTask(plan, en1.withStatus(Status.of("Completed"))),
                en2.withTarget(PlanDate.of(java.time.LocalDate.of(2023, 6, 30))));
        SamplePlan.importAt(stores, newer, london("2023-05-10T10:00"));
        // Commands, written the way the command service writes them.
        Tenant tenant = stores.tenants().find(SamplePlan.TENANT).orElseThrow();
        setDate(tenant, "MEM001/01", "2023-06-30", london("2023-05-02T10:00")); // before the last digest
        setDate(tenant, "MEM001/01", "2023-07-31", london("2023-05-11T10:00"));
        setDate(tenant, "COM006/01", "2023-09-30", london("2023-05-12T10:00"));
        setDate(tenant, "COM006/01", "2023-12-31", london("2023-05-13T10:00"));
        setStatus(tenant, "IT003/01", "Completed", london("2023-05-12T11:00"));
        setStatus(tenant, "IT006/01", "Completed", london("2023-05-09T11:00"));
        setStatus(tenant, "IT006/01", "In progress", london("2023-05-09T12:00")); // reopened: not completed
        setStatus(tenant, "IT010/02", "Completed", london("2023-05-15T09:30"));   // after the digest

        Instant lastDigest = london("2023-05-08T09:00");
        Digest d = DigestBuilder.build(source.read(WHOLE_PLAN, lastDigest, MAY_15));

        assertThat(d.period().from().toInstant()).isEqualTo(lastDigest);
        assertThat(d.completed()).extracting(c -> c.task().ref(), Digest.Done::at).containsExactly(
                tuple("EN003/01", london("2023-05-10T10:00")), tuple("IT003/01", london("2023-05-12T11:00")));
        assertThat(d.slipped()).extracting(s -> s.task().ref(), s -> s.from().date().toString(),
                        s -> s.to().date().toString(), Digest.Slip::timesInPeriod, Digest.Slip::timesInTotal)
                .containsExactly(
                        tuple("COM006/01", "2022-10-31", "2023-12-31", 2, 2),
                        tuple("MEM001/01", "2023-06-30", "2023-07-31", 1, 2),
                        tuple("EN003/02", "2023-05-31", "2023-06-30", 1, 1));
        // The tasks are read as they are when the source reads them, so IT010/02 counts as done, though its
        // completion falls after the digest's moment and is not listed: 28 overdue, less IT003/01 and IT010/02
        // (completed) and COM006/01 and MEM001/01 (moved into the future).
        assertThat(d.overdue()).hasSize(24);
        assertThat(d.totals().of(Rag.BLUE)).isEqualTo(116 + 3);
        assertThat(DigestText.render(d)).contains("COM006/01  31/10/2022 -> 31/12/2023, revised twice in all");
    }

    @Test
    void givenTheSamplePlan_whenRenderedAsText_thenTheHeadlinesAreThere() {
        String text = DigestText.render(DigestBuilder.build(source.read(WHOLE_PLAN, null, MAY_15)));

        assertThat(text).startsWith("Weekly digest: Planning review\nFrom 08/05/2023 09:00 to 15/05/2023 09:00\n")
                .contains("210 tasks: 28 overdue (red), 0 at risk (amber), 57 on track (green), 116 done (blue), 9 closed (grey)")
                .contains("By status: On target 51, In progress 34, Completed 116, Closed - no longer required 9")
                .contains("\n  PLANNING ENFORCEMENT: 32 (red 4, amber 0, green 5, blue 20, grey 3)\n")
                .contains("\nOverdue (28):\n  COM006/01  196 days late (due 31/10/2022)  (no owner)  Create an FAQ document\n")
                .contains("Due in the next 14 days (0): none")
                .contains("Target date TBC (8):")
                .doesNotContain(Digest.QUIET_TEXT);
    }

    @Test
    void givenTheSamplePlan_whenItsChartIsDrawn_thenThePngHasElevenBarsWorthOfColourAndIsLeftForAPersonToSee()
            throws java.io.IOException {
        Digest d = DigestBuilder.build(source.read(WHOLE_PLAN, null, MAY_15));

        byte[] png = DigestChart.png(d);

        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(900);
        assertThat(image.getHeight()).isEqualTo(500);
        Path out = Path.of("target", "digest-sample-chart.png"); // for a person to open after changing the chart
        java.nio.file.Files.createDirectories(out.getParent());
        java.nio.file.Files.write(out, png);
    }

    private static Task task(Plan plan, String ref) {
        return plan.tasks().filter(t -> t.ref().equals(ref)).findFirst().orElseThrow();
    }

    private TaskRow row(Tenant tenant, String ref) {
        List<TaskInAction> rows = stores.tasks().findTasksByKey(tenant, RefKey.of(ref));
        assertThat(rows).hasSize(1);
        return rows.get(0).task();
    }

    private void setDate(Tenant tenant, String ref, String isoDate, Instant at) {
        db.transaction(() -> {
            TaskRow r = row(tenant, ref);
            PlanDate to = PlanDate.of(java.time.LocalDate.parse(isoDate));
            stores.tasks().update(tenant, r.id(), r.task().withTarget(to), at);
            stores.audit().append(tenant, List.of(new AuditEvent(at, "Sam", Source.SLACK, "task", ref, "target-date",
                    r.task().target().display(), isoDate, "waiting on legal")));
            stores.revisions().append(tenant, r.id(), new DateRevision(ref, r.task().target(), to, "Sam", Source.SLACK,
                    "waiting on legal", at));
            return null;
        });
    }

    private void setStatus(Tenant tenant, String ref, String word, Instant at) {
        db.transaction(() -> {
            TaskRow r = row(tenant, ref);
            Status status = new Status(word, StatusKind.of(word));
            stores.tasks().update(tenant, r.id(), r.task().withStatus(status), at);
            stores.audit().append(tenant, List.of(new AuditEvent(at, "Sam", Source.SLACK, "task", ref, "status",
                    r.task().status().word(), word, null)));
            return null;
        });
    }
}
