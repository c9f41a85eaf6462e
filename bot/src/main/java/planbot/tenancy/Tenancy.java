package planbot.tenancy;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import planbot.command.Actor;
import planbot.domain.AuditEvent;
import planbot.domain.Person;
import planbot.domain.Source;
import planbot.storage.AuditRepository;
import planbot.storage.ChatIdentity;
import planbot.storage.Database;
import planbot.storage.PersonRepository;
import planbot.storage.Tenant;
import planbot.storage.TenantRepository;
import planbot.storage.WorkspaceRepository;

/**
 * Finds the council and the person behind a verified chat request, on any platform: the workspace (a parent id such
 * as a Slack enterprise, and a workspace id such as a Slack team or a Discord guild) gives the tenant it is bound to;
 * the user id gives the person linked to that account, or a guest, who may read but not change.
 *
 * <p>The binding rule: an unknown workspace binds itself (audited) only when the database holds exactly one tenant
 * and that tenant has no workspace bound on this platform yet, so that a single-council install needs no set-up
 * step. Any other unknown workspace is refused with a sentence naming the admin's bind command, and reads nothing
 * of any council's plan: otherwise anyone able to send one signed request from another workspace would become a
 * guest of the council.
 *
 * <p>Called by every platform adapter before it does anything. Thread-safe; two first requests at once bind once.
 * Storage failures propagate.
 */
public final class Tenancy {
    private static final String NO_TENANT = "There is no plan here yet: an admin can import one with `./planbot import FILE`.";

    /** What {@link #resolve} found: a {@link Caller}, or a {@link Refused} with a sentence for the user. */
    public sealed interface Result permits Caller, Refused {
    }

    /** The request cannot be served in this workspace; {@code message} says why and what to do, for the user. */
    public record Refused(String message) implements Result {
        public Refused {
            Objects.requireNonNull(message, "message");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Tenancy.class);
    private final Database db;
    private final WorkspaceRepository workspaces;
    private final TenantRepository tenants;
    private final PersonRepository people;
    private final AuditRepository audit;
    private final Clock clock;

    public Tenancy(Database db, WorkspaceRepository workspaces, TenantRepository tenants, PersonRepository people,
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
     * @param platform    where the request came from
     * @param parentId    the workspace's parent (a Slack Enterprise Grid id), or null/"" when there is none
     * @param workspaceId the workspace (Slack team, Discord guild, Teams team), or null/"" for a request the parent
     *                    makes with no workspace (a Slack org-wide install)
     * @param userId      the platform's user id
     * @param userName    how the platform names the user (a guest is named by it); may be null
     * @throws IllegalArgumentException when neither id is given: the adapter must refuse such a request first
     */
    public Result resolve(Source platform, String parentId, String workspaceId, String userId, String userName) {
        Objects.requireNonNull(platform, "platform");
        String parent = Objects.requireNonNullElse(parentId, "");
        String workspace = Objects.requireNonNullElse(workspaceId, "");
        if (parent.isEmpty() && workspace.isEmpty()) {
            throw new IllegalArgumentException("a request names a workspace or its parent");
        }
        Objects.requireNonNull(userId, "userId");
        Optional<Tenant> tenant = workspaces.tenantOf(platform.word(), parent, workspace);
        if (tenant.isEmpty()) {
            Optional<Refused> refused = bindFirstWorkspace(platform, parent, workspace);
            if (refused.isPresent()) {
                return refused.get();
            }
            tenant = workspaces.tenantOf(platform.word(), parent, workspace);
        }
        ChatIdentity identity = identity(platform, parent, workspace, userId);
        Tenant t = tenant.orElseThrow();
        Optional<Person> person = people.findByIdentity(t, identity);
        // reminders follow a person to the platform they last used planbot on (unless they chose one)
        person.ifPresent(p -> people.noteUsed(t, p.name(), platform.word()));
        Actor actor = person.map(Actor::of)
                .orElseGet(() -> Actor.guest(userName == null || userName.isBlank() ? userId : userName));
        return new Caller(t, actor, identity);
    }

    /**
     * Runs {@code work} for the caller of a verified request ({@link #resolve}, with the same arguments), on one
     * database connection for the whole of it: the tenancy reads and every repository call {@code work} makes on this
     * thread share one pool checkout instead of taking one each. A write inside still runs in its own transaction,
     * on that connection. The caller is still looked up afresh for every request.
     */
    public <R> R withCaller(Source platform, String parentId, String workspaceId, String userId, String userName,
                            Function<Result, R> work) {
        Objects.requireNonNull(work, "work");
        return db.withHandle(h -> work.apply(resolve(platform, parentId, workspaceId, userId, userName)));
    }

    /**
     * The workspace to resolve a request from a direct chat that names none (a Discord DM) in: the workspace of the
     * user's linked account on the platform, when all their linked accounts there are in workspaces bound to one
     * tenant. Empty when they are linked in no tenant or in several: the adapter then asks them to use planbot where
     * the workspace is known.
     */
    public Optional<String> onlyWorkspaceOf(Source platform, String userId) {
        Objects.requireNonNull(platform, "platform");
        Optional<String> workspace = Optional.empty();
        java.util.Set<Long> tenantIds = new java.util.HashSet<>();
        for (ChatIdentity linked : people.identitiesOfUser(platform.word(), userId)) {
            Optional<Tenant> t = workspaces.tenantOf(platform.word(), "", linked.workspace());
            if (t.isPresent()) {
                tenantIds.add(t.get().id());
                workspace = workspace.or(() -> Optional.of(linked.workspace()));
            }
        }
        return tenantIds.size() == 1 ? workspace : Optional.empty();
    }

    /**
     * The chat identity of a user: it lives in the workspace, or in the parent for a request that names no workspace.
     */
    public static ChatIdentity identity(Source platform, String parentId, String workspaceId, String userId) {
        String workspace = Objects.requireNonNullElse(workspaceId, "");
        return new ChatIdentity(platform.word(), workspace.isEmpty() ? Objects.requireNonNullElse(parentId, "") : workspace,
                userId);
    }

    /** Binds the first workspace of a platform to the only tenant; otherwise the reason it cannot serve. */
    private Optional<Refused> bindFirstWorkspace(Source platform, String parent, String workspace) {
        return db.transaction(() -> {
            // Again inside the write transaction: two first requests at once must not both bind and audit.
            if (workspaces.tenantOf(platform.word(), parent, workspace).isPresent()) {
                return Optional.empty();
            }
            List<Tenant> all = tenants.list();
            if (all.isEmpty()) {
                return Optional.of(new Refused(NO_TENANT));
            }
            Tenant only = all.get(0);
            String name = platform.word() + ":" + ids(parent, workspace);
            if (all.size() > 1 || !workspaces.bindFirst(only, platform.word(), parent, workspace, clock.instant())) {
                LOG.info("refused {}: not bound to a tenant", name);
                return Optional.of(new Refused(unlinked(platform, parent, workspace)));
            }
            audit.append(only, new AuditEvent(clock.instant(), "planbot", platform, "workspace", name, "bound",
                    null, only.slug(), "first request from this workspace; the only tenant"));
            LOG.info("bound {} to tenant {} (the only one)", name, only.slug());
            return Optional.empty();
        });
    }

    /** The refusal for an unknown workspace: what it is and the admin's command that links it, ids filled in. */
    private static String unlinked(Source platform, String parent, String workspace) {
        String word = platform.word();
        String name = word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
        return "This " + name + " workspace (" + ids(parent, workspace) + ") is not linked to a council's plan: a planbot"
                + " admin can link it with `./planbot workspace bind --platform " + word
                + (parent.isEmpty() ? "" : " --enterprise " + parent) + (workspace.isEmpty() ? "" : " --team " + workspace)
                + " --tenant <council>`.";
    }

    /** "T123", "E1/T123" or "E1": how the audit trail ("slack:T123") and the refusal name a workspace. */
    private static String ids(String parent, String workspace) {
        return parent.isEmpty() ? workspace : workspace.isEmpty() ? parent : parent + "/" + workspace;
    }
}
