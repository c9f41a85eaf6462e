package planbot.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import planbot.access.ApiTokens;
import planbot.access.ApiTokens.Integration;
import planbot.admin.AdminService;
import planbot.command.Assignee;
import planbot.command.Command;
import planbot.command.CommandRequest;
import planbot.command.CommandService;
import planbot.command.RefText;
import planbot.command.SnoozeSpec;
import planbot.domain.Person;
import planbot.domain.Rag;
import planbot.domain.RefKey;
import planbot.domain.Role;
import planbot.domain.Source;
import planbot.domain.StatusKind;
import planbot.domain.UserFixableException;
import planbot.http.AppServer;
import planbot.http.HttpRoutes;
import planbot.reply.Confirmation;
import planbot.reply.Failure;
import planbot.reply.Reply;
import planbot.storage.ActionRow;
import planbot.storage.AuditRepository;
import planbot.storage.DigestSubscription;
import planbot.storage.PlanRepository;
import planbot.storage.SectionRow;
import planbot.storage.StoredPlan;
import planbot.storage.TaskInAction;
import planbot.storage.TaskQuery;
import planbot.storage.TaskRepository;
import planbot.storage.TaskRow;
import planbot.storage.Tenant;
import planbot.storage.TenantRepository;
import planbot.tracker.ImportMode;
import planbot.tracker.ImportReport;
import planbot.tracker.ImportService;
import planbot.tracker.read.ReadOptions;
import planbot.tracker.read.ReadResult;
import planbot.tracker.read.TrackerFormatException;
import planbot.tracker.read.TrackerReader;
import planbot.tracker.write.ExportFormat;
import planbot.tracker.write.PlanExporter;

/**
 * The REST API, {@value #PREFIX}: the plan, its tasks and their changes, import and export, people, subscriptions
 * and the audit trail, for integrations holding a token ({@code Authorization: Bearer pbt_…}, see {@link ApiTokens}).
 * A token sees only its tenant; task changes go through the {@link CommandService} as an {@link Integration}'s actor
 * with the source web, so permissions and audit are chat's. {@link #endpoints()} is the one list of routes: the
 * server mounts it and the OpenAPI document ({@value #OPENAPI_PATH}) is checked against it.
 *
 * <p>Every error is {@code application/problem+json} ({@link Problem}), including unknown paths and methods under
 * {@code /api}, oversized and malformed bodies; a fault on our side is logged and answered with a generic sentence.
 * Thread-safe: handlers keep no state between requests.
 */
public final class ApiRoutes {
    public static final String PREFIX = "/api/v1";
    public static final String OPENAPI_PATH = "/api/openapi.json";
    /** The largest tracker file an import takes: far above any council's, far below what would hurt the server. */
    public static final long MAX_IMPORT_BYTES = 20L * 1024 * 1024;
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;
    private static final Logger LOG = LoggerFactory.getLogger(ApiRoutes.class);
    private static final Pattern TEMPLATE_PARAM = Pattern.compile("\\{[^/}]+}");

    /** What a route does for an authenticated integration. */
    interface Action {
        void handle(Context ctx, Integration who) throws Exception;
    }

    /**
     * One route of the API.
     *
     * @param method the HTTP method, upper-case
     * @param path   as Javalin and OpenAPI both write it ({@code /api/v1/tasks/{ref}})
     */
    public record Endpoint(String method, String path, Action action) {
        public Endpoint {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(path, "path");
        }

        boolean matches(String requestPath) {
            String regex = TEMPLATE_PARAM.matcher(Pattern.quote(path)).replaceAll("\\\\E[^/]+\\\\Q");
            return requestPath.matches(regex);
        }
    }

    private final ApiTokens tokens;
    private final CommandService commands;
    private final TenantRepository tenants;
    private final PlanRepository plans;
    private final TaskRepository tasks;
    private final AuditRepository audit;
    private final AdminService admin;
    private final ImportService imports;
    private final Clock clock;
    private final ZoneId zone;
    private final List<Endpoint> endpoints;

    public ApiRoutes(ApiTokens tokens, CommandService commands, TenantRepository tenants, PlanRepository plans,
                     TaskRepository tasks, AuditRepository audit, AdminService admin, ImportService imports, Clock clock,
                     ZoneId zone) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.plans = Objects.requireNonNull(plans, "plans");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.admin = Objects.requireNonNull(admin, "admin");
        this.imports = Objects.requireNonNull(imports, "imports");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.endpoints = List.of(
                new Endpoint("GET", PREFIX + "/plans", this::plans),
                new Endpoint("GET", PREFIX + "/plans/{plan}/sections", this::sections),
                new Endpoint("POST", PREFIX + "/plans/{plan}/import", this::importPlan),
                new Endpoint("GET", PREFIX + "/plans/{plan}/export", this::export),
                new Endpoint("GET", PREFIX + "/actions/{ref}", this::action),
                new Endpoint("GET", PREFIX + "/tasks", this::taskList),
                new Endpoint("GET", PREFIX + "/tasks/{ref}", this::task),
                new Endpoint("POST", PREFIX + "/tasks/{ref}/status", (ctx, who) -> change(ctx, who, this::statusCommand)),
                new Endpoint("POST", PREFIX + "/tasks/{ref}/date", (ctx, who) -> change(ctx, who, this::dateCommand)),
                new Endpoint("POST", PREFIX + "/tasks/{ref}/note", (ctx, who) -> change(ctx, who, this::noteCommand)),
                new Endpoint("POST", PREFIX + "/tasks/{ref}/owner", (ctx, who) -> change(ctx, who, this::ownerCommand)),
                new Endpoint("POST", PREFIX + "/tasks/{ref}/snooze", (ctx, who) -> change(ctx, who, this::snoozeCommand)),
                new Endpoint("GET", PREFIX + "/people", this::people),
                new Endpoint("GET", PREFIX + "/subscriptions", this::subscriptions),
                new Endpoint("GET", PREFIX + "/audit", this::auditEvents));
    }

    /** Every route under {@value #PREFIX}, as mounted. */
    public List<Endpoint> endpoints() {
        return endpoints;
    }

    /** Mounts the API, its OpenAPI document (no token needed) and problem+json answers for the rest of {@code /api}. */
    public void routes(HttpRoutes routes) {
        for (Endpoint e : endpoints) {
            Handler h = ctx -> answer(ctx, () -> e.action().handle(ctx, authenticate(ctx)));
            if (e.method().equals("GET")) {
                routes.get(e.path(), h);
            } else {
                routes.post(e.path(), h);
            }
        }
        byte[] openApi = openApiDocument();
        routes.get(OPENAPI_PATH, ctx -> ctx.contentType("application/json").result(openApi));
        routes.fallback("/api", ctx -> answer(ctx, () -> {
            throw notRouted(ctx);
        }));
    }

    /** The OpenAPI document, as written in the resource beside this class. */
    static byte[] openApiDocument() {
        try (InputStream in = ApiRoutes.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 405 naming the methods a known path takes (and saying them in {@code Allow}), else 404. */
    private Problem notRouted(Context ctx) {
        String path = ctx.path();
        Set<String> allowed = new TreeSet<>();
        endpoints.stream().filter(e -> e.matches(path)).forEach(e -> allowed.add(e.method()));
        if (allowed.isEmpty()) {
            return new Problem(404, "There is no " + path + " in the API: " + OPENAPI_PATH + " lists what there is.");
        }
        ctx.header("Allow", String.join(", ", allowed));
        return new Problem(405, ctx.method().name() + " is not allowed on " + path + "; it takes " + String.join(", ", allowed) + ".");
    }

    private interface Work {
        void run() throws Exception;
    }

    /** Runs a route, turning whatever it throws into a problem; never lets exception text out. */
    private static void answer(Context ctx, Work work) {
        try {
            work.run();
        } catch (Problem p) {
            problem(ctx, p);
        } catch (UserFixableException e) {
            problem(ctx, new Problem(400, sentence(e.getMessage())));
        } catch (Exception e) {
            LOG.error("API {} {} failed", ctx.method().name(), ctx.path(), e);
            problem(ctx, new Problem(500, Failure.GENERIC));
        }
    }

    private static void problem(Context ctx, Problem p) {
        ctx.status(p.status()).contentType(Problem.MEDIA_TYPE).result(p.json().toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The integration behind the bearer token; else 401 with the challenge RFC 6750 asks for. */
    private Integration authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"planbot\"");
            throw new Problem(401, "Send an integration token: Authorization: Bearer pbt_… (./planbot token create makes one).");
        }
        Optional<Integration> who = tokens.authenticate(header.substring(7).strip());
        if (who.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"planbot\", error=\"invalid_token\"");
            throw new Problem(401, "That token is not valid: it is unknown or revoked.");
        }
        return who.get();
    }

    // ---- reading

    private void plans(Context ctx, Integration who) {
        Tenant t = tenant(who);
        ArrayNode out = ApiJson.MAPPER.createArrayNode();
        for (String name : plans.planNames(t)) {
            plans.stored(t, name).ifPresent(p -> {
                ObjectNode o = out.addObject();
                o.put("name", p.name());
                o.put("sections", p.sections().size());
                o.put("actions", p.actions().size());
                o.put("tasks", p.tasks().size());
            });
        }
        json(ctx, ApiJson.MAPPER.createObjectNode().set("plans", out));
    }

    private void sections(Context ctx, Integration who) {
        StoredPlan plan = storedPlan(tenant(who), ctx.pathParam("plan"));
        LocalDate today = today();
        ArrayNode out = ApiJson.MAPPER.createArrayNode();
        for (SectionRow s : plan.sections()) {
            Map<Rag, Integer> rag = new EnumMap<>(Rag.class);
            int count = 0;
            for (TaskRow r : plan.tasks()) {
                if (r.sectionName().equals(s.name())) {
                    count++;
                    rag.merge(Rag.of(r.task().status(), r.task().target(), today), 1, Integer::sum);
                }
            }
            ObjectNode o = out.addObject();
            o.put("name", s.name());
            o.put("tasks", count);
            ObjectNode byRag = o.putObject("rag");
            rag.forEach((k, v) -> byRag.put(ApiJson.word(k), v));
        }
        json(ctx, ApiJson.MAPPER.createObjectNode().put("plan", plan.name()).set("sections", out));
    }

    private void action(Context ctx, Integration who) {
        String ref = ctx.pathParam("ref");
        String plan = ctx.queryParam("plan");
        List<ActionRow> found = new ArrayList<>();
        for (ActionRow a : tasks.findActionsByKey(tenant(who), RefKey.of(ref))) {
            if (plan == null || a.planName().equals(plan)) {
                found.add(a);
            }
        }
        one(found, ActionRow::planName, "action " + ref, plan);
        json(ctx, ApiJson.action(found.get(0), today()));
    }

    private void task(Context ctx, Integration who) {
        json(ctx, ApiJson.task(findTask(tenant(who), ctx).task(), today()));
    }

    private void taskList(Context ctx, Integration who) {
        TaskQuery q = TaskQuery.all();
        String owner = ctx.queryParam("owner");
        String status = ctx.queryParam("status");
        String section = ctx.queryParam("section");
        String dueBefore = ctx.queryParam("due_before");
        if (owner != null) {
            q = q.ownedBy(owner);
        }
        if (status != null) {
            q = q.withStatus(status);
        }
        if (section != null) {
            q = q.inSection(section);
        }
        if (dueBefore != null) {
            q = q.dueBefore(isoDate(dueBefore, "due_before"));
        }
        String plan = ctx.queryParam("plan");
        Rag rag = ctx.queryParam("rag") == null ? null : rag(ctx.queryParam("rag"));
        int limit = limit(ctx);
        int offset = cursor(ctx.queryParam("cursor"));
        LocalDate today = today();
        List<TaskRow> matching = new ArrayList<>();
        for (TaskRow r : tasks.find(tenant(who), q)) {
            if ((plan == null || r.planName().equals(plan))
                    && (rag == null || Rag.of(r.task().status(), r.task().target(), today) == rag)) {
                matching.add(r);
            }
        }
        ArrayNode page = ApiJson.MAPPER.createArrayNode();
        matching.subList(Math.min(offset, matching.size()), Math.min(offset + limit, matching.size()))
                .forEach(r -> page.add(ApiJson.task(r, today)));
        ObjectNode o = ApiJson.MAPPER.createObjectNode();
        o.set("tasks", page);
        o.put("nextCursor", offset + limit < matching.size() ? String.valueOf(offset + limit) : null);
        json(ctx, o);
    }

    private void people(Context ctx, Integration who) {
        ArrayNode out = ApiJson.MAPPER.createArrayNode();
        for (Person p : admin.people(who.tenant())) {
            out.addObject().put("name", p.name()).put("role", p.role().word());
        }
        json(ctx, ApiJson.MAPPER.createObjectNode().set("people", out));
    }

    private void subscriptions(Context ctx, Integration who) {
        ArrayNode out = ApiJson.MAPPER.createArrayNode();
        for (DigestSubscription s : admin.subscriptions(who.tenant())) {
            out.addObject().put("channel", s.channel()).put("plan", s.plan()).put("section", s.section())
                    .put("day", ApiJson.word(s.day())).put("time", s.time().toString()).put("zone", s.zone().getId());
        }
        json(ctx, ApiJson.MAPPER.createObjectNode().set("subscriptions", out));
    }

    private void auditEvents(Context ctx, Integration who) {
        String since = ctx.queryParam("since");
        Instant from = Instant.EPOCH;
        if (since != null) {
            try {
                from = since.length() == 10 ? isoDate(since, "since").atStartOfDay(zone).toInstant() : Instant.parse(since);
            } catch (DateTimeParseException e) {
                throw new Problem(400, "since is a date (2024-06-30) or an instant (2024-06-30T09:00:00Z).");
            }
        }
        ArrayNode out = ApiJson.MAPPER.createArrayNode();
        audit.since(tenant(who), from, limit(ctx)).forEach(e -> out.add(ApiJson.event(e)));
        json(ctx, ApiJson.MAPPER.createObjectNode().set("events", out));
    }

    private void export(Context ctx, Integration who) throws IOException {
        String word = ctx.queryParam("format");
        if (word == null || !Set.of("csv", "xlsx", "json").contains(word.toLowerCase(Locale.ROOT))) {
            throw new Problem(400, "Say the format: format=csv, xlsx or json.");
        }
        ExportFormat format = ExportFormat.parse(word);
        StoredPlan stored = storedPlan(tenant(who), ctx.pathParam("plan"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PlanExporter.write(stored.toPlan(), format, bytes);
        ctx.header("Content-Disposition", "attachment; filename=\"" + stored.name().replaceAll("[^A-Za-z0-9._-]", "_") + "."
                + format.extension() + "\"");
        ctx.contentType(format.mediaType()).result(bytes.toByteArray());
    }

    // ---- changing

    /** Builds the command for a change from the task's ref and the body; a {@link Problem} for a bad body. */
    private interface CommandBuilder {
        Command build(RefText ref, JsonNode body);
    }

    private void change(Context ctx, Integration who, CommandBuilder builder) {
        JsonNode body = jsonBody(ctx);
        TaskRow row = findTask(tenant(who), ctx).task();
        RefText ref = commands.refOf(who.tenant(), row.id()).orElseThrow(() -> new Problem(404, "That task is gone."));
        Command command = builder.build(ref, body);
        Reply reply = commands.executeOnTask(new CommandRequest(who.tenant(), who.actor(), Source.WEB, ""), row.id(), command);
        if (reply instanceof Failure) {
            Failure f = (Failure) reply;
            throw new Problem(f.kind() == Failure.Kind.DENIED ? 403 : f.kind() == Failure.Kind.OURS ? 500 : 400, f.message());
        }
        ObjectNode o = ApiJson.MAPPER.createObjectNode();
        o.put("message", reply instanceof Confirmation ? ((Confirmation) reply).text() : null);
        tasks.get(tenant(who), row.id()).ifPresent(now -> o.set("task", ApiJson.task(now, today())));
        json(ctx, o);
    }

    private Command statusCommand(RefText ref, JsonNode body) {
        String status = text(body, "status", true);
        if (StatusKind.of(status) == StatusKind.UNKNOWN) {
            throw new Problem(400, "status is one of: not started, on target, in progress, at risk, delayed, completed, closed.");
        }
        return new Command.Update(ref, status, text(body, "note", false));
    }

    private Command dateCommand(RefText ref, JsonNode body) {
        return new Command.Date(ref, isoDate(text(body, "date", true), "date"), text(body, "reason", false));
    }

    private Command noteCommand(RefText ref, JsonNode body) {
        return new Command.Note(ref, text(body, "note", true));
    }

    private Command ownerCommand(RefText ref, JsonNode body) {
        try {
            return new Command.Assign(ref, new Assignee.Name(text(body, "owner", true)));
        } catch (IllegalArgumentException e) {
            throw new Problem(400, "owner is a person's name as the plan writes it, e.g. \"Sam Jones\".");
        }
    }

    private Command snoozeCommand(RefText ref, JsonNode body) {
        String until = text(body, "until", false);
        JsonNode days = body.get("days");
        SnoozeSpec spec;
        if ((until == null) == (days == null)) {
            throw new Problem(400, "Say how long: {\"days\": 7} or {\"until\": \"2024-06-30\"}.");
        } else if (until != null) {
            spec = new SnoozeSpec.Until(isoDate(until, "until"));
        } else if (!days.canConvertToInt() || days.asInt() < 1 || days.asInt() > SnoozeSpec.MAX_DAYS) {
            throw new Problem(400, "days is a whole number from 1 to " + SnoozeSpec.MAX_DAYS + ".");
        } else {
            spec = SnoozeSpec.For.days(days.asInt());
        }
        return new Command.Snooze(ref, spec, text(body, "reason", false));
    }

    private void importPlan(Context ctx, Integration who) {
        if (!who.role().atLeast(Role.MANAGER)) {
            throw new Problem(403, "Only a manager or an admin token can import a plan.");
        }
        String dryRun = ctx.queryParam("dryRun");
        if (dryRun != null && !dryRun.equals("true") && !dryRun.equals("false")) {
            throw new Problem(400, "dryRun is true or false.");
        }
        // the reader tells the kind of file from its content; the name only words its messages
        String fileName = Optional.ofNullable(ctx.queryParam("filename")).orElse("the uploaded file");
        byte[] content = body(ctx, MAX_IMPORT_BYTES, "A tracker file may be at most " + MAX_IMPORT_BYTES / (1024 * 1024) + " MB.");
        if (content.length == 0) {
            throw new Problem(400, "Send the tracker file as the body.");
        }
        String plan = ctx.pathParam("plan");
        ReadResult read;
        try {
            read = TrackerReader.read(content, fileName, new ReadOptions(plan, null, Map.of(), MAX_IMPORT_BYTES));
        } catch (TrackerFormatException e) {
            throw new Problem(400, "The file cannot be imported: " + sentence(e.getMessage()));
        }
        // as the CLI: a cell planbot cannot read would be stored empty, so such a file is only reported
        boolean apply = "false".equals(dryRun) && (read.problems().isEmpty() || "true".equals(ctx.queryParam("allowProblems")));
        ImportReport report = imports.importPlan(who.tenant(), read, apply ? ImportMode.APPLY : ImportMode.DRY_RUN,
                who.name(), clock);
        ObjectNode o = ApiJson.MAPPER.valueToTree(report);
        o.put("applied", apply);
        json(ctx, o);
    }

    /**
     * The request's body, up to {@code maxBytes}, read here whatever its framing (a chunked body has no length to check
     * first): the server's own cap is for chat payloads, and an import takes more.
     */
    private static byte[] body(Context ctx, long maxBytes, String tooLarge) {
        Problem refused = new Problem(413, tooLarge);
        if (AppServer.tooLarge(ctx, maxBytes)) {
            throw refused;
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] content = in.readNBytes((int) maxBytes + 1);
            if (content.length > maxBytes) {
                ctx.header("Connection", "close");
                throw refused;
            }
            return content;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- helpers

    private Tenant tenant(Integration who) {
        // the token's tenant is made with the token and never removed
        return tenants.find(who.tenant()).orElseThrow(() -> new IllegalStateException("no tenant " + who.tenant()));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    private StoredPlan storedPlan(Tenant t, String name) {
        return plans.stored(t, name).orElseThrow(() -> new Problem(404, "There is no plan called \"" + name + "\"."));
    }

    /** The task the path's ref names, in the {@code plan} query parameter's plan if given: 404 if none, 409 if several. */
    private TaskInAction findTask(Tenant t, Context ctx) {
        String ref = ctx.pathParam("ref");
        String plan = ctx.queryParam("plan");
        List<TaskInAction> found = new ArrayList<>();
        for (TaskInAction f : tasks.findTasksByKey(t, RefKey.of(ref))) {
            if (plan == null || f.task().planName().equals(plan)) {
                found.add(f);
            }
        }
        one(found, f -> f.task().planName(), "task " + ref, plan);
        return found.get(0);
    }

    private static <T> void one(List<T> found, Function<T, String> planOf, String what, String plan) {
        if (found.isEmpty()) {
            throw new Problem(404, "There is no " + what + (plan == null ? "." : " in plan \"" + plan + "\"."));
        }
        Set<String> inPlans = new LinkedHashSet<>();
        found.forEach(f -> inPlans.add(planOf.apply(f)));
        if (found.size() > 1) {
            throw new Problem(409, "More than one plan has " + what + ": say which with ?plan=.",
                    Map.of("plans", List.copyOf(inPlans)));
        }
    }

    private static JsonNode jsonBody(Context ctx) {
        byte[] content = body(ctx, AppServer.MAX_BODY_BYTES, "The body may be at most " + AppServer.MAX_BODY_BYTES / 1024 + " KB.");
        JsonNode body;
        try {
            body = ApiJson.MAPPER.readTree(content);
        } catch (IOException e) { // malformed JSON: nothing else can fail reading bytes in memory
            throw new Problem(400, "The body is not valid JSON.");
        }
        if (body == null || !body.isObject()) {
            throw new Problem(400, "The body is a JSON object, e.g. {\"status\": \"completed\"}.");
        }
        return body;
    }

    private static String text(JsonNode body, String field, boolean required) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                throw new Problem(400, "The body needs \"" + field + "\".");
            }
            return null;
        }
        if (!n.isTextual() || required && n.asText().isBlank()) {
            throw new Problem(400, "\"" + field + "\" is a non-empty string.");
        }
        return n.asText().isBlank() ? null : n.asText();
    }

    private static LocalDate isoDate(String text, String field) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new Problem(400, field + " must be a real date written yyyy-MM-dd, e.g. 2024-06-30 (got \""
                    + text.substring(0, Math.min(text.length(), 20)) + "\").");
        }
    }

    private static Rag rag(String word) {
        try {
            return Rag.valueOf(word.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Problem(400, "rag is one of red, amber, green, blue, grey or none.");
        }
    }

    private static int limit(Context ctx) {
        String text = ctx.queryParam("limit");
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new Problem(400, "limit is a whole number from 1 to " + MAX_LIMIT + ".");
    }

    private static int cursor(String text) {
        if (text == null) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(text);
            if (offset >= 0) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new Problem(400, "cursor is the nextCursor of the page before.");
    }

    private static void json(Context ctx, JsonNode body) {
        ctx.contentType("application/json").result(body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A message as one sentence: capitalised and ending with a full stop. */
    private static String sentence(String message) {
        String m = message == null || message.isBlank() ? "The request cannot be done" : message.strip();
        m = Character.toUpperCase(m.charAt(0)) + m.substring(1);
        return m.endsWith(".") ? m : m + ".";
    }
}
