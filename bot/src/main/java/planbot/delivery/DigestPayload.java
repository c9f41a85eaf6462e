package planbot.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import planbot.scheduler.digest.DigestScope;
import planbot.scheduler.digest.Subscription;

/**
 * What a digest outbox row's payload says, the contract between whoever enqueues digests and the
 * {@link NoticeBuilder} that builds them at delivery time:
 *
 * <pre>{@code
 * {"type":"digest","tenant":"west-lancs","channel":"slack:C123","plan":null,"section":null,
 *  "at":"2023-05-15T08:00:00Z","since":"2023-05-08T08:00:00Z","zone":"Europe/London"}
 * }</pre>
 *
 * {@code at} is the slot the digest is for (its period ends there), {@code since} the last digest (absent or
 * null: a week before {@code at}); {@code plan} and {@code section} as in {@link DigestScope}; {@code zone}
 * the subscription's (absent: Europe/London). The digest itself is built when the row is sent, from the plan
 * as it is then, so a row stays small and a retried digest is not stale.
 */
public record DigestPayload(String tenant, String channel, String plan, String section, Instant at, Instant since,
                            ZoneId zone) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public DigestPayload {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(zone, "zone");
    }

    /** The payload for a subscription's digest of the slot at {@code at}, covering the period since {@code since}. */
    public static DigestPayload of(Subscription s, Instant at, Instant since) {
        return new DigestPayload(s.tenant(), s.channel(), s.plan(), s.section(), at, since, s.zone());
    }

    public DigestScope scope() {
        return new DigestScope(tenant, plan, section);
    }

    public String toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", "digest").put("tenant", tenant).put("channel", channel).put("plan", plan).put("section", section)
                .put("at", at.toString()).put("since", since == null ? null : since.toString()).put("zone", zone.getId());
        return o.toString();
    }

    /** Reads a payload; {@link Undeliverable} says what is missing or wrong. */
    static DigestPayload read(JsonNode p) throws Undeliverable {
        String tenant = text(p, "tenant");
        String channel = text(p, "channel");
        String at = text(p, "at");
        if (tenant == null || channel == null || at == null) {
            throw new Undeliverable("the digest's payload does not name its tenant, channel and moment");
        }
        try {
            String since = text(p, "since");
            String zone = text(p, "zone");
            return new DigestPayload(tenant, channel, text(p, "plan"), text(p, "section"), Instant.parse(at),
                    since == null ? null : Instant.parse(since), zone == null ? Subscription.DEFAULT_ZONE : ZoneId.of(zone));
        } catch (DateTimeException e) {
            throw new Undeliverable("the digest's payload has a moment or zone that cannot be read: " + e.getMessage());
        }
    }

    static String text(JsonNode p, String field) {
        JsonNode n = p.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}
