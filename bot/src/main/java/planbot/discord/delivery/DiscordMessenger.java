package planbot.discord.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import planbot.delivery.DigestNotice;
import planbot.delivery.Messenger;
import planbot.delivery.Notice;
import planbot.delivery.NoticeBuilder;
import planbot.delivery.OutboxDispatcher;
import planbot.delivery.Recipient;
import planbot.delivery.ReminderGroup;
import planbot.delivery.ReminderNotice;
import planbot.delivery.SendResult;
import planbot.discord.render.DiscordText;
import planbot.discord.render.NoticeMessages;
import planbot.discord.rest.DiscordFailure;
import planbot.discord.rest.DiscordRest;
import planbot.storage.ChannelPurpose;
import planbot.storage.ChannelRepository;
import planbot.storage.OutboxEntry;
import planbot.storage.OutboxRepository;
import planbot.storage.Tenant;
import planbot.storage.TenantRepository;

/**
 * The {@link Messenger} for Discord: renders a notice with {@link NoticeMessages} and posts it through
 * {@link DiscordRest}, for the outbox dispatcher.
 *
 * <p><b>Addresses.</b> A recipient's address is a channel id (a plan, manager or admin channel, a digest's
 * {@code discord:<id>}) or, for a person, their user id. Both are snowflakes, so the address cannot tell which it is;
 * rather than teach the neutral routing a Discord convention, the messenger posts to the address as a channel first and,
 * when Discord answers Unknown Channel (10003), opens the person's DM channel ({@code POST /users/@me/channels}) and
 * posts there. The DM channel is remembered per user, so a person costs that one extra 404 once per process (a 404 does
 * not count towards Discord's invalid-request limit, which counts 401, 403 and 429). An id that is neither a channel nor a
 * user is {@code Permanent}.
 *
 * <p><b>At most once per call</b>, as for Slack: the first message of a notice decides. A failure of the first is the
 * result ({@link DiscordFailure#result()}: 429 is {@code RetryLater} with Discord's {@code retry_after}, 5xx and timeouts
 * retry, missing access and unknown channels are permanent). Once the first is posted the result is
 * {@code Sent("<channelId>:<messageId>")}; the later messages reply to it ({@code message_reference}), and one that fails
 * is only logged: sending the notice again would post it twice. A digest's chart goes up with its first message as the file {@link NoticeMessages#CHART_FILE}, which
 * the rendered embed shows ({@code attachment://digest-chart.png}).
 *
 * <p><b>A DM Discord refuses</b> (403, code 50007: the person shares no server with planbot or does not take DMs from
 * its members) is not a dead letter for a reminder: it goes to the tenant's Discord plan channel, marked as theirs, and the
 * tenant's admin is told once per person by an admin notice in the outbox under the key
 * {@code dm-refused:<tenant id>:<user id>}. The outbox keeps its keys for good and ignores a key it has, so "once" holds
 * across retries, restarts and nodes with nothing remembered here. Without a Discord plan channel the reminder is
 * {@code Permanent} (the dispatcher's dead letter tells the admin). Other notices refused a DM are permanent too.
 *
 * <p>Thread-safe: the REST client and the repositories are, and the DM channels are kept in a concurrent map. Never
 * logs a token (the REST client's failures carry none).
 */
public final class DiscordMessenger implements Messenger {
    /** The platform name {@link Recipient}s for Discord carry. */
    public static final String PLATFORM = "discord";
    /** The key prefix of the admin notice that a person's DMs are refused: {@code dm-refused:<tenant id>:<user id>}. */
    public static final String DM_REFUSED_KEY = "dm-refused:";
    /**
     * Discord lets a bot post about 5 messages per 5 s in one channel (the per-channel bucket of
     * {@code POST /channels/{id}/messages}; Discord asks bots to read its headers rather than hard-code it) and make 50
     * requests a second in all: one message a second per channel keeps inside the first, and the dispatcher sends one
     * message at a time. A 429 of either kind comes back as {@code RetryLater} with Discord's {@code retry_after}.
     */
    static final Duration PACE = Duration.ofSeconds(1);
    private static final int CONTENT_LIMIT = 2000;
    private static final Logger LOG = LoggerFactory.getLogger(DiscordMessenger.class);

    private final DiscordRest rest;
    private final NoticeMessages messages;
    private final TenantRepository tenants;
    private final ChannelRepository channels;
    private final OutboxRepository outbox;
    private final Clock clock;
    /** A person's user id → their DM channel id, as Discord gave it. */
    private final Map<String, String> dmChannels = new ConcurrentHashMap<>();

    public DiscordMessenger(DiscordRest rest, NoticeMessages messages, TenantRepository tenants, ChannelRepository channels,
                            OutboxRepository outbox, Clock clock) {
        this.rest = Objects.requireNonNull(rest, "rest");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.channels = Objects.requireNonNull(channels, "channels");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public Duration pace() {
        return PACE;
    }

    @Override
    public SendResult send(Notice notice, Recipient recipient) {
        List<ObjectNode> bodies = messages.render(notice);
        String address = recipient.address();
        Posted first;
        try {
            first = postFirst(address, notice, bodies.get(0));
        } catch (DiscordFailure f) {
            if (f.code() == DiscordFailure.CANNOT_DM_USER) {
                return dmRefused(notice, recipient, bodies);
            }
            return f.result();
        }
        if (first == null) {
            return new SendResult.Permanent("Discord knows no channel and no person with the id " + address + ": the"
                    + " channel may have been deleted (set another with /plan channel …), or the person's account is gone");
        }
        postRest(notice, recipient, first, bodies);
        return new SendResult.Sent(messageId(first.channel(), first.messageId()));
    }

    /** The platform message id of a post: {@code <channelId>:<messageId>}. */
    public static String messageId(String channelId, String messageId) {
        return channelId + ":" + messageId;
    }

    /**
     * The first message, to the address as a channel, else to it as a person in their DM channel; null when Discord knows
     * the address as neither.
     */
    private Posted postFirst(String address, Notice notice, ObjectNode body) throws DiscordFailure {
        String dm = dmChannels.get(address);
        if (dm != null) {
            return post(dm, notice, body, true);
        }
        try {
            return post(address, notice, body, true);
        } catch (DiscordFailure f) {
            if (f.code() != DiscordFailure.UNKNOWN_CHANNEL) {
                throw f;
            }
        }
        try {
            dm = rest.dmChannel(address);
        } catch (DiscordFailure f) {
            if (f.isTransient()) {
                throw f;
            }
            return null;
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
        dmChannels.put(address, dm);
        return post(dm, notice, body, true);
    }

    /** One message to a channel; the first of a digest carries its chart. */
    private Posted post(String channel, Notice notice, ObjectNode body, boolean first) throws DiscordFailure {
        String path = "/channels/" + channel + "/messages";
        byte[] chart = first && notice instanceof DigestNotice ? ((DigestNotice) notice).chartPng() : new byte[0];
        JsonNode message = chart.length == 0 ? rest.post(path, body)
                : rest.postMultipart(path, body, NoticeMessages.CHART_FILE, chart);
        return new Posted(channel, message.path("id").asText());
    }

    /** The messages after the first, each answering it; a failure is logged, as the notice is posted already. */
    private void postRest(Notice notice, Recipient recipient, Posted first, List<ObjectNode> bodies) {
        try {
            for (int i = 1; i < bodies.size(); i++) {
                ObjectNode body = bodies.get(i).deepCopy();
                body.putObject("message_reference").put("message_id", first.messageId()).put("fail_if_not_exists", false);
                post(first.channel(), notice, body, false);
            }
        } catch (DiscordFailure f) {
            LOG.warn("outbox {} ({}): posted to {} as {}, but the rest of it could not follow: {}", notice.outboxId(),
                    notice.outboxKey(), recipient.channel(), first.messageId(), f.getMessage());
        }
    }

    /**
     * A reminder whose DM Discord refused: posted in the tenant's Discord plan channel, marked as the person's, and the
     * admin told once. Anything else, or a tenant without a Discord plan channel: permanent.
     */
    private SendResult dmRefused(Notice notice, Recipient recipient, List<ObjectNode> bodies) {
        String refused = "Discord refuses planbot's DMs to " + recipient.name() + " (they share no server with planbot,"
                + " or do not allow DMs from its members)";
        Optional<Tenant> tenant = tenantOf(notice).flatMap(tenants::find);
        Optional<String> plan = tenant.flatMap(t -> channels.find(t, PLATFORM, ChannelPurpose.PLAN));
        if (plan.isEmpty()) {
            return new SendResult.Permanent(refused + ", and no Discord plan channel is set to post it in instead:"
                    + " /plan channel plan #channel");
        }
        List<ObjectNode> marked = new ArrayList<>(bodies);
        marked.set(0, markedFor(bodies.get(0), recipient.name()));
        Posted first;
        try {
            first = post(plan.get(), notice, marked.get(0), true);
        } catch (DiscordFailure f) {
            return f.result();
        }
        postRest(notice, recipient, first, marked);
        tellAdminOnce(tenant.get(), notice, recipient, refused);
        return new SendResult.Sent(messageId(first.channel(), first.messageId()));
    }

    /** The first message with a line saying whose it is and why it is here. */
    private static ObjectNode markedFor(ObjectNode body, String name) {
        ObjectNode b = body.deepCopy();
        String line = "For " + DiscordText.escape(name) + ": I could not send this to them directly.";
        String content = b.path("content").asText("");
        String joined = content.isEmpty() ? line : line + "\n" + content;
        b.put("content", joined.length() <= CONTENT_LIMIT ? joined : content);
        return b;
    }

    /**
     * The admin notice that this person's DMs are refused, enqueued under a key of its own per person: the outbox
     * ignores it when it has it already, so the admin hears of each person once. A storage failure is logged: the
     * reminder itself is posted, and it must not be posted again for this.
     */
    private void tellAdminOnce(Tenant tenant, Notice notice, Recipient recipient, String refused) {
        String what = "reminders for " + recipient.name() + " by Discord DM";
        String reason = refused + ". I post their reminders in the plan channel, naming them, instead; to have them by DM"
                + " again, they allow DMs from the server's members (the server's Privacy Settings) or are linked to"
                + " another account: /plan people link \"" + recipient.name() + "\" @someone";
        try {
            outbox.enqueue(List.of(new OutboxEntry(tenant.id(), DM_REFUSED_KEY + tenant.id() + ":" + recipient.address(),
                    OutboxDispatcher.ADMIN, null, OutboxDispatcher.ADMIN, null,
                    NoticeBuilder.adminPayload(notice.outboxKey(), what, reason, 1))), clock.instant());
        } catch (RuntimeException e) {
            LOG.error("outbox {} ({}): posted in the plan channel for {}, but the admin could not be told that their DMs"
                    + " are refused", notice.outboxId(), notice.outboxKey(), recipient.name(), e);
        }
    }

    /** The tenant a reminder is about (its slug); none for other notices. */
    private static Optional<String> tenantOf(Notice notice) {
        if (notice instanceof ReminderNotice) {
            return Optional.of(((ReminderNotice) notice).tenant());
        }
        if (notice instanceof ReminderGroup) {
            return Optional.of(((ReminderGroup) notice).reminders().get(0).tenant());
        }
        return Optional.empty();
    }

    /** Where a message went: its channel and Discord's id of it. */
    private record Posted(String channel, String messageId) {
    }
}
