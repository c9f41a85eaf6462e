package planbot.admin;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import planbot.command.Actor;
import planbot.command.AdminClaimService;
import planbot.command.Command;
import planbot.command.CommandRequest;
import planbot.command.CommandService;
import planbot.domain.AuditEvent;
import planbot.domain.Person;
import planbot.domain.Plan;
import planbot.domain.Role;
import planbot.domain.Source;
import planbot.domain.UserFixableException;
import planbot.reply.Failure;
import planbot.reply.Reply;
import planbot.scheduler.reminder.PolicySource;
import planbot.scheduler.reminder.ReminderPolicy;
import planbot.storage.AuditRepository;
import planbot.storage.ChatIdentity;
import planbot.storage.Database;
import planbot.storage.DigestSubscription;
import planbot.storage.PersonRepository;
import planbot.storage.PlanRepository;
import planbot.storage.SubscriptionRepository;
import planbot.storage.SubscriptionSpec;
import planbot.storage.Tenant;
import planbot.storage.TenantRepository;
import planbot.storage.WorkspaceBinding;
import planbot.storage.WorkspaceRepository;

/**
 * Set-up use cases for an admin: each change is written with its audit entry in one transaction, in the name of the
 * admin and the front end ({@link Source}) that asked. Refusals are {@link UserFixableException}s whose sentence
 * names what is wrong and what to do, in words that fit the command line and chat alike.
 *
 * <p>Thread-safe; storage failures propagate.
 */
public final class AdminService {
    private final Database db;
    private final TenantRepository tenants;
    private final PlanRepository plans;
    private final PersonRepository people;
    private final SubscriptionRepository subscriptions;
    private final WorkspaceRepository workspaces;
    private final AuditRepository audit;
    private final PolicySource policies;
    private final CommandService commands;
    private final AdminClaimService claims;
    private final Clock clock;

    public AdminService(Database db, TenantRepository tenants, PlanRepository plans, PersonRepository people,
                        SubscriptionRepository subscriptions, WorkspaceRepository workspaces, AuditRepository audit,
                        PolicySource policies, CommandService commands, AdminClaimService claims, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.plans = Objects.requireNonNull(plans, "plans");
        this.people = Objects.requireNonNull(people, "people");
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
        this.workspaces = Objects.requireNonNull(workspaces, "workspaces");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.claims = Objects.requireNonNull(claims, "claims");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The tenant of this slug.
     *
     * @throws UserFixableException when it has no plan yet
     */
    public Tenant tenant(String slug) {
        return tenants.find(slug).orElseThrow(() -> new UserFixableException(
                "there is no plan for the council '" + slug + "' yet: import one (import FILE)"));
    }

    /** The digest subscriptions of a tenant. */
    public List<DigestSubscription> subscriptions(String tenantSlug) {
        return subscriptions.list(tenant(tenantSlug));
    }

    /**
     * Subscribes a channel to the weekly digest (or changes when it gets it), audited.
     *
     * @throws UserFixableException when the channel already gets another plan's or section's digest: a channel gets
     *                              one digest a week (its outbox key is {@code dig:{tenant}:{channel}:{isoWeek}}), so a
     *                              second subscription would never be posted
     */
    public void subscribe(String tenantSlug, SubscriptionSpec spec, String admin, Source source) {
        Tenant tenant = tenant(tenantSlug);
        db.transaction(() -> {
            for (DigestSubscription s : subscriptions.list(tenant)) {
                if (s.channel().equals(spec.channel()) && !(sameName(s.plan(), spec.plan()) && sameName(s.section(), spec.section()))) {
                    throw new UserFixableException(spec.channel() + " already gets the weekly digest of "
                            + (s.section() != null ? "section " + s.section() : s.plan() != null ? "plan " + s.plan() : "every plan")
                            + ", and a channel gets one digest a week: remove that subscription first (digests remove "
                            + spec.channel() + ") or use another channel");
                }
            }
            subscriptions.add(tenant, spec, clock.instant());
            audit.append(tenant, new AuditEvent(clock.instant(), admin, source, "subscription", spec.channel(),
                    "subscribed", null, spec.day() + " " + spec.time() + " " + spec.zone(), null));
            return null;
        });
    }

    private static boolean sameName(String a, String b) {
        return a == null ? b == null : b != null && a.strip().equalsIgnoreCase(b.strip());
    }

    /** Ends a channel's digest subscription, audited; false when there was none. */
    public boolean unsubscribe(String tenantSlug, String channel, String plan, String section, String admin, Source source) {
        Tenant tenant = tenant(tenantSlug);
        return db.transaction(() -> {
            boolean removed = subscriptions.remove(tenant, channel, plan, section);
            if (removed) {
                audit.append(tenant, new AuditEvent(clock.instant(), admin, source, "subscription", channel,
                        "unsubscribed", null, null, null));
            }
            return removed;
        });
    }

    /** The tenant's reminder policy: the installation's default with the tenant's own changes over it. */
    public ReminderPolicy policy(String tenantSlug) {
        return policies.of(tenant(tenantSlug));
    }

    /**
     * Changes settings of the tenant's reminder policy ({@code lead=10,5,1 send-at=08:30}), audited; the rest stay.
     * The same path as {@code policy set} in chat.
     *
     * @throws UserFixableException naming the setting that is wrong (nothing is changed)
     */
    public ReminderPolicy changePolicy(String tenantSlug, String settings, String admin, Source source) {
        tenant(tenantSlug);
        CommandRequest request = new CommandRequest(tenantSlug, Actor.of(new Person(admin, Role.ADMIN)), source,
                "policy set " + settings);
        Reply reply = commands.execute(request, new Command.SetPolicy(settings));
        if (reply instanceof Failure) {
            Failure failure = (Failure) reply;
            if (failure.kind() == Failure.Kind.OURS) {
                // the command service has logged the cause; the caller's handler answers generically
                throw new IllegalStateException("the reminder policy could not be changed (see the log above)");
            }
            throw new UserFixableException(failure.message());
        }
        return policy(tenantSlug);
    }

    /** The tenant's people, by name; none when there is no such tenant. */
    public List<Person> people(String tenantSlug) {
        return tenants.find(tenantSlug).map(people::list).orElse(List.of());
    }

    /**
     * The person of this name in the tenant's plan.
     *
     * @throws UserFixableException when there is no such tenant or person (naming the people there are)
     */
    public Person person(String tenantSlug, String name) {
        Tenant tenant = tenant(tenantSlug);
        return people.find(tenant, name).orElseThrow(() -> {
            List<String> names = new java.util.ArrayList<>();
            people.list(tenant).forEach(p -> names.add(p.name()));
            return new UserFixableException("nobody called \"" + name + "\" is in the plan"
                    + (names.isEmpty() ? "" : "; people: " + String.join(", ", names)));
        });
    }

    /**
     * Sets a person's role, audited.
     *
     * @throws UserFixableException when there is no such tenant or person
     */
    public void setRole(String tenantSlug, String name, Role role, String admin, Source source) {
        Tenant tenant = tenant(tenantSlug);
        Person person = people.find(tenant, name)
                .orElseThrow(() -> new UserFixableException("nobody called \"" + name + "\" is in the plan (see people)"));
        db.transaction(() -> {
            people.setRole(tenant, person.name(), role);
            audit.append(tenant, new AuditEvent(clock.instant(), admin, source, "person", person.name(), "role",
                    person.role().word(), role.word(), null));
            return null;
        });
    }

    /**
     * Binds a chat workspace to a tenant (or moves it there from another), audited in the tenant it now serves.
     *
     * @param platform     the platform name ("slack")
     * @param enterpriseId "" when there is none
     * @param teamId       "" for an org-wide install
     * @throws UserFixableException when there is no such tenant
     */
    public void bindWorkspace(String tenantSlug, String platform, String enterpriseId, String teamId, String admin, Source source) {
        Tenant tenant = tenant(tenantSlug);
        String workspace = platform + ":" + (enterpriseId.isEmpty() ? teamId : teamId.isEmpty() ? enterpriseId : enterpriseId + "/" + teamId);
        db.transaction(() -> {
            Optional<Tenant> before = workspaces.tenantOf(platform, enterpriseId, teamId);
            if (before.isPresent() && before.get().id() == tenant.id()) {
                return null;
            }
            workspaces.bind(tenant, platform, enterpriseId, teamId, clock.instant());
            audit.append(tenant, new AuditEvent(clock.instant(), admin, source, "workspace", workspace, "bound",
                    before.map(Tenant::slug).orElse(null), tenant.slug(), null));
            return null;
        });
    }

    /** True when the tenant exists and has a plan of this name. */
    public boolean hasPlan(String tenantSlug, String planName) {
        return tenants.find(tenantSlug).map(t -> plans.planNames(t).contains(planName)).orElse(false);
    }

    /**
     * The named plan of a tenant, or its only plan when no name is given.
     *
     * @throws UserFixableException when the tenant or plan does not exist, or a name is needed to choose
     */
    public Plan loadPlan(String tenantSlug, String planName) {
        Tenant tenant = tenant(tenantSlug);
        List<String> names = plans.planNames(tenant);
        String name;
        if (planName != null) {
            if (!names.contains(planName)) {
                throw new UserFixableException("no plan named \"" + planName + "\"" + (names.isEmpty() ? "" : "; plans: " + String.join(", ", names)));
            }
            name = planName;
        } else if (names.isEmpty()) {
            throw new UserFixableException("there is no plan yet: import one (import FILE)");
        } else if (names.size() > 1) {
            throw new UserFixableException("there are several plans; say which: " + String.join(", ", names));
        } else {
            name = names.get(0);
        }
        return plans.load(tenant, name).orElseThrow(() -> new UserFixableException("no plan named \"" + name + "\""));
    }

    // ---- admins

    /**
     * An admin of a tenant and the chat accounts linked to them.
     *
     * @param accounts newest link first; empty when they have none
     */
    public record Admin(String name, List<ChatIdentity> accounts) {
        public Admin {
            Objects.requireNonNull(name, "name");
            accounts = List.copyOf(accounts);
        }
    }

    /** The tenant's admins, by name. */
    public List<Admin> admins(String tenantSlug) {
        Tenant tenant = tenant(tenantSlug);
        List<Admin> admins = new java.util.ArrayList<>();
        for (Person p : people.list(tenant)) {
            if (p.role() == Role.ADMIN) {
                admins.add(new Admin(p.name(), people.reach(tenant, p.name()).identities()));
            }
        }
        return admins;
    }

    /**
     * The workspace a tenant is bound to on a platform, as chat identities there name it (the team, or the enterprise
     * of an org-wide install).
     *
     * @param team the workspace (team) to use when several are bound; null when there is one
     * @throws UserFixableException when no workspace (or not that one) is bound to the tenant on the platform, or
     *                              several are and none is named; the sentence names the command that fixes it
     */
    public String workspace(String tenantSlug, String platform, String team) {
        Tenant tenant = tenant(tenantSlug);
        List<String> bound = new java.util.ArrayList<>();
        for (WorkspaceBinding b : workspaces.list(platform)) {
            if (b.tenant().id() == tenant.id()) {
                bound.add(b.teamId().isEmpty() ? b.enterpriseId() : b.teamId());
            }
        }
        String bind = "`./planbot workspace bind --platform " + platform + " --team " + (team == null ? "T…" : team)
                + " --tenant " + tenantSlug + "`";
        if (bound.isEmpty()) {
            throw new UserFixableException("no " + platform + " workspace serves " + tenantSlug + " yet: send any /plan"
                    + " request from it (the first one binds itself while there is one council), or bind it with " + bind);
        }
        if (team == null && bound.size() > 1) {
            throw new UserFixableException("several " + platform + " workspaces serve " + tenantSlug + " ("
                    + String.join(", ", bound) + "): say which with --team");
        }
        if (team != null && !bound.contains(team)) {
            throw new UserFixableException("the " + platform + " workspace " + team + " does not serve " + tenantSlug
                    + " (" + String.join(", ", bound) + " does): bind it first with " + bind);
        }
        return team == null ? bound.get(0) : team;
    }

    /**
     * Makes a chat account's person an admin, audited: the named person (added when the plan has nobody so named),
     * else the person the account is linked to, else a person called {@code nameIfNew}.
     *
     * @param person the plan's person to make admin, or null
     * @return what was done; empty when that person is an admin linked to the account already (nothing is written)
     * @throws UserFixableException when there is no such tenant, or the account is linked in another tenant
     */
    public Optional<AdminClaimService.Made> addAdmin(String tenantSlug, ChatIdentity account, String person, String nameIfNew,
                                                     String admin, Source source) {
        Tenant tenant = tenant(tenantSlug);
        Optional<Person> linked = people.findByIdentity(tenant, account);
        String name = person != null ? person : linked.map(Person::name).orElse(nameIfNew);
        if (linked.isPresent() && linked.get().role() == Role.ADMIN && people.find(tenant, name).equals(linked)) {
            return Optional.empty();
        }
        return Optional.of(claims.makeAdmin(tenant, account, name, admin, source, null));
    }

    /** A one-time code that makes its claimer an admin of the tenant in chat ({@code admin claim CODE}), audited. */
    public AdminClaimService.IssuedCode claimCode(String tenantSlug, String admin, Source source) {
        return claims.issue(tenant(tenantSlug), admin, source);
    }
}
