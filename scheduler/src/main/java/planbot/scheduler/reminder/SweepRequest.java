package planbot.scheduler.reminder;

import java.time.Instant;
import java.util.Objects;
import planbot.storage.Tenant;

/**
 * What a sweep should do.
 *
 * @param tenant    the tenant to sweep; null for every tenant
 * @param at        the instant to decide for (the clock's now, or {@code remind --at})
 * @param dryRun    decide and report, write nothing
 * @param everyTask read every open task instead of only those that can have a moment since the last sweep
 *                  (slower; for checks and diagnostics: the result is the same)
 */
public record SweepRequest(Tenant tenant, Instant at, boolean dryRun, boolean everyTask) {
    public SweepRequest {
        Objects.requireNonNull(at, "at");
    }

    public static SweepRequest allTenants(Instant at) {
        return new SweepRequest(null, at, false, false);
    }

    public static SweepRequest of(Tenant tenant, Instant at) {
        return new SweepRequest(Objects.requireNonNull(tenant, "tenant"), at, false, false);
    }

    public SweepRequest asDryRun() {
        return new SweepRequest(tenant, at, true, everyTask);
    }

    public SweepRequest readingEveryTask() {
        return new SweepRequest(tenant, at, dryRun, true);
    }
}
