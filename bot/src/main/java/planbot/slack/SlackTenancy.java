package planbot.slack;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import planbot.command.Actor;
import planbot.domain.AuditEvent;
import planbot.domain.Source;
import planbot.storage.AuditRepository;
import planbot.storage.ChatIdentity;
import planbot.storage.Database;
import planbot.storage.PersonRepository;
import planbot.storage.Tenant;
import planbot.storage.TenantRepository;
import planbot.storage.WorkspaceRepository;

/**
 * Finds the council and the person behind a verified Slack request: the workspace (enterprise id, team id) gives
 * the tenant it is bound to, the user id gives the person linked to that Slack account (or a guest, who may read
 * but not change).
 *
 * <p>A workspace with no binding is bound automatically (and the binding audited) when the database holds
 * exactly one tenant: the usual single-council install needs no set-up step. With several tenants an admin must
 * bind it, and the caller is told so.
 *
 * <p>Called by every Slack handler before it does anything. Thread-safe. Storage failures propagate.
 */
public final class SlackTenancy {
    /** The platform name in bindings and chat identities. */
    public static final String PLATFORM = "slack";
    static final String NO_TENANT = "There is no plan here yet: an admin can import one with `./planbot import FILE`.";
    static final String UNBOUND = "This Slack workspace is not linked to a council's plan yet: ask a planbot admin to bind it "
            + "(`./planbot workspace bind`).";

    /** What {@link #resolve} found: a {@link SlackCaller}, or a {@link Refused} with a sentence for the user. */
    public sealed interface Result permits SlackCaller, Refused {
    }

    /** The request cannot be served in this workspace; {@code message} says why and what to do, for the user. */
    public record Refused(String message) implements Result {
        public Refused {
            Objects.requireNonNull(message, "message");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(SlackTenancy.class);
    private final Database db;
    private final WorkspaceRepository workspaces;
    private final TenantRepository tenants;
    private final PersonRepository people;
    private final AuditRepository audit;
    private final Clock clock;

    public SlackTenancy(Database db, WorkspaceRepository workspaces, TenantRepository tenants, PersonRepository people,
                        AuditRepository audit, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.workspaces = Objects.requireNonNull(workspaces, "workspaces");
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.people = Objects.requireNonNull(people, "people");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The caller of a verified request.
     *
     * @param enterpriseId the Enterprise Grid id, or null/"" when there is none
     * @param teamId       the workspace (team) id, or null/"" for an org-wide install's request with no team
     * @param userId       the Slack user id
     * @param userName     how Slack names the user (a guest is named by it); may be null
     */
    public Result resolve(String enterpriseId, String teamId, String userId, String userName) {
        String enterprise = Objects.requireNonNullElse(enterpriseId, "");
        String team = Objects.requireNonNullElse(teamId, "");
        if (enterprise.isEmpty() && team.isEmpty()) {
            throw new IllegalArgumentException("a Slack request names a team or an enterprise");
        }
        Objects.requireNonNull(userId, "userId");
        Optional<Tenant> tenant = workspaces.tenantOf(PLATFORM, enterprise, team);
        if (tenant.isEmpty()) {
            Optional<Result> refused = bindToOnlyTenant(enterprise, team);
            if (refused.isPresent()) {
                return refused.get();
            }
            tenant = workspaces.tenantOf(PLATFORM, enterprise, team);
        }
        ChatIdentity identity = identity(enterprise, team, userId);
        Tenant t = tenant.orElseThrow();
        Actor actor = people.findByIdentity(t, identity).map(Actor::of)
                .orElseGet(() -> Actor.guest(userName == null || userName.isBlank() ? userId : userName));
        return new SlackCaller(t, actor, identity);
    }

    /**
     * Runs {@code work} for the caller of a verified request ({@link #resolve}, with the same arguments), on one
     * database connection for the whole of it: the tenancy reads and every repository call {@code work} makes on this
     * thread share one pool checkout instead of taking one each. A write inside still runs in its own transaction,
     * on that connection. The caller is still looked up afresh for every request.
     */
    public <R> R withCaller(String enterpriseId, String teamId, String userId, String userName, Function<Result, R> work) {
        Objects.requireNonNull(work, "work");
        return db.withHandle(h -> work.apply(resolve(enterpriseId, teamId, userId, userName)));
    }

    /**
     * The chat identity of a Slack user: the workspace is the team, or the enterprise for an org-wide install's
     * request that names no team.
     */
    public static ChatIdentity identity(String enterpriseId, String teamId, String userId) {
        String team = Objects.requireNonNullElse(teamId, "");
        return new ChatIdentity(PLATFORM, team.isEmpty() ? Objects.requireNonNullElse(enterpriseId, "") : team, userId);
    }

    /** Binds the workspace when there is exactly one tenant; otherwise the reason it cannot serve. */
    private Optional<Result> bindToOnlyTenant(String enterprise, String team) {
        return db.transaction(() -> {
            // Again inside the write transaction: two first requests at once must not both bind and audit.
            if (workspaces.tenantOf(PLATFORM, enterprise, team).isPresent()) {
                return Optional.empty();
            }
            List<Tenant> all = tenants.list();
            if (all.isEmpty()) {
                return Optional.of(new Refused(NO_TENANT));
            }
            if (all.size() > 1) {
                return Optional.of(new Refused(UNBOUND));
            }
            Tenant only = all.get(0);
            workspaces.bind(only, PLATFORM, enterprise, team, clock.instant());
            String workspace = describe(enterprise, team);
            audit.append(only, new AuditEvent(clock.instant(), "planbot", Source.SLACK, "workspace", workspace, "bound",
                    null, only.slug(), "first request from this workspace; the only tenant"));
            LOG.info("bound Slack workspace {} to tenant {} (the only one)", workspace, only.slug());
            return Optional.empty();
        });
    }

    /** "slack:T123", "slack:E1/T123" or "slack:E1": how the audit trail names a workspace. */
    static String describe(String enterprise, String team) {
        return PLATFORM + ":" + (enterprise.isEmpty() ? team : team.isEmpty() ? enterprise : enterprise + "/" + team);
    }
}
