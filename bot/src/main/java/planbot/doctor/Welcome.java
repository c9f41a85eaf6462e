package planbot.doctor;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import planbot.domain.AuditEvent;
import planbot.domain.Source;
import planbot.reply.Listing;
import planbot.storage.AuditRepository;
import planbot.storage.Database;
import planbot.storage.Tenant;

/**
 * The welcome: the first person to use planbot in a workspace (Slack: the first to open its App Home) gets the
 * doctor's findings as a short checklist, once per workspace. The row in {@code welcome} is claimed before the
 * checklist is made, in one statement that two nodes (or two events at once) cannot both win, so a restart or a second
 * opening never repeats it; a welcome whose posting fails is not tried again (at most once, never twice).
 *
 * <p>Called by a platform's handler for a verified caller. Thread-safe. Storage failures propagate.
 */
public final class Welcome {
    private static final Logger LOG = LoggerFactory.getLogger(Welcome.class);
    private final Database db;
    private final AuditRepository audit;
    private final Doctor doctor;
    private final Clock clock;

    public Welcome(Database db, AuditRepository audit, Doctor doctor, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.doctor = Objects.requireNonNull(doctor, "doctor");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The checklist to send this user, when this is the first use of planbot in the workspace; else empty.
     *
     * @param platform  where ({@link Source#SLACK})
     * @param workspace the workspace id (Slack team, or enterprise for an org-wide install)
     * @param userId    who to welcome
     */
    public Optional<Listing> firstUse(Tenant tenant, Source platform, String workspace, String userId) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(userId, "userId");
        String name = platform.word() + ":" + workspace;
        boolean first = db.inTransaction(h -> {
            int claimed = h.createUpdate("INSERT INTO welcome (platform, workspace_id, tenant_id, user_id,"
                            + " sent_at) VALUES (:platform, :workspace, :tenant, :user, :at)"
                            + " ON CONFLICT (platform, workspace_id) DO NOTHING")
                    .bind("platform", platform.word()).bind("workspace", workspace).bind("tenant", tenant.id())
                    .bind("user", userId).bind("at", clock.instant().toEpochMilli()).execute();
            if (claimed == 1) {
                audit.append(tenant, new AuditEvent(clock.instant(), "planbot", platform, "workspace", name, "welcomed",
                        null, userId, "first use of planbot in this workspace: the doctor's checklist"));
            }
            return claimed == 1;
        });
        if (!first) {
            return Optional.empty();
        }
        LOG.info("welcoming {} in {}: the first use of planbot there", userId, name);
        Report report = doctor.examine(tenant.slug());
        Listing checklist = report.checklist();
        return Optional.of(new Listing("Welcome to planbot. " + checklist.title() + " An admin can run `/plan doctor` to"
                + " check again.", checklist.lines(), checklist.emptyText()));
    }
}
