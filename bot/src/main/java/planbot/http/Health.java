package planbot.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import planbot.platform.PlatformHealth;

/**
 * What {@code GET /health} reports: the database, the scheduler and each started platform. Healthy (HTTP 200) only
 * when every part is; otherwise 503, so a load balancer stops sending traffic to this node.
 *
 * @param parts by name ("database", "scheduler", "slack"), in the order they are shown
 */
public record Health(Map<String, PlatformHealth> parts) {
    /** What readiness reports once the node has begun to stop. */
    static final Health STOPPING = new Health(Map.of("shutdown", PlatformHealth.down("this node is stopping")));

    public Health {
        parts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(parts, "parts")));
    }

    public boolean ok() {
        return parts.values().stream().allMatch(PlatformHealth::ok);
    }

    /**
     * {@code {"status":"ok","node":"…","database":{"ok":true,"detail":"…"},…}}: status is "ok" or "unavailable"; node
     * only when given.
     */
    Map<String, Object> json(String node) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", ok() ? "ok" : "unavailable");
        if (node != null) {
            out.put("node", node);
        }
        parts.forEach((name, h) -> {
            Map<String, Object> part = new LinkedHashMap<>();
            part.put("ok", h.ok());
            part.put("detail", h.detail());
            out.put(name, part);
        });
        return out;
    }
}
