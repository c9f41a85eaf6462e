package planbot.web.pages;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import planbot.access.WebUser;
import planbot.admin.AdminService;
import planbot.command.CommandRequest;
import planbot.command.CommandService;
import planbot.command.RefText;
import planbot.domain.AuditEvent;
import planbot.domain.DateRevision;
import planbot.domain.Person;
import planbot.domain.Plan;
import planbot.domain.PlanDate;
import planbot.domain.Rag;
import planbot.domain.Source;
import planbot.domain.Status;
import planbot.domain.UkDates;
import planbot.domain.UserFixableException;
import planbot.http.AppServer;
import planbot.http.HttpRoutes;
import planbot.reply.ActionCard;
import planbot.reply.Confirmation;
import planbot.reply.Failure;
import planbot.reply.PlainTextRenderer;
import planbot.reply.Reply;
import planbot.reply.TaskCard;
import planbot.reply.TaskView;
import planbot.scheduler.digest.Digest;
import planbot.scheduler.digest.TaskSnapshot;
import planbot.storage.AuditRepository;
import planbot.storage.DateRevisionRepository;
import planbot.storage.TaskRepository;
import planbot.storage.TaskRow;
import planbot.storage.Tenant;
import planbot.storage.TenantRepository;
import planbot.tracker.write.ExportFormat;
import planbot.tracker.write.PlanExporter;
import planbot.web.pages.DashboardReader.Snapshot;
import planbot.web.signin.WebAuth;
import planbot.web.signin.WebHeaders;

/**
 * The dashboard's pages: the overview ({@code /}), the digest's lists ({@code /list/overdue|due|tbc|slipped}), the task
 * list with filters ({@code /tasks}, {@code /mine}), the timeline, a task's page with its forms ({@code /tasks/{ref}}),
 * the exports ({@code /export/csv|xlsx|json?plan=P}) and the chart ({@code /chart.svg}). Every page needs a session
 * ({@link WebAuth}); without one it redirects to {@link WebAuth#SIGN_IN_PATH}.
 *
 * <p>A form runs the same command text as chat through {@link CommandService} with {@link Source#WEB} (same permissions,
 * same audit), after the CSRF check; its outcome is shown once on the page it redirects to (303, post/redirect/get).
 *
 * <p>Thread-safe. A failure on our side is logged and answered with a page carrying {@link Failure#GENERIC}; nothing of
 * an exception reaches the page.
 */
public final class DashboardPages {
    /** How many lines a list shows before "Show all". */
    static final int PAGE_ROWS = 50;
    /** How many tasks the timeline draws. */
    static final int TIMELINE_ROWS = 100;
    static final String FLASH_COOKIE = "planbot_flash";
    /** The status words a form offers: what the command language reads (see {@code StatusPhrases}). */
    static final List<String> STATUSES = List.of("Not started", "On target", "In progress", "At risk", "Delayed",
            "Completed", "Closed");
    private static final Logger LOG = LoggerFactory.getLogger(DashboardPages.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.UK);
    private static final int MAX_FIELD = 500;

    private final WebAuth auth;
    private final DashboardReader reader;
    private final CommandService commands;
    private final AdminService admin;
    private final TenantRepository tenants;
    private final TaskRepository tasks;
    private final AuditRepository audit;
    private final DateRevisionRepository revisions;
    private final ZoneId zone;
    private final PlainTextRenderer plain;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    private final byte[] css;

    public DashboardPages(WebAuth auth, DashboardReader reader, CommandService commands, AdminService admin,
                          TenantRepository tenants, TaskRepository tasks, AuditRepository audit, DateRevisionRepository revisions, ZoneId zone) {
        this.auth = Objects.requireNonNull(auth, "auth");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.admin = Objects.requireNonNull(admin, "admin");
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.revisions = Objects.requireNonNull(revisions, "revisions");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.plain = new PlainTextRenderer(zone);
        try (InputStream in = DashboardPages.class.getResourceAsStream("/web/planbot.css")) {
            this.css = Objects.requireNonNull(in, "web/planbot.css is missing from the build").readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void routes(HttpRoutes routes) {
        routes.get("/", signedIn(this::overview));
        routes.get("/list/{which}", signedIn(this::digestList));
        routes.get("/tasks", signedIn(this::taskList));
        routes.get("/mine", signedIn(this::mine));
        routes.get("/timeline", signedIn(this::timeline));
        routes.get("/tasks/{ref}", signedIn(this::task));
        routes.post("/tasks/{ref}", signedIn(this::change));
        routes.get("/export/{format}", signedIn(this::export));
        routes.get("/chart.svg", signedIn((ctx, user) ->
                ctx.contentType("image/svg+xml").result(reader.snapshot(user.tenant()).chartSvg())));
        routes.get("/static/planbot.css", ctx -> ctx.header("Cache-Control", "max-age=3600")
                .header("X-Content-Type-Options", "nosniff").contentType("text/css; charset=utf-8").result(css));
    }

    // ---- pages

    private void overview(Context ctx, WebUser user) {
        Snapshot s = reader.snapshot(user.tenant());
        Digest d = s.digest();
        Map<String, List<Digest.SectionCounts>> byPlan = new LinkedHashMap<>();
        d.sections().forEach(sc -> byPlan.computeIfAbsent(sc.plan(), k -> new ArrayList<>()).add(sc));
        List<Page.PlanBars> plans = new ArrayList<>();
        byPlan.forEach((plan, sections) -> {
            Map<Rag, Integer> sum = new EnumMap<>(Rag.class);
            List<Page.Bar> bars = new ArrayList<>();
            for (Digest.SectionCounts sc : sections) {
                sc.counts().byRag().forEach((rag, n) -> sum.merge(rag, n, Integer::sum));
                bars.add(bar(sc.section(), "/tasks?section=" + enc(sc.section()), sc.counts().byRag()));
            }
            List<Page.Link> exports = new ArrayList<>();
            for (String f : List.of("csv", "xlsx", "json")) {
                exports.add(new Page.Link("/export/" + f + "?plan=" + enc(plan), f.toUpperCase(Locale.ROOT)));
            }
            plans.add(new Page.PlanBars(plan, bar(plan, null, sum), bars, exports));
        });
        List<Page.Table> tables = new ArrayList<>();
        for (String which : List.of("overdue", "due", "tbc", "slipped")) {
            tables.add(digestTable(s, which, PAGE_ROWS));
        }
        render(ctx, 200, "overview.jte", new Page.Overview(frame(ctx, user, "Plan overview"),
                UkDates.format(s.today()), plans, tables));
    }

    private void digestList(Context ctx, WebUser user) {
        String which = ctx.pathParam("which");
        if (!List.of("overdue", "due", "tbc", "slipped").contains(which)) {
            notFound(ctx, user, "There is no list called " + which + ".", List.of());
            return;
        }
        Page.Table table = digestTable(reader.snapshot(user.tenant()), which, 0);
        render(ctx, 200, "tasks.jte", new Page.TaskList(frame(ctx, user, table.title()), null, table));
    }

    /**
     * One of the digest's lists, as the digest orders it; {@code limit} 0 for all of it. Only the lines shown are made:
     * a 10,000-task plan can have thousands overdue.
     */
    private Page.Table digestTable(Snapshot s, String which, int limit) {
        Digest d = s.digest();
        switch (which) {
            case "overdue":
                return table("Overdue", "Nothing is overdue.", d.overdue(), "/list/overdue", limit,
                        o -> row(s, o.task(), o.task().target(), days(o.daysLate()) + " late"));
            case "due":
                return table("Due in the next 14 days", "Nothing is due in the next 14 days.", d.dueSoon(), "/list/due", limit,
                        o -> row(s, o.task(), o.task().target(), o.daysLeft() == 0 ? "due today" : "in " + days(o.daysLeft())));
            case "tbc":
                return table("Target date TBC", "No open task has a TBC date.", d.tbc(), "/list/tbc", limit,
                        i -> row(s, i, i.target(), ""));
            default:
                return table("Slipped in the last 7 days", "No target date was revised in the last 7 days.", d.slipped(),
                        "/list/slipped", limit, slip -> {
                            PlanDate was = s.originals().getOrDefault(
                                    DashboardReader.key(slip.task().plan(), slip.task().ref()), slip.from());
                            return row(s, slip.task(), slip.to(), "was " + was.display() + ", revised "
                                    + times(slip.timesInTotal()));
                        });
        }
    }

    private void taskList(Context ctx, WebUser user) {
        Snapshot s = reader.snapshot(user.tenant());
        String section = param(ctx, "section");
        String owner = param(ctx, "owner");
        String status = param(ctx, "status");
        Predicate<TaskSnapshot> keep = t -> (section == null || t.section().equalsIgnoreCase(section))
                && (owner == null || t.owner() != null && sameName(t.owner(), owner))
                && (status == null || statusWord(t.status()).equalsIgnoreCase(status));
        boolean all = ctx.queryParam("all") != null;
        String here = "/tasks?section=" + enc(Objects.toString(section, "")) + "&owner=" + enc(Objects.toString(owner, ""))
                + "&status=" + enc(Objects.toString(status, "")) + "&all=1";
        Page.Table table = snapshotTable(s.input().tasks(), s, keep, "Tasks", "No task matches.", here, all ? 0 : PAGE_ROWS);
        TreeSet<String> owners = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        s.input().tasks().forEach(t -> {
            if (t.owner() != null) {
                owners.add(t.owner());
            }
        });
        List<String> sections = sectionNames(s);
        Page.Filter filter = new Page.Filter(section, owner, status, sections, List.copyOf(owners),
                List.copyOf(s.digest().totals().byStatus().keySet()));
        render(ctx, 200, "tasks.jte", new Page.TaskList(frame(ctx, user, "Tasks"), filter, table));
    }

    private void mine(Context ctx, WebUser user) {
        Snapshot s = reader.snapshot(user.tenant());
        String me = user.person().name();
        List<TaskSnapshot> mine = new ArrayList<>();
        s.input().tasks().forEach(t -> {
            if (!t.isFinished() && t.owner() != null && sameName(t.owner(), me)) {
                mine.add(t);
            }
        });
        mine.sort(SOONEST);
        boolean all = ctx.queryParam("all") != null;
        Page.Table table = snapshotTable(mine, s, t -> true, "My open tasks", "You own no open task.", "/mine?all=1",
                all ? 0 : PAGE_ROWS);
        render(ctx, 200, "tasks.jte", new Page.TaskList(frame(ctx, user, "My tasks"), null, table));
    }

    private void timeline(Context ctx, WebUser user) {
        Snapshot s = reader.snapshot(user.tenant());
        String section = param(ctx, "section");
        List<TaskSnapshot> dated = new ArrayList<>();
        s.input().tasks().forEach(t -> {
            if (!t.isFinished() && t.target() != null && t.target().isDate()
                    && (section == null || t.section().equalsIgnoreCase(section))) {
                dated.add(t);
            }
        });
        dated.sort(SOONEST);
        List<TaskSnapshot> shown = dated.subList(0, Math.min(TIMELINE_ROWS, dated.size()));
        LocalDate start = null;
        LocalDate end = null;
        for (TaskSnapshot t : shown) {
            for (LocalDate d : List.of(t.target().date(), original(s, t).map(PlanDate::date).orElse(t.target().date()))) {
                start = start == null || d.isBefore(start) ? d : start;
                end = end == null || d.isAfter(end) ? d : end;
            }
        }
        List<Page.Span> spans = new ArrayList<>();
        for (TaskSnapshot t : shown) {
            PlanDate now = t.target();
            PlanDate was = original(s, t).orElse(now);
            spans.add(new Page.Span(t.ref(), href(s, t.plan(), t.ref()), t.description(), was.display(), now.display(),
                    t.timesRevised(), css(Rag.of(t.status(), now, s.today())), position(start, end, was.date()),
                    position(start, end, now.date())));
        }
        render(ctx, 200, "timeline.jte", new Page.Timeline(frame(ctx, user, "Timeline"),
                start == null ? "" : UkDates.format(start), end == null ? "" : UkDates.format(end), section, spans,
                dated.size(), sectionNames(s)));
    }

    private void task(Context ctx, WebUser user) {
        Optional<TaskView> found = resolve(ctx, user);
        if (found.isEmpty()) {
            return;
        }
        TaskView v = found.get();
        Tenant tenant = tenants.find(user.tenant()).orElseThrow();
        String typed = commands.refOf(user.tenant(), v.taskId()).map(RefText::toString).orElse(v.ref());
        List<Page.Event> dates = new ArrayList<>();
        for (DateRevision r : revisions.list(tenant, v.taskId())) {
            String what = r.from() == null ? "set to " + show(r.to()) : "from " + show(r.from()) + " to " + show(r.to());
            dates.add(new Page.Event(when(r.at()), r.actor() + " (" + r.source().word() + ")",
                    r.reason() == null ? what : what + ": " + r.reason()));
        }
        List<Page.Event> trail = new ArrayList<>();
        for (AuditEvent e : audit.listForTask(tenant, v.taskId(), v.ref())) {
            trail.add(new Page.Event(when(e.at()), e.actor() + " (" + e.source().word() + ")", describe(e)));
        }
        Page.Forms forms = null;
        if (commands.mayChange(user.tenant(), user.actor(), v.taskId(), false)) {
            boolean assign = commands.mayChange(user.tenant(), user.actor(), v.taskId(), true);
            List<String> people = new ArrayList<>();
            if (assign) {
                admin.people(user.tenant()).forEach(p -> people.add(p.name()));
            }
            forms = new Page.Forms("/tasks/" + enc(typed), STATUSES, assign, people);
        }
        String plan = tasks.get(tenant, v.taskId()).map(TaskRow::planName).orElse("");
        Page.Card card = new Page.Card(v.ref(), plan, v.actionName(), v.section().isEmpty() ? "(no section)" : v.section(),
                v.description(), statusWord(v.status()), css(v.rag()), label(v.rag()), show(v.target()),
                Objects.toString(v.owner(), "nobody"), Objects.toString(v.notes(), ""));
        render(ctx, 200, "task.jte", new Page.TaskPage(frame(ctx, user, v.ref()), card, dates, trail, forms));
    }

    /** A form on a task's page: the command it stands for, run as chat runs it; then back to the page (303). */
    private void change(Context ctx, WebUser user) {
        if (AppServer.refusedAsTooLarge(ctx)) {
            return;
        }
        if (!auth.csrfOk(ctx, user)) {
            message(ctx, 403, frame(ctx, user, "Not sent"), "This form could not be checked: it may come from an old page"
                    + " or another site. Nothing was changed; reload the task's page and try again.", List.of());
            return;
        }
        Optional<TaskView> found = resolve(ctx, user);
        if (found.isEmpty()) {
            return;
        }
        String ref = commands.refOf(user.tenant(), found.get().taskId()).map(RefText::toString).orElse(found.get().ref());
        String change = Objects.toString(ctx.formParam("change"), "");
        String text;
        switch (change) {
            case "status":
                text = "update " + ref + " " + field(ctx, "status") + " " + field(ctx, "note");
                break;
            case "date":
                text = "date " + ref + " " + field(ctx, "date") + " " + field(ctx, "reason");
                break;
            case "note":
                text = "note " + ref + " " + field(ctx, "note");
                break;
            case "assign":
                text = "assign " + ref + " " + field(ctx, "owner");
                break;
            default:
                message(ctx, 400, frame(ctx, user, "Not understood"), "That form asked for a change planbot does not"
                        + " know. Nothing was changed.", List.of(new Page.Link("/tasks/" + enc(ref), ref)));
                return;
        }
        Reply reply = commands.handle(new CommandRequest(user.tenant(), user.actor(), Source.WEB, text.strip()));
        boolean ok = reply instanceof Confirmation;
        if (ok) {
            reader.changed(user.tenant());
        }
        flash(ctx, new Page.Flash(ok, ok ? ((Confirmation) reply).text() : plain.render(reply)));
        ctx.redirect("/tasks/" + enc(ref), HttpStatus.SEE_OTHER);
    }

    private void export(Context ctx, WebUser user) throws IOException {
        String format = ctx.pathParam("format").toLowerCase(Locale.ROOT);
        if (!List.of("csv", "xlsx", "json").contains(format)) {
            notFound(ctx, user, "Exports are CSV, XLSX or JSON.", List.of());
            return;
        }
        ExportFormat fmt = ExportFormat.parse(format);
        Plan plan = admin.loadPlan(user.tenant(), param(ctx, "plan"));
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        PlanExporter.write(plan, fmt, out);
        String name = slug(plan.name()) + "-" + reader.today() + "." + fmt.extension();
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .contentType(fmt.mediaType()).result(out.toByteArray());
    }

    // ---- the task a page or form is about

    /**
     * The task the path names, found as chat's {@code status} finds it (plan-qualified refs, near misses); when it names
     * none, or an action, the page saying so has been rendered and the result is empty.
     */
    private Optional<TaskView> resolve(Context ctx, WebUser user) {
        String typed = oneLine(ctx.pathParam("ref"));
        Reply r = typed.isEmpty() ? Failure.of("Which task?")
                : commands.handle(new CommandRequest(user.tenant(), user.actor(), Source.WEB, "status " + typed));
        if (r instanceof TaskCard) {
            return Optional.of(((TaskCard) r).task());
        }
        if (r instanceof ActionCard) {
            ActionCard a = (ActionCard) r;
            List<Page.Link> links = new ArrayList<>();
            a.tasks().forEach(t -> links.add(new Page.Link("/tasks/" + enc(t.ref()), t.ref() + " " + t.description())));
            message(ctx, 200, frame(ctx, user, a.name()), a.name() + " is an action; its tasks:", links);
            return Optional.empty();
        }
        List<Page.Link> links = new ArrayList<>();
        String why = "There is no task " + typed + ".";
        if (r instanceof Failure) {
            Failure f = (Failure) r;
            why = f.kind() == Failure.Kind.OURS ? Failure.GENERIC : f.message();
            f.suggestions().forEach(sug -> links.add(new Page.Link("/tasks/" + enc(sug), "Did you mean " + sug + "?")));
        }
        notFound(ctx, user, why, links);
        return Optional.empty();
    }

    // ---- building blocks

    /** What a request planbot could not read (too large, or not the form it claims to be) is told. */
    static final String UNREADABLE = "planbot could not read that request (it was too large, or not a form it knows)."
            + " Nothing was changed.";

    /** Runs a page for a signed-in user; sends anyone else to sign in. */
    private Handler signedIn(PageHandler page) {
        return ctx -> {
            WebHeaders.apply(ctx);
            Optional<WebUser> user = Optional.empty();
            try {
                user = auth.user(ctx);
                if (user.isEmpty()) {
                    ctx.redirect(WebAuth.SIGN_IN_PATH, HttpStatus.SEE_OTHER);
                    return;
                }
                page.handle(ctx, user.get());
            } catch (UserFixableException e) {
                message(ctx, 404, plainFrame(user, "Not found"), e.getMessage(), List.of());
            } catch (Exception e) {
                java.util.OptionalInt theirs = AppServer.clientFault(ctx, e);
                if (theirs.isPresent()) {
                    message(ctx, theirs.getAsInt(), plainFrame(user, "Not understood"), UNREADABLE, List.of());
                    return;
                }
                LOG.error("web page {} failed for tenant {}", ctx.endpoint() == null ? "?" : ctx.endpoint().path,
                        user.map(WebUser::tenant).orElse("?"), e);
                message(ctx, 500, plainFrame(user, "Sorry"), Failure.GENERIC, List.of());
            }
        };
    }

    private interface PageHandler {
        void handle(Context ctx, WebUser user) throws Exception;
    }

    private Page.Frame frame(Context ctx, WebUser user, String title) {
        Person p = user.person();
        return new Page.Frame(title, p.name(), p.role().word(), user.csrfToken(), takeFlash(ctx));
    }

    /** A frame for an error page: no flash (the page may have failed reading it). */
    private static Page.Frame plainFrame(Optional<WebUser> user, String title) {
        return user.map(u -> new Page.Frame(title, u.person().name(), u.role().word(), u.csrfToken(), null))
                .orElse(new Page.Frame(title, null, null, null, null));
    }

    private void notFound(Context ctx, WebUser user, String text, List<Page.Link> links) {
        message(ctx, 404, frame(ctx, user, "Not found"), text, links);
    }

    private void message(Context ctx, int status, Page.Frame frame, String text, List<Page.Link> links) {
        render(ctx, status, "message.jte", new Page.Message(frame, text, links));
    }

    private void render(Context ctx, int status, String template, Object model) {
        StringOutput out = new StringOutput(16 * 1024);
        templates.render(template, model, out);
        ctx.status(status).contentType("text/html; charset=utf-8").result(out.toString());
    }

    /** The outcome of a form, carried to the next page in a short-lived cookie (not the URL, which anyone can forge). */
    private static void flash(Context ctx, Page.Flash flash) {
        String text = flash.text().length() > 1000 ? flash.text().substring(0, 999) + "…" : flash.text();
        String value = (flash.ok() ? "1" : "0")
                + Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        ctx.cookie(new Cookie(FLASH_COOKIE, value, "/", 60, false, true, null, SameSite.LAX));
    }

    private static Page.Flash takeFlash(Context ctx) {
        String value = ctx.cookie(FLASH_COOKIE);
        if (value == null || value.isEmpty()) {
            return null;
        }
        ctx.removeCookie(FLASH_COOKIE, "/");
        try {
            return new Page.Flash(value.charAt(0) == '1',
                    new String(Base64.getUrlDecoder().decode(value.substring(1)), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return null; // not ours: show nothing
        }
    }

    private static <T> Page.Table table(String title, String empty, List<T> items, String allHref, int limit,
                                        java.util.function.Function<T, Page.Row> row) {
        boolean cut = limit > 0 && items.size() > limit;
        List<Page.Row> rows = new ArrayList<>();
        (cut ? items.subList(0, limit) : items).forEach(i -> rows.add(row.apply(i)));
        return new Page.Table(title, empty, rows, items.size(), cut ? allHref : null);
    }

    private Page.Table snapshotTable(List<TaskSnapshot> tasks, Snapshot s, Predicate<TaskSnapshot> keep, String title,
                                     String empty, String allHref, int limit) {
        List<Page.Row> rows = new ArrayList<>();
        int total = 0;
        for (TaskSnapshot t : tasks) {
            if (!keep.test(t)) {
                continue;
            }
            total++;
            if (limit == 0 || rows.size() < limit) {
                rows.add(row(s, new Digest.Item(t.plan(), t.section(), t.actionKey(), t.ref(), t.description(), t.owner(),
                        t.status(), t.target()), t.target(), t.timesRevised() == 0 ? "" : "revised " + times(t.timesRevised())));
            }
        }
        return new Page.Table(title, empty, rows, total, total > rows.size() ? allHref : null);
    }

    private Page.Row row(Snapshot s, Digest.Item i, PlanDate target, String note) {
        Rag rag = Rag.of(i.status(), i.target(), s.today());
        return new Page.Row(i.ref(), href(s, i.plan(), i.ref()), s.severalPlans() ? i.plan() : null, i.description(),
                Objects.toString(i.owner(), ""), statusWord(i.status()), css(rag), label(rag), show(target), note);
    }

    private static Page.Bar bar(String name, String href, Map<Rag, Integer> counts) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        List<Page.Segment> segments = new ArrayList<>();
        for (Rag rag : List.of(Rag.RED, Rag.AMBER, Rag.GREEN, Rag.BLUE, Rag.GREY, Rag.NONE)) {
            int n = counts.getOrDefault(rag, 0);
            segments.add(new Page.Segment(css(rag), label(rag), n, total == 0 ? 0 : 100.0 * n / total));
        }
        return new Page.Bar(name, href, total, segments);
    }

    private static List<String> sectionNames(Snapshot s) {
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        s.digest().sections().forEach(sc -> {
            if (!sc.section().isEmpty()) {
                names.add(sc.section());
            }
        });
        return List.copyOf(names);
    }

    /** A task's link: its ref, naming its plan when another plan has the same ref (as chat's ref resolver wants). */
    private static String href(Snapshot s, String plan, String ref) {
        return "/tasks/" + enc(s.refShared(ref) ? ref + " in " + plan : ref);
    }

    private static Optional<PlanDate> original(Snapshot s, TaskSnapshot t) {
        return Optional.ofNullable(s.originals().get(DashboardReader.key(t.plan(), t.ref()))).filter(PlanDate::isDate);
    }

    private static final Comparator<TaskSnapshot> SOONEST = Comparator.comparing(
            (TaskSnapshot t) -> t.target() != null && t.target().isDate() ? t.target().date() : LocalDate.MAX);

    private static double position(LocalDate start, LocalDate end, LocalDate day) {
        long span = ChronoUnit.DAYS.between(start, end);
        return span == 0 ? 50 : 100.0 * ChronoUnit.DAYS.between(start, day) / span;
    }

    private String when(java.time.Instant at) {
        return WHEN.format(at.atZone(zone));
    }

    private static String describe(AuditEvent e) {
        StringBuilder s = new StringBuilder(e.change());
        if (e.before() != null || e.after() != null) {
            s.append(": ");
            if (e.before() != null) {
                s.append(shorten(e.before())).append(" → ");
            }
            s.append(e.after() == null ? "(removed)" : shorten(e.after()));
        }
        if (e.note() != null && !e.note().isBlank()) {
            s.append(" — ").append(shorten(e.note()));
        }
        return s.toString();
    }

    private static String shorten(String s) {
        return s.length() <= 200 ? s : s.substring(0, 199) + "…";
    }

    private static String show(PlanDate d) {
        return d == null ? "none" : d.due();
    }

    private static String statusWord(Status s) {
        return s == null ? Digest.NO_STATUS : s.word();
    }

    private static String css(Rag rag) {
        return rag.name().toLowerCase(Locale.ROOT);
    }

    private static String label(Rag rag) {
        switch (rag) {
            case RED: return "overdue";
            case AMBER: return "at risk";
            case GREEN: return "on track";
            case BLUE: return "done";
            case GREY: return "closed";
            default: return "no status";
        }
    }

    private static String days(long n) {
        return n == 1 ? "1 day" : n + " days";
    }

    private static String times(int n) {
        return n == 1 ? "once" : n + " times";
    }

    private static boolean sameName(String a, String b) {
        return a.strip().replaceAll("\\s+", " ").equalsIgnoreCase(b.strip().replaceAll("\\s+", " "));
    }

    /** A query parameter, null when absent or blank. */
    private static String param(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** A form field on one line and of bounded length, so that it stays the one argument of the command it fills. */
    private static String field(Context ctx, String name) {
        String v = oneLine(ctx.formParam(name));
        return v.length() <= MAX_FIELD ? v : v.substring(0, MAX_FIELD);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A file name for a plan: letters and digits, the rest as dashes. */
    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+)|(-+$)", "");
        return s.isEmpty() ? "plan" : s;
    }
}
