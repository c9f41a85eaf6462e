package planbot.scheduler.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import planbot.domain.PlanDate;
import planbot.domain.Status;

/** Digest inputs built by hand: one plan ("Plan"), tasks added one by one, a period ending at a London moment. */
final class Inputs {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final String PLAN = "Plan";

    private final List<TaskSnapshot> tasks = new ArrayList<>();
    private final List<TargetRevision> revisions = new ArrayList<>();
    private final List<Completion> completions = new ArrayList<>();
    private final ZonedDateTime now;
    private ZonedDateTime since;

    private Inputs(ZonedDateTime now) {
        this.now = now;
        this.since = now.minusDays(7);
    }

    /** A digest at a London wall-clock moment, covering the week before it. */
    static Inputs at(String localDateTime) {
        return new Inputs(LocalDateTime.parse(localDateTime).atZone(LONDON));
    }

    static Instant london(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant();
    }

    static PlanDate day(String iso) {
        return PlanDate.of(LocalDate.parse(iso));
    }

    static PlanDate tbc(String remark) {
        return PlanDate.tbc(remark, null);
    }

    Inputs since(String localDateTime) {
        since = LocalDateTime.parse(localDateTime).atZone(LONDON);
        return this;
    }

    /** A task in section "S", updated a day before the digest, never revised. */
    Inputs task(String ref, String status, PlanDate target, String owner) {
        return task("S", ref, status, target, owner, now.minusDays(1).toInstant(), 0);
    }

    Inputs task(String section, String ref, String status, PlanDate target, String owner, Instant updatedAt,
                int timesRevised) {
        String action = ref.contains("/") ? ref.substring(0, ref.indexOf('/')) : ref;
        tasks.add(new TaskSnapshot(PLAN, section, action, null, ref, "Do " + ref, Status.of(status), target, owner,
                updatedAt, timesRevised));
        return this;
    }

    Inputs revised(String ref, PlanDate from, PlanDate to, Instant at) {
        revisions.add(new TargetRevision(PLAN, ref, from, to, at));
        return this;
    }

    Inputs completed(String ref, String status, Instant at) {
        completions.add(new Completion(PLAN, ref, Status.of(status), at));
        return this;
    }

    DigestInput input() {
        return new DigestInput(DigestScope.all("council"), tasks, revisions, completions, since, now,
                DigestInput.SILENT_AFTER);
    }

    Digest build() {
        return DigestBuilder.build(input());
    }
}
