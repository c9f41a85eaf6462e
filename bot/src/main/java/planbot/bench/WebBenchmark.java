package planbot.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import planbot.App;
import planbot.command.Actor;
import planbot.command.CommandRequest;
import planbot.domain.Person;
import planbot.domain.Role;
import planbot.domain.Source;
import planbot.reply.Failure;
import planbot.storage.CalendarFeed;
import planbot.storage.Tenant;
import planbot.web.signin.WebAuth;

/**
 * {@code bench web}: the app's own HTTP server under load, as a browser, an integration and a calendar client use it.
 * Imports a generated plan into a fresh SQLite file, starts the app's server (no chat platform) on a random port, and
 * sends GETs from many client threads for a fixed time, to each web route in turn and, in the same run, to a bare
 * Javalin route answering a constant: p50/p99, throughput against the bare route and CPU per request, as the chat edge
 * benchmarks report them (see {@link SlackBenchmark} for why the comparison is fair).
 *
 * <p>Routes measured: the dashboard's overview ({@code GET /}, a manager's session cookie), the API's
 * {@code GET /api/v1/tasks/{ref}} (a viewer's token, every task in turn), a person's calendar feed
 * ({@code GET /ical/<secret>.ics}, {@value #FEED_TASKS} tasks) and {@code GET /metrics}. Each answer is judged: a 200
 * whose body is the page, the task, the feed or the scrape asked for.
 */
public final class WebBenchmark {
    /** The issue's targets: the dashboard within 100 ms at p99; the API within 20 ms, at half the bare route's rate. */
    static final double TARGET_DASHBOARD_P99_MILLIS = 100;
    static final double TARGET_API_P99_MILLIS = 20;
    static final double TARGET_API_THROUGHPUT_RATIO = 0.5;
    /** How many tasks the person whose feed is fetched owns. */
    static final int FEED_TASKS = 100;
    private static final String OWNER = "Bench Officer";
    private static final String MANAGER = "Bench Manager";
    private static final String TENANT = "bench";

    /**
     * One web route measured: what it is, its requests, how an answer is judged, and its targets (0 for none): p99 and
     * throughput over the bare route's.
     */
    private record Route(String name, String what, IntFunction<HttpRequest> requests, HttpLoad.Check check, double p99Target,
                         double ratioTarget) {
    }

    public ObjectNode run(int tasks, int clients, Duration duration) throws Exception {
        Javalin bare = HttpLoad.bareRoute("ok");
        try (BenchPlan plan = BenchPlan.open("web", tasks)) {
            ObjectNode out = plan.report("web", tasks, clients, duration);
            App app = plan.app;
            int owned = assign(plan, Math.min(FEED_TASKS, tasks));
            app.startPlatforms(List.of(), 0);
            URI base = URI.create("http://127.0.0.1:" + app.httpPort());
            URI feed = base.resolve(app.calendars().issue(TENANT, CalendarFeed.Kind.PERSON, OWNER, "bench", Source.CLI).url()
                    .getPath());
            // a manager signed in through a link, as a browser holds the session
            Tenant tenant = app.tenants().find(TENANT).orElseThrow();
            app.people().upsert(tenant, List.of(MANAGER), Role.MANAGER);
            app.people().setRole(tenant, MANAGER, Role.MANAGER);
            URI link = app.signInLinks().issue(TENANT, new Person(MANAGER, Role.MANAGER));
            String session = app.signInLinks().redeem(link.getPath().substring(link.getPath().lastIndexOf('/') + 1)).sessionId();
            // an integration with a viewer's token
            String token = app.apiTokens().create(TENANT, "bench", Role.VIEWER, "bench", Source.CLI).orElseThrow();
            List<Route> routes = List.of(
                    new Route("dashboard", "GET / (the plan overview) with a manager's session cookie",
                            n -> HttpRequest.newBuilder(base.resolve("/")).timeout(HttpLoad.REQUEST_TIMEOUT)
                                    .header("Cookie", WebAuth.COOKIE + "=" + session).GET().build(),
                            (request, response) -> response.body().contains("</html>") ? null : "not the page",
                            TARGET_DASHBOARD_P99_MILLIS, 0),
                    new Route("api", "GET /api/v1/tasks/{ref} with a viewer's token, every task in turn",
                            n -> HttpRequest.newBuilder(base.resolve("/api/v1/tasks/" + encode(plan.ref(n))))
                                    .timeout(HttpLoad.REQUEST_TIMEOUT).header("Authorization", "Bearer " + token)
                                    .header("X-Bench-Ref", plan.ref(n)).GET().build(),
                            (request, response) -> response.body().contains("\"ref\":\""
                                    + request.headers().firstValue("X-Bench-Ref").orElse("") + "\"") ? null : "not the task asked for",
                            TARGET_API_P99_MILLIS, TARGET_API_THROUGHPUT_RATIO),
                    new Route("calendarFeed", "GET /ical/<secret>.ics: the feed of a person owning " + owned + " tasks",
                            n -> get(feed), (request, response) -> response.body().startsWith("BEGIN:VCALENDAR")
                                    && response.body().endsWith("END:VCALENDAR\r\n") ? null : "not the calendar", 0, 0),
                    new Route("metrics", "GET /metrics: a Prometheus scrape",
                            n -> get(base.resolve("/metrics")), (request, response) -> response.body().contains("planbot_outbox_depth")
                                    ? null : "not the metrics", 0, 0));
            HttpLoad.Target bareTarget = new HttpLoad.Target(HttpLoad.client(), n -> get(URI.create("http://127.0.0.1:"
                    + bare.port() + "/bare")), HttpLoad.Check.OK);
            List<HttpLoad.Target> targets = new ArrayList<>();
            for (Route r : routes) {
                targets.add(new HttpLoad.Target(HttpLoad.client(), r.requests(), r.check()));
            }
            List<HttpLoad.Target> all = new ArrayList<>(targets);
            all.add(bareTarget);
            HttpLoad.warmUp(all, clients, out);
            HttpLoad.Load baseline = HttpLoad.run(bareTarget, clients, duration);
            out.set("bareRoute", baseline.json("GET of a Javalin route answering 'ok', same machine, same client code"));
            boolean met = true;
            ObjectNode measured = out.putObject("routes");
            for (int i = 0; i < routes.size(); i++) {
                Route r = routes.get(i);
                HttpLoad.Load load = HttpLoad.run(targets.get(i), clients, duration);
                ObjectNode o = load.json(r.what());
                double ratio = load.perSecond() / baseline.perSecond();
                o.put("throughputOverBareRoute", Math.round(ratio * 1000) / 1000.0);
                o.put("cpuPerRequestBareOverRoute", Math.round(baseline.cpuPerRequest() / load.cpuPerRequest() * 1000) / 1000.0);
                if (r.p99Target() > 0) {
                    o.put("targetP99Millis", r.p99Target());
                    if (r.ratioTarget() > 0) {
                        o.put("targetThroughputOverBareRoute", r.ratioTarget());
                    }
                    boolean ok = load.failures() == 0 && CommandBenchmark.percentile(load.millis(), 99) <= r.p99Target()
                            && ratio >= r.ratioTarget();
                    o.put("targetsMet", ok);
                    met &= ok;
                }
                measured.set(r.name(), o);
            }
            out.put("targetsMet", met);
            return out;
        } finally {
            bare.stop();
        }
    }

    /** Makes {@value #OWNER} the owner of the plan's first {@code count} tasks, through the command service. */
    private static int assign(BenchPlan plan, int count) {
        Actor admin = Actor.of(new Person("bench", Role.ADMIN));
        int done = 0;
        for (int n = 0; n < count; n++) {
            if (!(plan.app.commands().handle(new CommandRequest(TENANT, admin, Source.CLI, "assign " + plan.ref(n) + " " + OWNER))
                    instanceof Failure)) {
                done++;
            }
        }
        return done;
    }

    private static String encode(String ref) {
        return java.net.URLEncoder.encode(ref, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(HttpLoad.REQUEST_TIMEOUT).GET().build();
    }
}
