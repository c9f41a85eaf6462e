package planbot.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's one HTTP server. Routes are mounted ({@link #post}, {@link #get}) before {@link #start()}; it always
 * answers {@code GET /health} from the health source it was given, and a load balancer's two probes: {@code GET
 * /health/live} (the process and its HTTP threads answer; nothing else is asked) and {@code GET /health/ready} (the
 * readiness source says every part works, and the server is not {@linkplain #drain() draining}). Bodies are capped at
 * {@link #MAX_BODY_BYTES}; a route that takes larger ones (the REST API's import) reads the request's stream itself under its own cap ({@link #tooLarge}).
 *
 * <p>Not thread-safe to mount, start or close (the composition root does that on one thread); route handlers run on
 * Jetty's threads.
 */
public final class AppServer implements HttpRoutes, AutoCloseable {
    /** The largest body accepted: chat platforms' payloads are a few KB; anything bigger is not from them. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** The setting that says where it listens. */
    public static final String PORT_SETTING = "PLANBOT_HTTP_PORT";
    public static final String HEALTH_PATH = "/health";
    public static final String LIVE_PATH = "/health/live";
    public static final String READY_PATH = "/health/ready";
    /**
     * How long {@link #close()} lets requests in flight finish (Jetty's own default is 0, which cuts them): well inside
     * the 30 s a node has from SIGTERM to exit.
     */
    static final java.time.Duration STOP_TIMEOUT = java.time.Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(AppServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Route(boolean post, String path, Handler handler) {
    }

    /** The methods a {@linkplain #fallback fallback} answers. */
    private static final List<HandlerType> ANY = List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH,
            HandlerType.DELETE);

    private final int port;
    private final Supplier<Health> health;
    private final Supplier<Health> ready;
    private final String node;
    private final MeterRegistry meters;
    /** Set when the node begins to stop: readiness answers 503 from then on, so a load balancer drains the node. */
    private volatile boolean draining;
    private final List<Route> routes = new ArrayList<>();
    /** Who mounted each route path, for the latency metric's platform label; absent: "none". */
    private final java.util.Map<String, String> platformOf = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, Handler> fallbacks = new java.util.LinkedHashMap<>();
    private Javalin server;

    /**
     * @param port   where to listen; 0 picks a free port ({@link #port()} tells which)
     * @param health what {@code GET /health} reports, asked afresh on each request
     */
    public AppServer(int port, Supplier<Health> health) {
        this(port, health, null);
    }

    /**
     * @param meters where each request's latency is timed ({@code planbot.http.requests}, by method, route template,
     *               status and the platform that mounted the route: never the raw path, which would hold refs and
     *               secrets); null for none
     */
    public AppServer(int port, Supplier<Health> health, MeterRegistry meters) {
        this(port, health, health, meters, null);
    }

    /**
     * @param ready what {@code GET /health/ready} reports until the server {@linkplain #drain() drains}, asked afresh on
     *              each request
     * @param node  this node's id ({@code PLANBOT_NODE_ID}), shown in every health answer; null for none
     */
    public AppServer(int port, Supplier<Health> health, Supplier<Health> ready, MeterRegistry meters, String node) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("not a port: " + port);
        }
        this.port = port;
        this.health = Objects.requireNonNull(health, "health");
        this.ready = Objects.requireNonNull(ready, "ready");
        this.meters = meters;
        this.node = node;
    }

    /**
     * Makes {@code GET /health/ready} answer 503 from now on (the node is stopping), while every other route still
     * answers. Thread-safe; cannot be undone.
     */
    public void drain() {
        draining = true;
    }

    @Override
    public void post(String path, Handler handler) {
        mount(new Route(true, path, handler));
    }

    @Override
    public void get(String path, Handler handler) {
        mount(new Route(false, path, handler));
    }

    /**
     * Where a platform (or the web) mounts its routes: as this server's own, and each labelled with {@code platform} in
     * the latency metric.
     */
    public HttpRoutes forPlatform(String platform) {
        Objects.requireNonNull(platform, "platform");
        return new HttpRoutes() {
            @Override
            public void post(String path, Handler handler) {
                AppServer.this.post(path, handler);
                platformOf.put(path, platform);
            }

            @Override
            public void get(String path, Handler handler) {
                AppServer.this.get(path, handler);
                platformOf.put(path, platform);
            }

            @Override
            public void fallback(String pathPrefix, Handler handler) {
                AppServer.this.fallback(pathPrefix, handler);
                platformOf.put(pathPrefix + "/*", platform);
            }
        };
    }

    @Override
    public void fallback(String pathPrefix, Handler handler) {
        if (server != null) {
            throw new IllegalStateException("routes are mounted before the server starts");
        }
        if (!pathPrefix.startsWith("/") || pathPrefix.endsWith("/")) {
            throw new IllegalArgumentException("a path prefix starts with '/' and does not end with one: " + pathPrefix);
        }
        fallbacks.put(pathPrefix, Objects.requireNonNull(handler, "handler"));
    }

    private void mount(Route route) {
        if (server != null) {
            throw new IllegalStateException("routes are mounted before the server starts");
        }
        Objects.requireNonNull(route.path(), "path");
        Objects.requireNonNull(route.handler(), "handler");
        routes.add(route);
    }

    /**
     * Starts listening.
     *
     * @throws IllegalStateException when the port cannot be bound (the message names {@value #PORT_SETTING})
     */
    public AppServer start() {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        server = Javalin.create(config -> {
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.http.compressionStrategy = uncompressed();
            config.startup.showJavalinBanner = false;
            // on stop, new connections are refused and requests in flight finish (Javalin's servlet context is Jetty's
            // Graceful part); with Jetty's default timeout of 0 they would be cut
            config.jetty.modifyServer(jetty -> jetty.setStopTimeout(STOP_TIMEOUT.toMillis()));
            if (meters != null) {
                config.requestLogger.http(this::time);
            }
            for (Route r : routes) {
                if (r.post()) {
                    config.routes.post(r.path(), r.handler());
                } else {
                    config.routes.get(r.path(), r.handler());
                }
            }
            // Javalin answers with the first endpoint added that matches: fallbacks after every route
            fallbacks.forEach((prefix, handler) -> ANY.forEach(method -> config.routes.addHttpHandler(method, prefix + "/*", handler)));
            // A body sent to a path nobody mounted is read (within the cap) and dropped, so that Jetty answers 404 on the
            // connection instead of closing it unanswered under the client's next request.
            config.routes.error(404, ctx -> {
                if (ctx.contentLength() >= 0 && ctx.contentLength() <= MAX_BODY_BYTES) {
                    ctx.bodyAsBytes();
                }
            });
            config.routes.get(HEALTH_PATH, ctx -> answer(ctx, health.get()));
            config.routes.get(LIVE_PATH, ctx -> answer(ctx, new Health(java.util.Map.of())));
            // once draining, the parts are not asked: the database may be closing under the probe
            config.routes.get(READY_PATH, ctx -> answer(ctx, draining ? Health.STOPPING : ready.get()));
        });
        try {
            server.start(port);
        } catch (RuntimeException e) {
            server = null;
            throw new IllegalStateException("cannot listen on " + PORT_SETTING + " " + port + " (" + e.getMessage() + ")", e);
        }
        LOG.info("HTTP server listening on :{}", server.port());
        return this;
    }

    /**
     * Times a request under its route template ({@code /ical/{file}}, not the path asked for): one series per route that
     * exists, whatever clients send. A request no route matched is "unmatched".
     */
    private void time(io.javalin.http.Context ctx, Float millis) {
        io.javalin.router.Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        // the matched endpoint's method, not the request's: a client can send any method name, and a tag must not grow
        Timer.builder("planbot.http.requests").description("HTTP requests, by route")
                .tag("method", endpoint == null ? "other" : endpoint.method.name())
                .tag("route", endpoint == null ? "unmatched" : endpoint.path)
                .tag("platform", endpoint == null ? "none" : platformOf.getOrDefault(endpoint.path, "none"))
                .tag("status", Integer.toString(ctx.statusCode()))
                // buckets from 1 ms to 10 s, so that Prometheus can tell a route's p99 (histogram_quantile)
                .publishPercentileHistogram().minimumExpectedValue(java.time.Duration.ofMillis(1))
                .maximumExpectedValue(java.time.Duration.ofSeconds(10))
                .register(meters).record((long) (millis * 1_000_000L), java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** How much of an oversized body is read and dropped before the 413, so that the client reads the answer. */
    static final int DRAIN_BYTES = 1024 * 1024;

    /**
     * Answers 413 to a request whose body is over {@link #MAX_BODY_BYTES}, before anything reads it as a body; true when
     * it did (the route then does nothing more).
     */
    public static boolean refusedAsTooLarge(io.javalin.http.Context ctx) {
        if (!tooLarge(ctx, MAX_BODY_BYTES)) {
            return false;
        }
        ctx.status(413).contentType("text/plain").result("request too large");
        return true;
    }

    /**
     * True when the request says its body is over {@code maxBytes}; the caller then answers 413 in its own words. A body
     * up to {@link #DRAIN_BYTES}, or twice the cap if more, is read and dropped first: closing a connection with unread
     * bytes makes TCP reset it, and the client could lose the 413 it was about to read. A larger one is not read, and the
     * connection is closed after the answer. A body of unknown length is the caller's to count as it reads.
     */
    public static boolean tooLarge(io.javalin.http.Context ctx, long maxBytes) {
        long length = ctx.contentLength();
        if (length <= maxBytes) {
            return false;
        }
        if (length <= Math.max(DRAIN_BYTES, 2 * maxBytes)) {
            try (java.io.InputStream in = ctx.req().getInputStream()) {
                byte[] sink = new byte[16 * 1024];
                long left = length;
                int n;
                while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0) {
                    left -= n;
                }
            } catch (java.io.IOException e) {
                // the client went away: nobody to answer
            }
        } else {
            ctx.header("Connection", "close");
        }
        return true;
    }

    private void answer(io.javalin.http.Context ctx, Health h) throws JsonProcessingException {
        ctx.status(h.ok() ? 200 : 503).contentType("application/json").result(JSON.writeValueAsString(h.json(node)));
    }

    /**
     * The HTTP status of a failure that is the client's doing, found anywhere in {@code e}'s causes: a body Javalin
     * would not read (over the cap, announced or chunked) or one Jetty could not parse (a form or multipart body that
     * is not one); the answer then closes the connection, whose body was left unread. Empty for planbot's own failures. Routes with a catch-all answer these as the client's fault (4xx,
     * not logged) instead of as planbot's (500, logged at ERROR).
     */
    public static java.util.OptionalInt clientFault(io.javalin.http.Context ctx, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            int status = t instanceof io.javalin.http.HttpResponseException ? ((io.javalin.http.HttpResponseException) t).getStatus()
                    : t instanceof org.eclipse.jetty.http.BadMessageException
                    ? ((org.eclipse.jetty.http.BadMessageException) t).getCode() : 0;
            if (status > 0) {
                // the body was left unread: the connection cannot carry another request
                ctx.header("Connection", "close");
                return java.util.OptionalInt.of(status);
            }
        }
        return java.util.OptionalInt.empty();
    }

    /**
     * No compression, and no per-response check of the content type against Javalin's list of types never to
     * compress (which Javalin makes even when it has no compressor): platform acks are a few KB, due within 3 s, and
     * cost more CPU to compress than they save on the wire. That check was 4% of a Slack /plan request's CPU.
     */
    private static CompressionStrategy uncompressed() {
        CompressionStrategy none = new CompressionStrategy();
        none.setExcludedMimeTypes(List.of());
        return none;
    }

    /** The port the server listens on. */
    public int port() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return server.port();
    }

    /**
     * Stops the server: it takes no new connections, and requests in flight finish (for up to {@link #STOP_TIMEOUT}).
     * Safe to call when not started.
     */
    @Override
    public void close() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
