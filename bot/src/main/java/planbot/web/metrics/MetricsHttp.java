package planbot.web.metrics;

import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import planbot.http.HttpRoutes;

/**
 * {@code GET /metrics}: every meter of the app's registry in Prometheus' text format. It shows counts and timings, never
 * plan data, so it is open by default as exporters usually are; with {@code PLANBOT_METRICS_TOKEN} set it wants
 * {@code Authorization: Bearer <token>} (compared in constant time) and answers 401 otherwise.
 *
 * <p>Thread-safe: a scrape reads the registry (and the outbox gauges query the database) on the server's thread.
 */
public final class MetricsHttp {
    public static final String PATH = "/metrics";
    public static final String TOKEN_SETTING = "PLANBOT_METRICS_TOKEN";
    /** Prometheus' text exposition format, version 0.0.4: what every Prometheus scrapes. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry meters;
    private final byte[] expected;

    /** @param token the bearer token a scrape must carry; null or blank for none */
    public MetricsHttp(PrometheusMeterRegistry meters, String token) {
        this.meters = Objects.requireNonNull(meters, "meters");
        this.expected = token == null || token.isBlank() ? null : ("Bearer " + token.strip()).getBytes(StandardCharsets.UTF_8);
    }

    public void routes(HttpRoutes routes) {
        routes.get(PATH, this::scrape);
    }

    private void scrape(Context ctx) {
        if (expected != null) {
            String given = ctx.header("Authorization");
            if (given == null || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
                ctx.status(401).header("WWW-Authenticate", "Bearer").contentType("text/plain; charset=utf-8")
                        .result("A bearer token is needed for the metrics.");
                return;
            }
        }
        ctx.contentType(CONTENT_TYPE).result(meters.scrape());
    }
}
