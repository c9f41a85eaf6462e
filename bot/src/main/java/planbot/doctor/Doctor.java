package planbot.doctor;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import planbot.domain.Person;
import planbot.domain.Role;
import planbot.platform.ChatPlatform;
import planbot.platform.Finding;
import planbot.scheduler.calendar.WorkingCalendar;
import planbot.scheduler.reminder.PolicySource;
import planbot.scheduler.reminder.ReminderPolicy;
import planbot.storage.ChannelPurpose;
import planbot.storage.ChatIdentity;
import planbot.storage.Database;
import planbot.storage.PersonRepository;
import planbot.storage.ChannelRepository;
import planbot.storage.SubscriptionRepository;
import planbot.storage.Tenant;
import planbot.storage.TenantRepository;
import planbot.storage.WorkspaceBinding;
import planbot.storage.WorkspaceRepository;

/**
 * Checks a council's set-up, from the database to each chat platform, and says in plain words what stops reminders
 * from being delivered and what is optional, each with the command that fixes it: {@code ./planbot doctor},
 * {@code /plan doctor} and the welcome ({@link Welcome}) all show its {@link Report}.
 *
 * <p>Reads only: it changes nothing and audits nothing. The platforms' checks call the platforms (a few seconds at
 * most each). Thread-safe. Storage failures propagate.
 */
public final class Doctor {
    /**
     * Outbox states a row leaves for good; every other state is a message still waiting to go out. A new waiting
     * state (HELD) needs no change here; a new final one is one more word.
     */
    static final List<String> FINAL_STATES = List.of("SENT", "SKIPPED", "DEAD");
    private static final int NAMES_SHOWN = 5;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.UK);

    private final Database db;
    private final TenantRepository tenants;
    private final PersonRepository people;
    private final ChannelRepository channels;
    private final WorkspaceRepository workspaces;
    private final SubscriptionRepository subscriptions;
    private final PolicySource policies;
    private final Supplier<List<ChatPlatform>> running;
    private final Clock clock;

    /** @param running the platforms planbot is running now, for {@code /plan doctor} and the welcome */
    public Doctor(Database db, TenantRepository tenants, PersonRepository people, ChannelRepository channels,
                  WorkspaceRepository workspaces, SubscriptionRepository subscriptions, PolicySource policies,
                  Supplier<List<ChatPlatform>> running, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.people = Objects.requireNonNull(people, "people");
        this.channels = Objects.requireNonNull(channels, "channels");
        this.workspaces = Objects.requireNonNull(workspaces, "workspaces");
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.running = Objects.requireNonNull(running, "running");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The set-up of a tenant on the platforms planbot is running now. */
    public Report examine(String tenantSlug) {
        return examine(tenantSlug, running.get());
    }

    /**
     * The set-up of a tenant on these platforms (configured, started or not).
     *
     * @param tenantSlug the council; a slug with no plan is itself a finding
     */
    public Report examine(String tenantSlug, List<ChatPlatform> platforms) {
        List<Finding> out = new ArrayList<>();
        out.add(database());
        Optional<Tenant> found = tenants.find(tenantSlug);
        if (found.isEmpty()) {
            out.add(Finding.problem("plan", "There is no plan for the council '" + tenantSlug + "' yet.",
                    "./planbot import tracker.xlsx --tenant " + tenantSlug));
            return new Report(tenantSlug, out);
        }
        Tenant tenant = found.get();
        if (platforms.isEmpty()) {
            out.add(Finding.problem("chat", "No chat platform is configured, so reminders can only be printed at the terminal.",
                    "set up Microsoft Teams (TEAMS_APP_ID, TEAMS_APP_PASSWORD, TEAMS_TENANT_ID), Slack (SLACK_BOT_TOKEN, "
                            + "SLACK_SIGNING_SECRET) or Discord (DISCORD_APPLICATION_ID, DISCORD_TOKEN): see the README, then `./planbot serve`"));
        }
        for (ChatPlatform p : platforms) {
            out.addAll(platform(tenant, p));
        }
        out.add(peopleLinked(tenant, platforms));
        out.add(digests(tenant));
        out.addAll(waiting(tenant));
        out.addAll(policy(tenant));
        return new Report(tenant.slug(), out);
    }

    // ---- the parts

    private Finding database() {
        List<Map<String, Object>> rows = db.withHandle(h -> h.createQuery(
                "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")
                .mapToMap().list());
        long failed = rows.stream().filter(r -> !truthy(r.get("success"))).count();
        String vendor = db.vendor().name().toLowerCase(Locale.ROOT);
        if (failed > 0) {
            return Finding.problem("database", "The " + vendor + " database has " + failed + " failed migration"
                    + (failed == 1 ? "" : "s") + ".", "restore the database from a backup taken before the upgrade, then"
                    + " start planbot again (it migrates on start)");
        }
        String last = rows.isEmpty() ? "none" : String.valueOf(rows.get(rows.size() - 1).get("version"));
        return Finding.ok("database", "The " + vendor + " database is up to date: " + rows.size()
                + " migrations applied (the last V" + last + "), none pending or failed.");
    }

    private static boolean truthy(Object o) {
        return o instanceof Boolean ? (Boolean) o : o instanceof Number && ((Number) o).intValue() != 0;
    }

    /** The platform's own check, then its workspace, an admin reachable on it, and its channels. */
    private List<Finding> platform(Tenant tenant, ChatPlatform p) {
        String name = p.name();
        List<Finding> out = new ArrayList<>();
        Map<ChannelPurpose, String> set = channels.list(tenant, name);
        Map<String, String> byWord = new LinkedHashMap<>();
        set.forEach((purpose, id) -> byWord.put(word(purpose), id));
        out.addAll(p.check(byWord));

        List<WorkspaceBinding> bound = workspaces.list(name).stream().filter(b -> b.tenant().id() == tenant.id()).toList();
        if (bound.isEmpty()) {
            out.add(Finding.problem(name + " workspace", "No " + name + " workspace is bound to " + tenant.slug()
                    + ", so nobody there can use planbot.", "send `/plan help` from the workspace (the first one binds itself"
                    + " when there is one council), or `./planbot workspace bind --platform " + name + " --team T0123 --tenant "
                    + tenant.slug() + "`"));
        } else {
            out.add(Finding.ok(name + " workspace", bound.size() + " " + name + " workspace" + (bound.size() == 1 ? " is" : "s are")
                    + " bound to " + tenant.slug() + "."));
        }

        List<String> admins = new ArrayList<>();
        List<String> reachable = new ArrayList<>();
        for (Person person : people.list(tenant)) {
            if (person.role() == Role.ADMIN) {
                admins.add(person.name());
                if (people.identity(tenant, person.name(), name).isPresent()) {
                    reachable.add(person.name());
                }
            }
        }
        if (reachable.isEmpty()) {
            out.add(Finding.problem(name + " admin", (admins.isEmpty() ? "Nobody is an admin of " + tenant.slug()
                    : "No admin (" + names(admins) + ") has a " + name + " account linked") + ", so nobody can link people or"
                    + " set channels in chat.", "./planbot admin add --platform " + name + " --user U0123 [--person NAME], or"
                    + " `./planbot admin code` and then `/plan admin claim CODE` in chat"));
        } else {
            out.add(Finding.ok(name + " admin", "Admins reachable on " + name + ": " + names(reachable) + "."));
        }

        boolean someoneUnlinked = !people.unlinked(tenant, name).isEmpty();
        for (ChannelPurpose purpose : ChannelPurpose.values()) {
            if (set.containsKey(purpose)) {
                continue; // the platform's check said whether the bot is in it
            }
            String word = word(purpose);
            String fix = "/plan channel " + word + " #channel (an admin, in " + name + ")";
            switch (purpose) {
                case PLAN:
                    String text = "No plan channel is set on " + name + ": reminders for people with no linked account have"
                            + " nowhere to go.";
                    out.add(someoneUnlinked ? Finding.problem("plan channel", text, fix) : Finding.warning("plan channel",
                            text + " Everyone is linked, so none is waiting.", fix));
                    break;
                case MANAGER:
                    out.add(Finding.problem("manager channel", "No manager channel is set on " + name + ": escalations and"
                            + " the managers' notices cannot be delivered.", fix));
                    break;
                default:
                    out.add(Finding.warning("admin channel", "No admin channel is set on " + name + ": notices of messages that"
                            + " could not be delivered go to the manager channel.", fix));
            }
        }
        return out;
    }

    private Finding peopleLinked(Tenant tenant, List<ChatPlatform> platforms) {
        List<Person> everyone = people.list(tenant);
        List<String> missing = new ArrayList<>();
        for (Person person : everyone) {
            List<ChatIdentity> ids = people.reach(tenant, person.name()).identities();
            if (ids.stream().noneMatch(id -> platforms.stream().anyMatch(p -> p.name().equals(id.platform())))) {
                missing.add(person.name());
            }
        }
        int linked = everyone.size() - missing.size();
        if (everyone.isEmpty()) {
            return Finding.warning("people", "The plan names nobody: no owner gets a reminder.",
                    "import a tracker with an owner column: ./planbot import tracker.xlsx");
        }
        if (missing.isEmpty()) {
            return Finding.ok("people", everyone.size() == 1 ? "The one person of the plan has a chat account linked."
                    : "All " + everyone.size() + " people of the plan have a chat account linked.");
        }
        return Finding.warning("people", linked + " of " + everyone.size() + " people have a chat account linked; not yet: "
                + names(missing) + ". Their reminders go to the plan channel, naming them.",
                "./planbot people import people.csv, /plan people match, or /plan people link \"NAME\" @user");
    }

    private Finding digests(Tenant tenant) {
        int n = subscriptions.list(tenant).size();
        return n == 0 ? Finding.warning("digests", "No channel gets the weekly digest.", "./planbot digests add slack:C0123")
                : Finding.ok("digests", n + " channel" + (n == 1 ? " gets" : "s get") + " the weekly digest.");
    }

    /** Outbox rows that have not reached a final state, by state and reason. */
    private List<Finding> waiting(Tenant tenant) {
        List<Map<String, Object>> rows = db.withHandle(h -> h.createQuery("SELECT state, last_error AS reason, COUNT(*) AS n"
                        + " FROM outbox WHERE tenant_id = :tenant AND state NOT IN (<final>) GROUP BY state, last_error"
                        + " ORDER BY state, last_error")
                .bind("tenant", tenant.id()).bindList("final", FINAL_STATES).mapToMap().list());
        List<Finding> out = new ArrayList<>();
        long queued = 0;
        for (Map<String, Object> r : rows) {
            long n = ((Number) r.get("n")).longValue();
            Object reason = r.get("reason");
            if (reason == null) {
                queued += n;
            } else {
                out.add(Finding.warning("waiting", n + " message" + (n == 1 ? " is" : "s are") + " waiting ("
                        + String.valueOf(r.get("state")).toLowerCase(Locale.ROOT) + "): " + reason + ".",
                        "fix what the reason names; planbot tries again by itself"));
            }
        }
        if (out.isEmpty()) {
            out.add(Finding.ok("waiting", queued == 0 ? "No message is waiting to go out."
                    : queued + " message" + (queued == 1 ? " is" : "s are") + " queued to go out, none held back."));
        }
        return out;
    }

    private List<Finding> policy(Tenant tenant) {
        ReminderPolicy p = policies.of(tenant);
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(p.zone()));
        return List.of(Finding.ok("policy", "Reminder policy: " + p.format() + "."),
                Finding.ok("next send", "The next reminders go out on " + WHEN.format(nextSend(p, now)) + " ("
                        + p.zone().getId() + ")."));
    }

    /** The first working-day moment at the policy's send time that is not before {@code now}. */
    static ZonedDateTime nextSend(ReminderPolicy p, ZonedDateTime now) {
        WorkingCalendar calendar = p.calendar();
        LocalDate day = now.toLocalDate();
        if (!calendar.isWorkingDay(day) || now.toLocalTime().isAfter(p.sendAt())) {
            day = calendar.nextWorkingDayOnOrAfter(day.plusDays(calendar.isWorkingDay(day) ? 1 : 0));
        }
        return day.atTime(p.sendAt()).atZone(p.zone());
    }

    private static String word(ChannelPurpose purpose) {
        return purpose.name().toLowerCase(Locale.ROOT);
    }

    /** The first few names, and how many more. */
    private static String names(List<String> names) {
        if (names.size() <= NAMES_SHOWN) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, NAMES_SHOWN)) + " and " + (names.size() - NAMES_SHOWN) + " more";
    }
}
