package planbot;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import planbot.cli.UserError;
import planbot.command.Actor;
import planbot.command.CommandRequest;
import planbot.command.CommandService;
import planbot.command.DateParser;
import planbot.answer.TaskAnswerService;
import planbot.command.ReminderReplyService;
import planbot.delivery.ConsoleMessenger;
import planbot.delivery.ConsoleRouting;
import planbot.delivery.DeliveryConfig;
import planbot.delivery.Messenger;
import planbot.delivery.NoticeBuilder;
import planbot.delivery.OutboxDispatcher;
import planbot.delivery.PlainNoticeRenderer;
import planbot.delivery.ReminderThreads;
import planbot.delivery.Routing;
import planbot.domain.AuditEvent;
import planbot.domain.Person;
import planbot.domain.Plan;
import planbot.domain.Role;
import planbot.domain.Source;
import planbot.reply.Failure;
import planbot.reply.Reply;
import planbot.scheduler.digest.Digest;
import planbot.scheduler.digest.DigestBuilder;
import planbot.scheduler.digest.DigestScope;
import planbot.scheduler.digest.DigestSource;
import planbot.scheduler.digest.DigestSweep;
import planbot.scheduler.jobs.SchedulerConfig;
import planbot.scheduler.jobs.SchedulerService;
import planbot.scheduler.reminder.PolicySource;
import planbot.scheduler.reminder.ReminderPolicy;
import planbot.scheduler.reminder.ReminderSweep;
import planbot.scheduler.reminder.SweepRequest;
import planbot.scheduler.reminder.SweepResult;
import planbot.slack.SlackConnector;
import planbot.slack.SlackHandlers;
import planbot.slack.delivery.SlackMessenger;
import planbot.slack.delivery.SlackPoster;
import planbot.slack.delivery.SlackRouting;
import planbot.slack.SlackSettings;
import planbot.slack.SlackTenancy;
import planbot.slack.interact.SlackInteractions;
import planbot.slack.render.NoticeBlocks;
import planbot.storage.AuditRepository;
import planbot.storage.ChannelRepository;
import planbot.storage.Database;
import planbot.storage.DateRevisionRepository;
import planbot.storage.DigestSubscription;
import planbot.storage.JdbiAuditRepository;
import planbot.storage.JdbiChannelRepository;
import planbot.storage.JdbiInboundEventRepository;
import planbot.storage.JdbiDateRevisionRepository;
import planbot.storage.JdbiOutboxRepository;
import planbot.storage.JdbiPersonRepository;
import planbot.storage.JdbiPlanRepository;
import planbot.storage.JdbiReminderStateRepository;
import planbot.storage.JdbiReminderTaskRepository;
import planbot.storage.JdbiSnoozeRepository;
import planbot.storage.JdbiSubscriptionRepository;
import planbot.storage.JdbiTaskRepository;
import planbot.storage.JdbiTenantRepository;
import planbot.storage.JdbiWorkspaceRepository;
import planbot.storage.OutboxRepository;
import planbot.storage.PersonRepository;
import planbot.storage.PlanRepository;
import planbot.storage.SnoozeRepository;
import planbot.storage.SubscriptionRepository;
import planbot.storage.SubscriptionSpec;
import planbot.storage.TaskRepository;
import planbot.storage.Tenant;
import planbot.storage.TenantRepository;
import planbot.storage.WorkspaceRepository;
import planbot.tracker.ImportService;

/**
 * The composition root: every part of planbot is built and wired here, by hand, in the order it starts;
 * {@link #close()} stops them in reverse. Nothing else constructs services.
 *
 * <p>One per process (or per CLI verb). Not thread-safe to open or close; the services it hands out are.
 */
public final class App implements AutoCloseable {
    /** Councils' time zone: dates typed and shown, and "today", are London's. */
    public static final ZoneId ZONE = ZoneId.of("Europe/London");
    private final Clock clock;
    private final Database database;
    private final TenantRepository tenants;
    private final PlanRepository plans;
    private final PersonRepository people;
    private final AuditRepository audit;
    private final DateRevisionRepository revisions;
    private final ImportService imports;
    private final TaskRepository tasks;
    private final SnoozeRepository snoozes;
    private final CommandService commands;
    private final ReminderReplyService reminderReplies;
    private final TaskAnswerService taskAnswers;
    private final DigestSource digests;
    private final ReminderSweep reminders;
    private final JdbiReminderStateRepository reminderState;
    private final PolicySource policies;
    private final OutboxRepository outbox;
    private final SubscriptionRepository subscriptions;
    private final ChannelRepository channels;
    private final WorkspaceRepository workspaces;
    private final SlackTenancy slackTenancy;
    private java.util.concurrent.ExecutorService slackWork;
    private SchedulerService scheduler;
    private OutboxDispatcher dispatcher;

    private App(Database database, Clock clock, ReminderPolicy reminderDefault) {
        this.clock = clock;
        this.database = database;
        this.tenants = new JdbiTenantRepository(database);
        this.plans = new JdbiPlanRepository(database);
        this.people = new JdbiPersonRepository(database);
        this.audit = new JdbiAuditRepository(database);
        this.revisions = new JdbiDateRevisionRepository(database);
        this.imports = new ImportService(database, tenants, plans, people, audit, revisions);
        this.tasks = new JdbiTaskRepository(database);
        this.snoozes = new JdbiSnoozeRepository(database);
        this.digests = new DigestSource(database);
        this.reminderState = new JdbiReminderStateRepository(database);
        this.outbox = new JdbiOutboxRepository(database);
        this.subscriptions = new JdbiSubscriptionRepository(database);
        this.policies = new PolicySource(reminderState, reminderDefault);
        this.reminders = new ReminderSweep(database, reminderState, policies, new JdbiReminderTaskRepository(database), outbox,
                clock);
        this.channels = new JdbiChannelRepository(database);
        this.commands = new CommandService(database, tenants, tasks, plans, people, audit, revisions, snoozes, channels, policies,
                digests, clock, ZONE);
        this.reminderReplies = new ReminderReplyService(commands, new DateParser(clock, ZONE));
        this.taskAnswers = new TaskAnswerService(database, tenants, tasks, policies, new JdbiInboundEventRepository(database),
                commands, reminderReplies, clock);
        this.workspaces = new JdbiWorkspaceRepository(database);
        this.slackTenancy = new SlackTenancy(database, workspaces, tenants, people, audit, clock);
    }

    /** Opens the database (migrating it) and wires everything, with the system clock. */
    public static App open(String dbUrl) {
        return open(dbUrl, Clock.systemDefaultZone());
    }

    /** Opens the database (migrating it) and wires everything, with this clock and DESIGN §7's default policy. */
    public static App open(String dbUrl, Clock clock) {
        return open(dbUrl, clock, ReminderPolicy.defaults());
    }

    /**
     * Opens the database (migrating it) and wires everything.
     *
     * @param reminderDefault the installation's reminder policy, under each tenant's own changes
     *                        ({@code PLANBOT_REMINDER_POLICY}, read by {@code planbot.config.ReminderConfig})
     */
    public static App open(String dbUrl, Clock clock, ReminderPolicy reminderDefault) {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(reminderDefault, "reminderDefault");
        Database db;
        try {
            db = Database.open(dbUrl);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        return new App(db, clock, reminderDefault);
    }

    public Clock clock() {
        return clock;
    }

    public ImportService imports() {
        return imports;
    }

    public CommandService commands() {
        return commands;
    }

    public ReminderReplyService reminderReplies() {
        return reminderReplies;
    }

    /** Answers a task by id (buttons, forms, thread replies) for every platform. */
    public TaskAnswerService taskAnswers() {
        return taskAnswers;
    }

    // The parts below are handed out for tools and test fixtures that look at what the services stored
    // (a benchmark's baseline query, a test's read-back); services get theirs through their constructors.

    public Database database() {
        return database;
    }

    public TenantRepository tenants() {
        return tenants;
    }

    public PersonRepository people() {
        return people;
    }

    public TaskRepository tasks() {
        return tasks;
    }

    public AuditRepository audit() {
        return audit;
    }

    public DateRevisionRepository revisions() {
        return revisions;
    }

    public SnoozeRepository snoozes() {
        return snoozes;
    }

    public ChannelRepository channels() {
        return channels;
    }

    public WorkspaceRepository workspaces() {
        return workspaces;
    }

    /** Each tenant's reminder policy, resolved over the installation's default. */
    public PolicySource policies() {
        return policies;
    }

    /** Who is behind a Slack request: for every Slack handler group. */
    public SlackTenancy slackTenancy() {
        return slackTenancy;
    }

    /**
     * The interactive Slack handlers (reminder buttons, the new-date modal, thread replies, the App Home), to pass to
     * {@link #slack} among {@code more}. What they do after acknowledging runs on a small pool this App owns and
     * stops on {@link #close()}.
     */
    public SlackInteractions slackInteractions() {
        if (slackWork == null) {
            java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
            slackWork = java.util.concurrent.Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "slack-interaction-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
        return slackInteractions(slackWork);
    }

    /** As {@link #slackInteractions()}, with the caller's executor for the work after each acknowledgement. */
    public SlackInteractions slackInteractions(java.util.concurrent.Executor later) {
        return new SlackInteractions(new SlackInteractions.Parts(slackTenancy, commands, taskAnswers,
                outbox, new NoticeBuilder(tasks, snoozes, policies, digests), new ReminderThreads(outbox, tenants, tasks)),
                later, clock, ZONE);
    }

    /**
     * Slack for this planbot, not yet started: {@code /plan}, the {@linkplain #slackInteractions() interactive
     * handlers} (reminder buttons, the new-date modal, thread replies, the App Home) and the given further handler
     * groups on one Bolt app, over HTTP or Socket Mode as the settings say. The caller starts and closes it.
     */
    public SlackConnector slack(SlackSettings settings, List<SlackHandlers> more) {
        List<SlackHandlers> handlers = new java.util.ArrayList<>();
        handlers.add(slackInteractions());
        handlers.addAll(more);
        return new SlackConnector(settings, slackTenancy, commands, clock, ZONE,
                planbot.slack.PlanSlashCommand.DEFAULT_FAST_PATH, handlers);
    }

    /**
     * The actor for the console: the named person with their role, or an admin named "admin" when no name is
     * given (the person at the terminal owns the installation).
     *
     * @throws UserError when the tenant has no plan or no person of that name
     */
    public Actor consoleActor(String tenantSlug, String name) {
        if (name == null) {
            return Actor.of(new Person("admin", Role.ADMIN));
        }
        Tenant tenant = tenant(tenantSlug);
        return people.find(tenant, name).map(Actor::of).orElseThrow(() -> {
            java.util.List<String> names = new java.util.ArrayList<>();
            people.list(tenant).forEach(p -> names.add(p.name()));
            return new UserError("nobody called \"" + name + "\" is in the plan"
                    + (names.isEmpty() ? "" : "; people: " + String.join(", ", names)));
        });
    }

    /**
     * The weekly digest of a scope at a moment, covering the week before it.
     *
     * @throws IllegalArgumentException for an unknown tenant, plan or section
     */
    public Digest digest(DigestScope scope, ZonedDateTime now) {
        return DigestBuilder.build(digests.read(scope, null, now));
    }

    /**
     * One reminder sweep of a tenant as of a moment: decisions written to the outbox, or only listed on a dry run.
     *
     * @throws UserError when the tenant has no plan
     */
    public SweepResult remind(String tenantSlug, Instant at, boolean dryRun) {
        Tenant tenant = tenant(tenantSlug);
        SweepRequest request = SweepRequest.of(tenant, at);
        return reminders.sweep(dryRun ? request.asDryRun() : request);
    }

    /**
     * Starts the background work of a running planbot: the Quartz schedule that sweeps reminders and digests
     * (catching up at once), and the outbox dispatcher delivering to the console. Stopped by {@link #close()}.
     *
     * @param console where reminders and digests are printed as they are delivered (shared with the chat)
     * @param compact one line per reminder
     */
    public void startReminders(PrintWriter console, boolean compact) {
        startBackground(new ConsoleRouting(),
                new ConsoleMessenger(console, new PlainNoticeRenderer(compact), java.time.Duration.ZERO));
    }

    /**
     * Starts the background work of {@code ./planbot serve}: as {@link #startReminders}, delivering to Slack
     * (linked people by DM, others in the plan channel; digests and escalations to the manager channel) when it is
     * configured, else printing on {@code console}. Stopped by {@link #close()}.
     */
    public void startServing(java.util.Optional<SlackSettings> slack, PrintWriter console) {
        if (slack.isPresent()) {
            SlackSettings s = slack.get();
            startBackground(new SlackRouting(people, channels),
                    new SlackMessenger(new SlackPoster(s.apiBaseUrl(), s.botToken(), SlackPoster.DEFAULT_TIMEOUT), new NoticeBlocks()));
        } else {
            startReminders(console, true);
        }
    }

    private void startBackground(Routing routing, Messenger messenger) {
        if (scheduler != null) {
            throw new IllegalStateException("reminders are already running");
        }
        dispatcher = new OutboxDispatcher(database, outbox, tenants, audit,
                new NoticeBuilder(tasks, snoozes, policies, digests), routing, java.util.List.of(messenger),
                DeliveryConfig.defaults(), clock);
        dispatcher.start();
        scheduler = new SchedulerService(database, reminders, reminderState,
                new DigestSweep(database, subscriptions, digests, outbox, clock), clock, SchedulerConfig.defaults());
        scheduler.start();
        dispatcher.wake();
    }

    /** The digest subscriptions of a tenant. */
    public java.util.List<DigestSubscription> subscriptions(String tenantSlug) {
        return subscriptions.list(tenant(tenantSlug));
    }

    /** Subscribes a channel to the weekly digest (or changes when it gets it), audited. */
    public void subscribe(String tenantSlug, SubscriptionSpec spec) {
        Tenant tenant = tenant(tenantSlug);
        database.transaction(() -> {
            // A channel gets one digest a week (its outbox key is dig:{tenant}:{channel}:{isoWeek}): a second
            // subscription of the channel to another plan or section would never be posted, so it is refused.
            for (DigestSubscription s : subscriptions.list(tenant)) {
                if (s.channel().equals(spec.channel()) && !(sameName(s.plan(), spec.plan()) && sameName(s.section(), spec.section()))) {
                    throw new UserError(spec.channel() + " already gets the weekly digest of "
                            + (s.section() != null ? "section " + s.section() : s.plan() != null ? "plan " + s.plan() : "every plan")
                            + ", and a channel gets one digest a week: remove that first (./planbot digests remove "
                            + spec.channel() + ") or use another channel");
                }
            }
            subscriptions.add(tenant, spec, clock.instant());
            audit.append(tenant, new AuditEvent(clock.instant(), "cli", Source.CLI, "subscription", spec.channel(),
                    "subscribed", null, spec.day() + " " + spec.time() + " " + spec.zone(), null));
            return null;
        });
    }

    private static boolean sameName(String a, String b) {
        return a == null ? b == null : b != null && a.strip().equalsIgnoreCase(b.strip());
    }

    /** Ends a channel's digest subscription, audited; false when there was none. */
    public boolean unsubscribe(String tenantSlug, String channel, String plan, String section) {
        Tenant tenant = tenant(tenantSlug);
        return database.transaction(() -> {
            boolean removed = subscriptions.remove(tenant, channel, plan, section);
            if (removed) {
                audit.append(tenant, new AuditEvent(clock.instant(), "cli", Source.CLI, "subscription", channel,
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
     * Changes settings of the tenant's reminder policy ({@code lead=10,5,1 send-at=08:30}) as an admin at the command
     * line, audited; the rest stay. The same path as {@code policy set} in chat.
     *
     * @throws UserError naming the setting that is wrong (nothing is changed)
     */
    public ReminderPolicy changePolicy(String tenantSlug, String settings) {
        tenant(tenantSlug);
        CommandRequest request = new CommandRequest(tenantSlug, Actor.of(new Person("cli", Role.ADMIN)), Source.CLI,
                "policy set " + settings);
        Reply reply = commands.execute(request, new planbot.command.Command.SetPolicy(settings));
        if (reply instanceof Failure) {
            throw new UserError(((Failure) reply).message());
        }
        return policy(tenantSlug);
    }

    private Tenant tenant(String tenantSlug) {
        return tenants.find(tenantSlug)
                .orElseThrow(() -> new UserError("there is no plan for tenant '" + tenantSlug + "' yet: import one with ./planbot import FILE"));
    }

    /** The tenant's people, by name. */
    public java.util.List<Person> people(String tenantSlug) {
        return tenants.find(tenantSlug).map(people::list).orElse(java.util.List.of());
    }

    /**
     * Sets a person's role, audited.
     *
     * @throws UserError when there is no such tenant or person
     */
    public void setRole(String tenantSlug, String name, Role role) {
        Tenant tenant = tenant(tenantSlug);
        Person person = people.find(tenant, name)
                .orElseThrow(() -> new UserError("nobody called \"" + name + "\" is in the plan: see ./planbot people"));
        database.transaction(() -> {
            people.setRole(tenant, person.name(), role);
            audit.append(tenant, new AuditEvent(clock.instant(), "cli", Source.CLI, "person", person.name(), "role",
                    person.role().word(), role.word(), null));
            return null;
        });
    }

    /**
     * Binds a chat workspace to a tenant (or moves it there from another), audited in the tenant it now serves.
     *
     * @param enterpriseId "" when there is none
     * @param teamId       "" for an org-wide install
     * @throws UserError when there is no such tenant
     */
    public void bindWorkspace(String tenantSlug, String platform, String enterpriseId, String teamId) {
        Tenant tenant = tenant(tenantSlug);
        String workspace = platform + ":" + (enterpriseId.isEmpty() ? teamId : teamId.isEmpty() ? enterpriseId : enterpriseId + "/" + teamId);
        database.transaction(() -> {
            java.util.Optional<Tenant> before = workspaces.tenantOf(platform, enterpriseId, teamId);
            if (before.isPresent() && before.get().id() == tenant.id()) {
                return null;
            }
            workspaces.bind(tenant, platform, enterpriseId, teamId, clock.instant());
            audit.append(tenant, new AuditEvent(clock.instant(), "cli", Source.CLI, "workspace", workspace, "bound",
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
     * @throws UserError when the tenant or plan does not exist, or a name is needed to choose
     */
    public Plan loadPlan(String tenantSlug, String planName) {
        Tenant tenant = tenant(tenantSlug);
        List<String> names = plans.planNames(tenant);
        String name;
        if (planName != null) {
            if (!names.contains(planName)) {
                throw new UserError("no plan named \"" + planName + "\"" + (names.isEmpty() ? "" : "; plans: " + String.join(", ", names)));
            }
            name = planName;
        } else if (names.isEmpty()) {
            throw new UserError("there is no plan yet: import one with ./planbot import FILE");
        } else if (names.size() > 1) {
            throw new UserError("there are several plans; choose one with --plan: " + String.join(", ", names));
        } else {
            name = names.get(0);
        }
        return plans.load(tenant, name).orElseThrow(() -> new UserError("no plan named \"" + name + "\""));
    }

    /** Stops in the reverse order of starting: the schedule, then delivery (letting the message in flight finish), then the database. */
    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.stop();
        }
        if (dispatcher != null) {
            dispatcher.stop();
        }
        if (slackWork != null) {
            slackWork.shutdown();
            try {
                slackWork.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        database.close();
    }
}
