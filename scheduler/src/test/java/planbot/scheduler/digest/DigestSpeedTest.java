package planbot.scheduler.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.domain.AuditEvent;
import planbot.domain.DateRevision;
import planbot.domain.Plan;
import planbot.domain.PlanDate;
import planbot.domain.Source;
import planbot.storage.Database;
import planbot.storage.TaskQuery;
import planbot.storage.TaskRow;
import planbot.storage.Tenant;
import planbot.storage.testing.Stores;
import planbot.storage.testing.TestDatabases;
import planbot.storage.testing.TestPlans;
import planbot.tracker.ImportMode;

/**
 * The digest of a 10,000-task tenant on a SQLite file, warm: reading the input, building the digest, and (for
 * information) rendering text and chart. It prints the timings (the target is under 100 ms for source and
 * builder together) and asserts what was built, never how long it took: timing belongs to a person reading
 * the output.
 */
class DigestSpeedTest {
    static final ZonedDateTime NOW = LocalDateTime.parse("2024-06-03T09:00").atZone(Inputs.LONDON);
    static final int WARM_UP = 50;
    static final int RUNS = 50;

    @Test
    void measuresTheDigestOfATenThousandTaskTenantOnSqliteWarm(@TempDir Path dir) {
        Plan plan = TestPlans.large("Big plan", 10, 50, 20);
        try (Database db = TestDatabases.sqlite(dir)) {
            Stores stores = Stores.on(db);
            stores.importer().importPlan("speed", TestPlans.read(plan), ImportMode.APPLY, "admin",
                    Clock.fixed(Instant.parse("2024-04-01T08:00:00Z"), ZoneOffset.UTC));
            Tenant tenant = stores.tenants().find("speed").orElseThrow();
            weekOfActivity(db, stores, tenant);
            DigestSource source = new DigestSource(db);
            DigestScope scope = DigestScope.all("speed");
            Instant lastDigest = NOW.minusDays(7).toInstant();

            double[] read = time(() -> source.read(scope, lastDigest, NOW));
            DigestInput input = source.read(scope, lastDigest, NOW);
            double[] build = time(() -> DigestBuilder.build(input));
            double[] both = time(() -> DigestBuilder.build(source.read(scope, lastDigest, NOW)));
            Digest digest = DigestBuilder.build(input);
            double[] text = time(() -> DigestText.render(digest));
            double[] png = time(() -> DigestChart.png(digest));

            System.out.printf("digest of %,d tasks (%d revisions, %d completions in the week), median [min-max] of %d warm calls:%n",
                    input.tasks().size(), input.revisions().size(), input.completions().size(), RUNS);
            print("DigestSource.read", read);
            print("DigestBuilder.build", build);
            print("read + build", both);
            print("DigestText.render", text);
            print("DigestChart.png", png);

            assertThat(input.tasks()).hasSize(10_000);
            assertThat(input.revisions()).hasSize(500);
            assertThat(input.completions()).hasSize(300);
            assertThat(digest.totals().total()).isEqualTo(10_000);
            assertThat(digest.sections()).hasSize(10);
            assertThat(digest.slipped()).hasSize(500);
            assertThat(digest.overdue()).isNotEmpty();
            assertThat(digest.completed()).hasSize(300);
            DigestBuilderTest.assertSectionsSumToTotals(digest);
        }
    }

    /** 500 target dates revised and 300 tasks completed during the week, written as commands write them. */
    private static void weekOfActivity(Database db, Stores stores, Tenant tenant) {
        List<TaskRow> rows = stores.tasks().find(tenant, TaskQuery.all().open());
        db.transaction(() -> {
            List<AuditEvent> events = new ArrayList<>();
            for (int i = 0; i < 800; i++) {
                TaskRow row = rows.get(i * 7);
                Instant at = NOW.minusDays(6).toInstant().plusSeconds(600L * i);
                if (i < 500) {
                    PlanDate from = row.task().target() == null ? PlanDate.of(LocalDate.of(2024, 5, 1)) : row.task().target();
                    PlanDate to = PlanDate.of(LocalDate.of(2024, 9, 30));
                    stores.tasks().update(tenant, row.id(), row.task().withTarget(to), at);
                    stores.revisions().append(tenant, row.id(), new DateRevision(row.ref(), from, to, "Sam", Source.SLACK,
                            null, at));
                    events.add(new AuditEvent(at, "Sam", Source.SLACK, "task", row.ref(), "target-date", from.display(),
                            "30/09/2024", null));
                } else {
                    stores.tasks().update(tenant, row.id(), row.task().withStatus(planbot.domain.Status.of("Completed")), at);
                    events.add(new AuditEvent(at, "Sam", Source.SLACK, "task", row.ref(), "status",
                            row.task().status().word(), "Completed", null));
                }
            }
            stores.audit().append(tenant, events);
            return null;
        });
    }

    /** The first (cold) call's time, then the sorted times of {@link #RUNS} calls after {@link #WARM_UP} more. */
    private static double[] time(Supplier<?> work) {
        long first = System.nanoTime();
        work.get();
        double cold = (System.nanoTime() - first) / 1e6;
        for (int i = 0; i < WARM_UP; i++) {
            work.get();
        }
        double[] ms = new double[RUNS + 1];
        for (int i = 1; i <= RUNS; i++) {
            long start = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms, 1, ms.length);
        ms[0] = cold;
        return ms;
    }

    private static void print(String what, double[] ms) {
        System.out.printf("  %-20s %7.1f ms  [%.1f-%.1f]  first call %.1f ms%n", what, ms[1 + RUNS / 2], ms[1], ms[RUNS],
                ms[0]);
    }
}
