/**
 * {@code GET /metrics} in Prometheus' format ({@link planbot.web.metrics.MetricsHttp}). The meters themselves are
 * recorded where things happen (commands, sweeps, the outbox dispatcher, the HTTP server), in the one registry the
 * composition root makes.
 */
package planbot.web.metrics;
