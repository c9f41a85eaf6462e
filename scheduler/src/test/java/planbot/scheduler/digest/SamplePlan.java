package planbot.scheduler.digest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import planbot.domain.Plan;
import planbot.storage.testing.Stores;
import planbot.storage.testing.TestPlans;
import planbot.tracker.ImportMode;
import planbot.tracker.read.ReadOptions;
import planbot.tracker.read.ReadResult;
import planbot.tracker.read.TrackerFormatException;
import planbot.tracker.read.TrackerReader;

/** The sample review tracker ({@code samples/planning-review-action-plan.tsv}), read and imported as a tenant's plan. */
final class SamplePlan {
    static final String TENANT = "wlbc";
    static final String NAME = "Planning review";
    static final String FILE = "planning-review-action-plan.tsv";

    private SamplePlan() {
    }

    static Plan read() {
        try {
            ReadResult read = TrackerReader.read(path(), ReadOptions.named(NAME));
            return read.plan();
        } catch (TrackerFormatException e) {
            throw new IllegalStateException("the sample tracker no longer reads", e);
        }
    }

    /** Imports a plan (the sample, or a changed copy of it) into the sample tenant at an instant. */
    static void importAt(Stores stores, Plan plan, Instant at) {
        stores.importer().importPlan(TENANT, TestPlans.read(plan), ImportMode.APPLY, "admin", Clock.fixed(at, ZoneOffset.UTC));
    }

    private static Path path() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("samples").resolve(FILE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("sample " + FILE + " not found above " + Path.of("").toAbsolutePath());
    }
}
