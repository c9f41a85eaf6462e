package planbot.scheduler.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static planbot.scheduler.jobs.SchedulerServiceTest.waitFor;
import static planbot.scheduler.jobs.Wiring.london;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import planbot.scheduler.reminder.Reminder;
import planbot.scheduler.reminder.SweepRequest;
import planbot.storage.Database;
import planbot.storage.SubscriptionSpec;
import planbot.storage.testing.TestDatabases;

/**
 * Two scheduler nodes, each with its own connection pool, on one embedded PostgreSQL database: Quartz's
 * clustered store runs each fire on one of them, every reminder and digest is written once, and when one node
 * stops the other carries on.
 */
class SchedulerClusterTest {
    private static final Logger LOG = LoggerFactory.getLogger(SchedulerClusterTest.class);
    private static final Instant SATURDAY = london("2023-05-13T10:00");
    private static final Instant MONDAY = london("2023-05-15T09:30");
    private static final Instant TUESDAY = london("2023-05-16T09:30");

    private final List<Database> databases = new ArrayList<>();
    private final List<SchedulerService> nodes = new ArrayList<>();
    private MovingClock clock;
    private Wiring a;
    private Wiring b;

    @BeforeEach
    void twoNodesOnOneDatabase() {
        String url = TestDatabases.postgresUrl();
        databases.add(Database.open(url));
        databases.add(Database.open(url));
        clock = new MovingClock(SATURDAY);
        a = new Wiring(databases.get(0), clock);
        b = new Wiring(databases.get(1), clock);
        Instant imported = london("2023-05-01T10:00");
        a.importPlan("council", Wiring.dueAround("Review", "EN", LocalDate.of(2023, 5, 15)), imported);
        a.importPlan("borough", Wiring.dueAround("Review", "BO", LocalDate.of(2023, 5, 15)), imported);
        a.subscriptions.add(a.stores.tenants().find("council").orElseThrow(),
                SubscriptionSpec.weekly("slack:C1", null, null), imported);
    }

    @AfterEach
    void close() {
        nodes.forEach(SchedulerService::stop);
        databases.forEach(Database::close);
    }

    private static SchedulerConfig node(String id) {
        return SchedulerConfig.defaults().withSweepEvery(Duration.ofSeconds(1)).withDigestEvery(Duration.ofSeconds(1))
                .withQuietHours(null).withInstanceId(id).withClusterCheckin(Duration.ofSeconds(1));
    }

    private List<String> dueAt(Instant at) {
        return a.reminders.sweep(SweepRequest.allTenants(at).asDryRun()).decided().stream().map(Reminder::key).toList();
    }

    /** Quartz's fires of the reminder sweep on a node: its runs less the catch-up at start. */
    private static long fires(SchedulerService node) {
        return node.health().get(0).runs() - 1;
    }

    @Test
    @Timeout(30)
    void everyReminderIsWrittenOnceAndWhenANodeStopsTheOtherCarriesOn() throws Exception {
        // GIVEN two nodes started at the same moment on a Saturday (their catch-up sends last Monday's digest)
        SchedulerService nodeA = a.scheduler(node("node-a"));
        SchedulerService nodeB = b.scheduler(node("node-b"));
        nodes.add(nodeA);
        nodes.add(nodeB);
        ExecutorService starting = Executors.newFixedThreadPool(2);
        List<Future<?>> started = List.of(starting.submit(nodeA::start), starting.submit(nodeB::start));
        for (Future<?> f : started) {
            f.get();
        }
        starting.shutdown();
        assertThat(nodeA.isClustered()).isTrue();
        assertThat(nodeA.instanceId()).isEqualTo("node-a");
        assertThat(nodeB.instanceId()).isEqualTo("node-b");
        assertThat(a.reminderKeys()).isEmpty();
        assertThat(a.digestKeys()).containsExactly("dig:council:slack:C1:2023-W19");

        // WHEN the clock moves to Monday 09:30, when reminders fall due in both tenants
        List<String> monday = dueAt(MONDAY);
        assertThat(monday).hasSizeGreaterThan(4);
        clock.set(MONDAY);

        // THEN Quartz's fires write each of them once (and this week's digest), and go on firing
        long monday0 = System.nanoTime();
        waitFor(() -> a.reminderKeys().size() >= monday.size() && a.digestKeys().size() == 2);
        waitFor(() -> fires(nodeA) + fires(nodeB) >= 4);
        assertThat(a.reminderKeys()).containsExactlyInAnyOrderElementsOf(monday);
        assertThat(a.digestKeys()).containsExactly("dig:council:slack:C1:2023-W19", "dig:council:slack:C1:2023-W20");
        assertThat(a.duplicateKeys()).isEmpty();
        long firesA = fires(nodeA);
        long firesB = fires(nodeB);
        LOG.info("Monday's reminders written within {} ms; fires so far: node-a {}, node-b {}",
                (System.nanoTime() - monday0) / 1_000_000, nodeA.health(), nodeB.health());
        assertThat(nodeA.health()).allSatisfy(s -> assertThat(s.failures()).as(s.job()).isZero());
        assertThat(nodeB.health()).allSatisfy(s -> assertThat(s.failures()).as(s.job()).isZero());

        // WHEN the node that fired most stops, and the clock moves to Tuesday 09:30
        SchedulerService stopped = firesA >= firesB ? nodeA : nodeB;
        SchedulerService other = stopped == nodeA ? nodeB : nodeA;
        stopped.stop();
        long takeover = System.nanoTime();
        long otherBefore = fires(other);
        List<String> tuesday = dueAt(TUESDAY);
        assertThat(tuesday).isNotEmpty();
        clock.set(TUESDAY);

        // THEN the other node carries on: it writes Tuesday's reminders, once
        TreeSet<String> expected = new TreeSet<>(monday);
        expected.addAll(tuesday);
        waitFor(() -> a.reminderKeys().size() >= expected.size());
        assertThat(a.reminderKeys()).containsExactlyElementsOf(expected);
        assertThat(a.duplicateKeys()).isEmpty();
        assertThat(fires(other)).isGreaterThan(otherBefore);
        LOG.info("after {} stopped, {} wrote Tuesday's reminders within {} ms; fires since: {}", stopped.instanceId(),
                other.instanceId(), (System.nanoTime() - takeover) / 1_000_000, fires(other) - otherBefore);
    }
}
