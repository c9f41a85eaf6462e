package planbot;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import planbot.access.CalendarFeeds;
import planbot.access.ApiTokens;
import planbot.access.SignInLinks;
import planbot.access.WebSessions;
import planbot.admin.AdminService;
import planbot.assessment.AssessmentService;
import planbot.chat.ConsolePlatform;
import planbot.command.Actor;
import planbot.command.AdminClaimService;
import planbot.command.CommandService;
import planbot.command.DateParser;
import planbot.answer.TaskAnswerService;
import planbot.assess.ResultsSource;
import planbot.command.ReminderReplyService;
import planbot.delivery.ChatRouting;
import planbot.delivery.DeliveryConfig;
import planbot.delivery.Messenger;
import planbot.delivery.NoticeBuilder;
import planbot.delivery.OutboxDispatcher;
import planbot.delivery.ReminderThreads;
import planbot.delivery.Routing;
import planbot.doctor.Doctor;
import planbot.doctor.Welcome;
import planbot.domain.Person;
import planbot.domain.UserFixableException;
import planbot.http.AppServer;
import planbot.people.Directories;
import planbot.people.PeopleImportService;
import planbot.people.PeopleMatchService;
import planbot.http.Health;
import planbot.platform.ChatPlatform;
import planbot.platform.PlatformHealth;
import planbot.platform.PlatformServices;
import planbot.platform.PlatformStartException;
import planbot.domain.Role;
import planbot.domain.Source;
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
import planbot.storage.JdbiSignInLinkRepository;
import planbot.storage.JdbiWebSessionRepository;
import planbot.storage.AuditRepository;
import planbot.storage.PoolSettings;
import planbot.storage.AssessSessionRepository;
import planbot.storage.ChannelRepository;
import planbot.config.HttpConfig;
import planbot.config.NodeConfig;
import planbot.config.PublicUrlConfig;
import planbot.config.Settings;
import planbot.storage.Database;
import planbot.storage.DateRevisionRepository;
import planbot.storage.JdbiApiTokenRepository;
import planbot.storage.JdbiAssessSessionRepository;
import planbot.storage.JdbiAssessmentResults;
import planbot.storage.JdbiAuditRepository;
import planbot.storage.JdbiCalendarFeedRepository;
import planbot.storage.JdbiChannelRepository;
import planbot.storage.JdbiClaimCodeRepository;
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
import planbot.storage.JdbiTemplateRepository;
import planbot.storage.JdbiTenantRepository;
import planbot.storage.JdbiWorkspaceRepository;
import planbot.storage.OutboxRepository;
import planbot.storage.PersonRepository;
import planbot.storage.SnoozeRepository;
import planbot.storage.SubscriptionRepository;
import planbot.storage.TaskRepository;
import planbot.storage.TemplateRepository;
import planbot.storage.TenantRepository;
import planbot.storage.WorkspaceRepository;
import planbot.storage.PlanRepository;
import planbot.tenancy.Tenancy;
import planbot.tracker.ImportService;
import planbot.web.api.ApiRoutes;
import planbot.web.feeds.FeedsHttp;
import planbot.web.metrics.MetricsHttp;
import planbot.web.pages.DashboardPages;
import planbot.web.pages.DashboardReader;
import planbot.web.signin.SignInRoutes;
import planbot.web.signin.WebAuth;

/**
 * The composition root: every part of planbot is built and wired here, by hand, in the order it starts;
 * {@link #close()} stops them in reverse. Nothing else constructs services, and this holds no use case: the chat
 * platforms are named once each, in {@link #configuredPlatforms}; set-up use cases live in {@link AdminService}.
 *
 * <p>One per process (or per CLI verb). Not thread-safe to open, start or close; the services it hands out are.
 */
public final class App implements AutoCloseable {
    /** Councils' time zone: dates typed and shown, and "today", are London's. */
    public static final ZoneId ZONE = ZoneId.of("Europe/London");
    /** How long the health check waits for the database to answer. */
    static final int DATABASE_TIMEOUT_SECONDS = 2;
    private final Clock clock;
    private final Database database;
    private final TenantRepository tenants;
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
    private final NoticeBuilder notices;
    private final Directories directories = new Directories();
    private final PeopleImportService peopleImport;
    private final PlatformServices platformServices;
    private final AdminService admin;
    private final Doctor doctor;
    private final SignInLinks signInLinks;
    private final WebSessions webSessions;
    private final WebAuth webAuth;
    /** {@code PLANBOT_PUBLIC_URL} once {@linkplain #usePublicUrl set}; until then links start at this server's localhost. */
    private volatile PublicUrlConfig publicUrl;
    /** {@code PLANBOT_NODE_ID} once {@linkplain #useNode set}; until then health answers name no node. */
    private volatile NodeConfig node;
    /** True once {@link #serve} began: readiness then wants the schedule running. */
    private volatile boolean serving;
    /** What {@link #close()} is stopping now, for a shutdown that runs out of time to say what it abandoned. */
    private volatile String closing = "nothing yet";
    private final ApiTokens apiTokens;
    private final ApiRoutes api;
    private final TemplateRepository templates;
    private final ResultsSource assessmentResults;
    private final List<ChatPlatform> platforms = new java.util.ArrayList<>();
    /** The one registry every part records in; {@code GET /metrics} shows it. */
    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final CalendarFeeds calendars;
    private String metricsToken;
    private AppServer server;
    private SchedulerService scheduler;
    private OutboxDispatcher dispatcher;

    private App(Database database, Clock clock, ReminderPolicy reminderDefault) {
        this.clock = clock;
        this.database = database;
        this.tenants = new JdbiTenantRepository(database);
        PlanRepository plans = new JdbiPlanRepository(database);
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
        this.workspaces = new JdbiWorkspaceRepository(database);
        this.templates = new JdbiTemplateRepository(database, clock);
        AssessSessionRepository assessSessions = new JdbiAssessSessionRepository(database);
        this.assessmentResults = new JdbiAssessmentResults(tenants, templates, assessSessions, tasks);
        this.peopleImport = new PeopleImportService(database, people, workspaces, audit, outbox, clock);
        AdminClaimService claims = new AdminClaimService(database, people, audit, new JdbiClaimCodeRepository(database), outbox,
                clock, ZONE);
        this.calendars = new CalendarFeeds(database, tenants, plans, people, tasks, new JdbiCalendarFeedRepository(database),
                audit, this::publicUrl, clock);
        this.doctor = new Doctor(database, tenants, people, channels, workspaces, subscriptions, policies,
                () -> List.copyOf(platforms), clock);
        this.webSessions = new WebSessions(database, tenants, people, new JdbiWebSessionRepository(database), audit, clock);
        this.webAuth = new WebAuth(webSessions);
        this.signInLinks = new SignInLinks(database, tenants, people, new JdbiSignInLinkRepository(database), webSessions, audit,
                this::publicUrl, clock);
        this.commands = new CommandService(database, tenants, tasks, plans, people, audit, revisions, snoozes, channels, policies,
                digests, outbox, new PeopleMatchService(database, people, audit, outbox, directories, clock), claims, doctor,
                signInLinks, calendars, new AssessmentService(database, templates, assessSessions, plans, tasks, people, audit, clock, ZONE),
                meters, clock, ZONE);
        this.reminderReplies = new ReminderReplyService(commands, new DateParser(clock, ZONE));
        this.taskAnswers = new TaskAnswerService(database, tenants, tasks, policies, new JdbiInboundEventRepository(database),
                commands, reminderReplies, clock);
        this.notices = new NoticeBuilder(tasks, snoozes, policies, digests);
        this.platformServices = new PlatformServices(clock, ZONE, new Tenancy(database, workspaces, tenants, people, audit, clock),
                commands, taskAnswers, outbox, notices, new ReminderThreads(outbox, tenants, tasks),
                new Welcome(database, audit, doctor, clock));
        this.admin = new AdminService(database, tenants, plans, people, subscriptions, workspaces, audit, policies, commands,
                claims, clock);
        Gauge.builder("planbot.outbox.depth", outbox, o -> o.pending().rows())
                .description("messages waiting to go out (new or being sent; not those held for set-up)").register(meters);
        Gauge.builder("planbot.outbox.oldest.age", outbox, o -> {
            Instant oldest = o.pending().oldest();
            return oldest == null ? 0 : Math.max(0, clock.millis() - oldest.toEpochMilli()) / 1000.0;
        }).description("how long the oldest waiting message has waited").baseUnit("seconds").register(meters);
        this.apiTokens = new ApiTokens(database, tenants, new JdbiApiTokenRepository(database), audit, clock);
        this.api = new ApiRoutes(apiTokens, commands, tenants, plans, tasks, audit, admin, imports, clock, ZONE);
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
     * @throws UserFixableException when the database URL is not one planbot can open
     */
    public static App open(String dbUrl, Clock clock, ReminderPolicy reminderDefault) {
        return open(dbUrl, clock, reminderDefault, PoolSettings.DEFAULTS);
    }

    /**
     * As {@link #open(String, Clock, ReminderPolicy)}, with this connection pool ({@code PLANBOT_DB_POOL_SIZE},
     * {@code PLANBOT_DB_CONNECT_TIMEOUT_SECONDS}, read by {@code planbot.config.DatabaseConfig}).
     */
    public static App open(String dbUrl, Clock clock, ReminderPolicy reminderDefault, PoolSettings pool) {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(reminderDefault, "reminderDefault");
        return new App(Database.open(dbUrl, pool), clock, reminderDefault);
    }

    /** The REST API's integration tokens. */
    public ApiTokens apiTokens() {
        return apiTokens;
    }

    public Clock clock() {
        return clock;
    }

    public ImportService imports() {
        return imports;
    }

    /**
     * Sets where people reach the web pages ({@code PLANBOT_PUBLIC_URL}, read by {@link PublicUrlConfig#from}): the base
     * of every sign-in link issued from now on. Unset, links start at {@code http://localhost:<this server's port>}.
     */
    public void usePublicUrl(PublicUrlConfig url) {
        this.publicUrl = Objects.requireNonNull(url, "url");
    }

    /** Sets which node this is ({@code PLANBOT_NODE_ID}, read by {@link NodeConfig#from}): named by the health answers. */
    public void useNode(NodeConfig id) {
        this.node = Objects.requireNonNull(id, "id");
    }

    /** The base of links to the web pages: the one {@linkplain #usePublicUrl set}, or this server's localhost. */
    public URI publicUrl() {
        PublicUrlConfig set = publicUrl;
        if (set != null) {
            return set.uri();
        }
        AppServer running = server;
        return PublicUrlConfig.localhost(running == null ? HttpConfig.DEFAULT_PORT : running.port()).uri();
    }

    /** Sign-in links to the web pages ({@code ./planbot web link}, the demo). */
    public SignInLinks signInLinks() {
        return signInLinks;
    }

    /** Who is signed in to the web pages, for every web route. */
    public WebAuth webAuth() {
        return webAuth;
    }

    public CommandService commands() {
        return commands;
    }

    public ReminderReplyService reminderReplies() {
        return reminderReplies;
    }

    /** The audited set-up use cases: subscriptions, roles, workspace bindings, the policy, plans for export. */
    public AdminService admin() {
        return admin;
    }

    /** Links the plan's people in bulk from the council's people file ({@code ./planbot people import}). */
    public PeopleImportService peopleImport() {
        return peopleImport;
    }

    /**
     * The member directories of the configured platforms, by platform name, for {@code /plan people match}: filled by
     * {@link #configuredPlatforms}; a test puts one built from plain data.
     */
    public Directories directories() {
        return directories;
    }

    /**
     * Checks a council's set-up ({@code ./planbot doctor}, {@code /plan doctor}, the welcome); its
     * {@link Doctor#examine(String)} looks at the platforms this app is running.
     */
    public Doctor doctor() {
        return doctor;
    }

    /** Calendar feeds behind secret URLs: handing them out ({@code ./planbot ical}, {@code /plan calendar}), serving them. */
    public CalendarFeeds calendars() {
        return calendars;
    }

    /** The registry every part records its metrics in; {@code GET /metrics} shows it. */
    public PrometheusMeterRegistry meters() {
        return meters;
    }

    /** {@code PLANBOT_METRICS_TOKEN}: when set, {@code GET /metrics} wants it as a bearer token. Set before starting. */
    public void metricsToken(String token) {
        this.metricsToken = token;
    }

    /** What every chat platform is built from. */
    public PlatformServices platformServices() {
        return platformServices;
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

    /** The assessment templates (DESIGN.md §12), for the assess verbs and the session engine. */
    public TemplateRepository templates() {
        return templates;
    }

    /** What assessment sessions decided, read-only, for the assessment report. */
    public ResultsSource assessmentResults() {
        return assessmentResults;
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

    /**
     * The chat platforms these settings configure, built but not started: each platform is named here, once. Their member
     * directories go into {@link #directories()}.
     *
     * @throws planbot.config.ConfigException when a platform is half-configured or a value is malformed (naming the key)
     */
    public List<ChatPlatform> configuredPlatforms(Settings settings) {
        List<ChatPlatform> configured = new java.util.ArrayList<>();
        SlackConnector.configured(settings, platformServices).ifPresent(configured::add);
        planbot.teams.TeamsPlatform.configured(settings, platformServices, database).ifPresent(configured::add);
        planbot.discord.DiscordPlatform.configured(settings, platformServices, database).ifPresent(configured::add);
        configured.forEach(p -> p.directory().ifPresent(d -> directories.put(p.name(), d)));
        return configured;
    }

    /**
     * The actor for the console: the named person with their role, or an admin named "admin" when no name is
     * given (the person at the terminal owns the installation).
     *
     * @throws UserFixableException when the tenant has no plan or no person of that name
     */
    public Actor consoleActor(String tenantSlug, String name) {
        return name == null ? Actor.of(new Person("admin", Role.ADMIN)) : Actor.of(admin.person(tenantSlug, name));
    }

    /**
     * The weekly digest of a scope at a moment, covering the week before it.
     *
     * @throws planbot.domain.UserFixableException for an unknown tenant, plan or section
     */
    public Digest digest(DigestScope scope, ZonedDateTime now) {
        return DigestBuilder.build(digests.read(scope, null, now));
    }

    /**
     * One reminder sweep of a tenant as of a moment: decisions written to the outbox, or only listed on a dry run.
     *
     * @throws UserFixableException when the tenant has no plan
     */
    public SweepResult remind(String tenantSlug, Instant at, boolean dryRun) {
        SweepRequest request = SweepRequest.of(admin.tenant(tenantSlug), at);
        return reminders.sweep(dryRun ? request.asDryRun() : request);
    }

    /**
     * Starts the background work of a running planbot on the console alone ({@code ./planbot demo}): the Quartz
     * schedule that sweeps reminders and digests (catching up at once), and the outbox dispatcher printing them.
     * Stopped by {@link #close()}.
     *
     * @param console where reminders and digests are printed as they are delivered (shared with the chat)
     * @param compact one line per reminder
     */
    public void startReminders(PrintWriter console, boolean compact) {
        startDelivery(List.of(new ConsolePlatform(console, compact)));
    }

    /**
     * Starts the app's HTTP server ({@code GET /health} and every platform's routes) and the platforms, in that order;
     * all are stopped by {@link #close()}. Test fixtures call this alone; {@link #serve} adds delivery.
     *
     * @return a line per platform for the operator, saying what it started
     * @throws PlatformStartException when a platform cannot start (the server and platforms started so far are
     *                                stopped again)
     * @throws IllegalStateException  when the port cannot be bound
     */
    public List<String> startPlatforms(List<ChatPlatform> toStart, int httpPort) throws PlatformStartException {
        if (server != null) {
            throw new IllegalStateException("the platforms are already running");
        }
        NodeConfig id = node;
        server = new AppServer(httpPort, this::health, this::readiness, meters, id == null ? null : id.id());
        new FeedsHttp(calendars, clock).routes(server.forPlatform(Source.WEB.word()));
        new MetricsHttp(meters, metricsToken).routes(server);
        toStart.forEach(p -> p.routes(server.forPlatform(p.name())));
        new SignInRoutes(signInLinks, webSessions, webAuth, this::publicUrl).routes(server.forPlatform(Source.WEB.word()));
        new DashboardPages(webAuth, new DashboardReader(database, digests, clock, ZONE), commands, admin, tenants, tasks, audit,
                revisions, ZONE).routes(server.forPlatform(Source.WEB.word()));
        api.routes(server.forPlatform(Source.WEB.word()));
        toStart.forEach(p -> p.directory().ifPresent(d -> directories.put(p.name(), d)));
        List<String> lines = new java.util.ArrayList<>();
        try {
            server.start();
            for (ChatPlatform p : toStart) {
                platforms.add(p);
                lines.add(p.start());
            }
        } catch (PlatformStartException | RuntimeException e) {
            stopPlatforms();
            throw e;
        }
        return lines;
    }

    /** The port the app's HTTP server listens on, once {@linkplain #startPlatforms started}. */
    public int httpPort() {
        if (server == null) {
            throw new IllegalStateException("the HTTP server is not running");
        }
        return server.port();
    }

    /**
     * Runs planbot for real ({@code ./planbot serve}): the HTTP server and the given platforms, then delivery to them
     * (linked people by DM on the platform they use, others in a plan channel; digests and escalations to the manager
     * channel) and the schedule. With no platform, reminders and digests are printed on {@code console}.
     *
     * @return lines for the operator, saying what was started
     * @throws PlatformStartException when a platform cannot start (nothing is left running)
     */
    public List<String> serve(List<ChatPlatform> chat, int httpPort, PrintWriter console) throws PlatformStartException {
        serving = true;
        List<String> lines = new java.util.ArrayList<>(startPlatforms(chat, httpPort));
        lines.add(0, "HTTP on :" + server.port() + " (GET " + AppServer.HEALTH_PATH + ")");
        List<ChatPlatform> deliverTo = chat.isEmpty() ? List.of(new ConsolePlatform(console, true)) : chat;
        startDelivery(deliverTo);
        lines.add("Reminders and digests: on (" + (chat.isEmpty() ? "printed here" : "delivered to "
                + String.join(", ", deliverTo.stream().map(ChatPlatform::name).toArray(String[]::new))) + ")");
        return lines;
    }

    /** The dispatcher, delivering through the platforms' messengers over one routing, then the schedule. */
    private void startDelivery(List<ChatPlatform> deliverTo) {
        if (scheduler != null) {
            throw new IllegalStateException("reminders are already running");
        }
        List<Messenger> messengers = new java.util.ArrayList<>();
        deliverTo.forEach(p -> messengers.add(p.messenger()));
        dispatcher = new OutboxDispatcher(database, outbox, tenants, audit, notices, routing(deliverTo), messengers,
                DeliveryConfig.defaults(), clock, () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble(), meters);
        dispatcher.start();
        scheduler = new SchedulerService(database, reminders, reminderState,
                new DigestSweep(database, subscriptions, digests, outbox, clock), clock, SchedulerConfig.defaults(), meters);
        scheduler.start();
        dispatcher.wake();
    }

    /**
     * Who gets a notice, on which platform, when delivering to these platforms; the console alone when there are none
     * (as {@link #serve} delivers).
     */
    public Routing routing(List<ChatPlatform> deliverTo) {
        List<String> names = new java.util.ArrayList<>();
        deliverTo.forEach(p -> names.add(p.name()));
        return new ChatRouting(people, channels, names.isEmpty() ? List.of(ChatRouting.CONSOLE) : names);
    }

    /** What {@code GET /health} reports: the database, the scheduler (once delivery runs) and each started platform. */
    private Health health() {
        java.util.Map<String, PlatformHealth> parts = new java.util.LinkedHashMap<>();
        PlatformHealth db;
        try {
            // a database that takes longer than this to say 1 is not one to send traffic to
            database.withHandle(h -> h.createQuery("SELECT 1").setQueryTimeout(DATABASE_TIMEOUT_SECONDS).mapTo(Integer.class).one());
            db = PlatformHealth.up(database.vendor().name().toLowerCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
            db = PlatformHealth.down("not answering");
        }
        parts.put("database", db);
        SchedulerService s = scheduler;
        if (s != null) {
            boolean healthy = s.health().stream().allMatch(planbot.scheduler.jobs.JobStatus::healthy);
            parts.put("scheduler", healthy ? PlatformHealth.up("running") : PlatformHealth.down("a sweep is failing (see the log)"));
        }
        for (ChatPlatform p : List.copyOf(platforms)) {
            parts.put(p.name(), p.health());
        }
        return new Health(parts);
    }

    /**
     * What {@code GET /health/ready} reports: as {@link #health()}, and once {@link #serve} began, the schedule must be
     * running (a node still starting is not ready). The server itself answers 503 once {@link #close()} began.
     */
    private Health readiness() {
        Health h = health();
        if (!serving || scheduler != null) {
            return h;
        }
        java.util.Map<String, PlatformHealth> parts = new java.util.LinkedHashMap<>(h.parts());
        parts.put("scheduler", PlatformHealth.down("not started yet"));
        return new Health(parts);
    }

    /**
     * Stops everything, in the order that loses nothing: readiness goes 503 and the HTTP server stops taking requests
     * (those in flight finish); delivery stops claiming, finishes the message in flight and hands the rest of its batch
     * back; the schedule stops, waiting for a running sweep; then the platforms, and the database. {@link #closing()}
     * says which step is running, for a caller whose deadline passes.
     */
    @Override
    public void close() {
        closing = "the HTTP server";
        if (server != null) {
            server.drain();
            server.close();
            server = null;
        }
        closing = "outbox delivery";
        if (dispatcher != null) {
            dispatcher.stop();
        }
        closing = "the schedule";
        if (scheduler != null) {
            scheduler.stop();
        }
        closing = "the chat platforms";
        stopPlatforms();
        closing = "the database";
        database.close();
        closing = "nothing: all stopped";
    }

    /** The step {@link #close()} is in ("outbox delivery"); thread-safe. */
    public String closing() {
        return closing;
    }

    private void stopPlatforms() {
        for (int i = platforms.size() - 1; i >= 0; i--) {
            platforms.get(i).close();
        }
        platforms.clear();
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
