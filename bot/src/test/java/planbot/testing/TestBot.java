package planbot.testing;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import planbot.App;
import planbot.chat.ConsoleChat;
import planbot.command.Actor;
import planbot.command.ChatContext;
import planbot.command.CommandRequest;
import planbot.domain.AuditEvent;
import planbot.domain.DateRevision;
import planbot.domain.Plan;
import planbot.domain.RefKey;
import planbot.domain.Role;
import planbot.domain.Source;
import planbot.domain.Task;
import planbot.reply.PlainTextRenderer;
import planbot.reply.Reply;
import planbot.storage.TaskRow;
import planbot.storage.Tenant;
import planbot.storage.testing.TestDatabases;
import planbot.tracker.ImportMode;
import planbot.tracker.ImportReport;
import planbot.tracker.read.ReadResult;

/**
 * planbot as a chat platform sees it, for tests: the real {@link App} (the composition root) over a real
 * SQLite file in a temporary folder, with a clock that stands still until the test moves it. A test imports a
 * plan, adds people with roles, then talks to the bot as one of them and reads back what was stored.
 *
 * <pre>{@code
 * try (TestBot bot = TestBot.start(tempDir).importPlan(PlanEdits.sample().owner("EN003/01", "Olivia").plan())
 *         .person("Olivia", Role.OFFICER)) {
 *     Reply r = bot.send("Olivia", "update EN3/1 at risk waiting on legal");
 *     assertThat(bot.task("EN003/01").status().word()).isEqualTo("At risk");
 * }
 * }</pre>
 *
 * <p>No mocks: everything below {@link #send} is production code. One per test; not thread-safe. Close it.
 */
public final class TestBot implements AutoCloseable {
    /** The tenant every plan is imported into. */
    public static final String TENANT = "test-council";
    /** When the clock starts: Monday 15 May 2023, 09:00 in London, inside the sample plan's timeframe. */
    public static final LocalDateTime START = LocalDateTime.of(2023, 5, 15, 9, 0);

    private final MutableClock clock;
    private final App app;
    private final PlainTextRenderer renderer = new PlainTextRenderer(App.ZONE);
    private final Tenant tenant;
    private Source source = Source.CONSOLE;
    private ChatContext chat;

    private TestBot(Path folder) {
        this.clock = new MutableClock(START.atZone(App.ZONE).toInstant(), App.ZONE);
        this.app = App.open("jdbc:sqlite:" + folder.resolve("testbot.db"), clock);
        this.tenant = app.tenants().getOrCreate(TENANT, clock.instant());
    }

    /** A bot on a new database file in {@code folder} (a JUnit {@code @TempDir}), with an empty tenant. */
    public static TestBot start(Path folder) {
        return new TestBot(Objects.requireNonNull(folder, "folder"));
    }

    /** A bot with the bundled sample plan imported (which names no owners or leads, so no people). */
    public static TestBot withSample(Path folder) {
        return start(folder).importPlan(PlanEdits.samplePlan());
    }

    // ---- setting up

    /** Imports a plan into the tenant as an import would (owners become officers, leads become leads). */
    public TestBot importPlan(Plan plan) {
        ImportReport report = app.imports().importPlan(TENANT, new ReadResult(plan, List.of(), List.of()),
                ImportMode.APPLY, "test", clock);
        if (report.tasks() != plan.tasks().count()) {
            throw new IllegalStateException("imported " + report.tasks() + " of " + plan.tasks().count() + " tasks");
        }
        return this;
    }

    /** Makes {@code name} a person of the plan with exactly this role (adding them if needed). */
    public TestBot person(String name, Role role) {
        app.people().upsert(tenant, List.of(name), Role.VIEWER);
        if (!app.people().setRole(tenant, name, role)) {
            throw new IllegalStateException("could not set the role of " + name);
        }
        return this;
    }

    /** Where later messages say they came from (the audit trail's source); the console by default. */
    public TestBot source(Source newSource) {
        this.source = Objects.requireNonNull(newSource, "source");
        return this;
    }

    /** The chat workspace later messages say they were typed in; none (as on the console) by default. */
    public TestBot inChat(ChatContext newChat) {
        this.chat = newChat;
        return this;
    }

    // ---- talking

    /** Sends a command as a person of the plan. Fails the test when nobody of that name is in the plan. */
    public Reply send(String asPerson, String text) {
        return app.commands().handle(request(actor(asPerson), text));
    }

    /** The reply to {@link #send}, rendered as the console shows it. */
    public String sendText(String asPerson, String text) {
        return render(send(asPerson, text));
    }

    /** Sends a command as someone whose chat account is linked to nobody in the plan. */
    public Reply sendAsGuest(String displayName, String text) {
        return app.commands().handle(request(Actor.guest(displayName), text));
    }

    /** Answers a reminder about {@code taskRef} with {@code text}, as a thread reply would. */
    public Reply replyToReminder(String asPerson, String taskRef, String text) {
        return app.reminderReplies().reply(request(actor(asPerson), text), taskRef);
    }

    public String render(Reply reply) {
        return renderer.render(reply);
    }

    /** A console chat as this person (or an admin called "admin" for null), as {@code ./planbot chat} builds it. */
    public ConsoleChat chat(String asPerson) {
        return new ConsoleChat(app.commands(), app.reminderReplies(), renderer, TENANT, app.consoleActor(TENANT, asPerson));
    }

    /** The actor for a person of the plan, with their stored role. */
    public Actor actor(String name) {
        return app.people().find(tenant, name).map(Actor::of)
                .orElseThrow(() -> new IllegalArgumentException("nobody called " + name + " in the test plan; add them with person()"));
    }

    private CommandRequest request(Actor actor, String text) {
        return new CommandRequest(TENANT, actor, source, text, chat);
    }

    // ---- reading back

    /** The stored task with exactly this ref (as the plan writes it, e.g. "EN003/01"). */
    public Task task(String ref) {
        return taskRow(ref).task();
    }

    public TaskRow taskRow(String ref) {
        List<TaskRow> rows = new ArrayList<>();
        app.tasks().findTasksByKey(tenant, RefKey.of(ref)).forEach(found -> rows.add(found.task()));
        rows.removeIf(r -> !r.ref().equals(ref));
        if (rows.size() != 1) {
            throw new IllegalArgumentException(rows.size() + " stored tasks have the ref " + ref);
        }
        return rows.get(0);
    }

    /** The audit events about one task, action or plan, newest first. */
    public List<AuditEvent> audit(String entityRef) {
        return app.audit().list(tenant, entityRef);
    }

    /** The target-date revisions of one task, oldest first. */
    public List<DateRevision> revisions(String taskRef) {
        return app.revisions().list(tenant, taskRow(taskRef).id());
    }

    public Optional<LocalDate> snoozedUntil(String taskRef) {
        return app.snoozes().snoozedUntil(tenant, taskRow(taskRef).id());
    }

    /** Every row of every table: equal dumps mean nothing was written in between. */
    public Map<String, List<Map<String, Object>>> dump() {
        return TestDatabases.dump(app.database());
    }

    // ---- time and parts

    public MutableClock clock() {
        return clock;
    }

    /** Today in London by the test clock. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), App.ZONE);
    }

    public Instant now() {
        return clock.instant();
    }

    public Tenant tenant() {
        return tenant;
    }

    public App app() {
        return app;
    }

    @Override
    public void close() {
        app.close();
    }
}
