package planbot.scheduler.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Runs the benchmark small, to keep it working; it asserts what was built and decided, never how long it
 * took. Set -Dplanbot.bench.tasks=1000000 -Dplanbot.bench.tenants=1000 for the full run.
 */
class RemindBenchmarkTest {

    @Test
    void buildsSweepsAndComparesWithTheBaseline() {
        int tasks = Integer.getInteger("planbot.bench.tasks", 20_000);
        int tenants = Integer.getInteger("planbot.bench.tenants", 20);
        RemindBenchmark.Result r = new RemindBenchmark().run(tasks, tenants);
        System.out.println("bench remind: " + r);
        assertThat(r.tasks()).isEqualTo(tasks);
        assertThat(r.catchUpDecided()).isGreaterThan(tasks / 4);
        assertThat(r.decided()).isPositive();
        assertThat(r.baselineRows()).isPositive();
        // every due row is a task with something due; a task can have two reminders due at once
        assertThat(r.decided()).isGreaterThanOrEqualTo(r.baselineRows());
    }
}
