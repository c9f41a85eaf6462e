package planbot.discord.render;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import planbot.answer.ButtonValue;
import planbot.delivery.Button;

/**
 * The {@code custom_id} of our buttons, select menus and modal, at most {@value #MAX} characters as Discord allows.
 *
 * <ul>
 *   <li>A button (and the New date modal) carries a {@link ButtonValue}: {@link ButtonValue#encode()} as it is
 *   ({@code r1|west-lancs|42|1001|DONE}, {@code n1|west-lancs|42|note text}) when that fits; else the tenant's slug is
 *   replaced by {@code ~} and a hash of it ({@code r1|~Xq3…|42|1001|DONE}). {@link #decode(String, String)} given the
 *   verified caller's tenant puts the slug back when the hash is that tenant's, so that the core's tenant check
 *   ({@link planbot.answer.TaskAnswerService#task}) works unchanged; a hash of another tenant stays a hash and is
 *   refused there. A reminder's button always fits in the compact form; a note's may not ({@link #fits}).</li>
 *   <li>The select menus of a grouped reminder: {@code g1|<n>} (n: which select of the message), each option's value a
 *   reminder's button's custom_id ({@link #option}), read back with {@link #decode}.</li>
 *   <li>The No of "add this as a note?": {@value #NO}.</li>
 * </ul>
 *
 * <p>A custom_id comes back only in an interaction Discord signed (or sent over the gateway), so it cannot be forged
 * by a user; what it names is still checked against the caller's tenant. Stateless and thread-safe; decoding never
 * throws: anything that is not one of ours, or was cut or changed so that it no longer reads, is empty.
 */
public final class ComponentIds {
    /** Discord's limit on a custom_id (and on a select option's value). */
    public static final int MAX = 100;
    /** The custom_id of the No button of "add this as a note?". */
    public static final String NO = "n0";
    private static final String HASHED = "~";
    private static final String SELECT = "g1";

    private ComponentIds() {
    }

    /** True when {@code v} can be a custom_id (a long note cannot). */
    public static boolean fits(ButtonValue v) {
        return compact(v).length() <= MAX;
    }

    /**
     * The custom_id of a button standing for {@code v}.
     *
     * @throws IllegalArgumentException when it does not {@linkplain #fits fit}
     */
    public static String encode(ButtonValue v) {
        String id = compact(v);
        if (id.length() > MAX) {
            throw new IllegalArgumentException("a button's value does not fit a custom_id: " + id.length() + " characters");
        }
        return id;
    }

    /**
     * What a custom_id stands for, its tenant left as sent (a slug, or {@code ~} and a hash); empty when it is not one of
     * our buttons' or was tampered with.
     */
    public static Optional<ButtonValue> decode(String customId) {
        if (customId == null || customId.length() > MAX) {
            return Optional.empty();
        }
        // only the exact text we would have written: Long.parseLong also reads other scripts' digits and a '+'
        return ButtonValue.decode(customId).filter(v -> v.encode().equals(customId));
    }

    /**
     * As {@link #decode(String)}, with a hashed tenant put back as {@code callerTenant} when it is that tenant's hash.
     * Anything else is returned as sent, for the tenant check to refuse.
     */
    public static Optional<ButtonValue> decode(String customId, String callerTenant) {
        return decode(customId).map(v -> v.tenant().equals(hash(callerTenant))
                ? new ButtonValue(callerTenant, v.taskId(), v.outboxId(), v.choice(), v.note()) : v);
    }

    /** The custom_id of select menu {@code n} of a grouped reminder's message (unique in the message, as Discord needs). */
    static String select(int n) {
        return SELECT + "|" + n;
    }

    /**
     * The value of a select option standing for one reminder: the {@linkplain #encode custom_id} of its New date button,
     * so that {@link #decode} reads its tenant, task and outbox row. A select's value is never taken for a click: picking
     * a reminder only shows its buttons.
     */
    static String option(String tenant, long taskId, long outboxId) {
        return encode(new ButtonValue(tenant, taskId, outboxId, Button.Choice.NEW_DATE));
    }

    private static String compact(ButtonValue v) {
        String full = v.encode();
        if (full.length() <= MAX) {
            return full;
        }
        return new ButtonValue(hash(v.tenant()), v.taskId(), v.outboxId(), v.choice(), v.note()).encode();
    }

    /** {@code ~} and 10 characters of the slug's SHA-256: 60 bits, enough to tell the few tenants of a bot apart. */
    static String hash(String tenant) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    Objects.requireNonNullElse(tenant, "").getBytes(StandardCharsets.UTF_8));
            return HASHED + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
