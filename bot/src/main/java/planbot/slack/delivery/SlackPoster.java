package planbot.slack.delivery;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import planbot.delivery.SendResult;
import planbot.slack.render.SlackMessage;

/**
 * The Web API calls that put something in Slack, shared by the outbound side ({@link SlackMessenger}) and the
 * inbound side (replacing a reminder in place after a click): post, update, open a DM, upload a file. Each call
 * is made once, never retried here, and either returns Slack's answer or throws a {@link SlackFailure} that says
 * whether to try again ({@link SendResult.RetryLater}, with Slack's {@code Retry-After} when it gave one) or not
 * ({@link SendResult.Permanent}, with a reason an admin can act on).
 *
 * <p>Posts never ask Slack to {@code parse} or {@code link_names} (the SDK sends {@code link_names=0}), and never
 * unfurl: text is escaped by the renderer and stays inert. The bot token goes only in the {@code Authorization}
 * header of Web API calls, never to an upload URL, never into a reason or a log line.
 *
 * <p>Thread-safe (the SDK's client is); DM channel ids are cached per user for the life of the poster.
 */
public final class SlackPoster {
    /** A sensible limit for one call: well under the dispatcher's claim lease, well over Slack's usual answer. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final MethodsClient methods;
    private final HttpClient uploads;
    private final Duration timeout;
    private final Map<String, String> dms = new ConcurrentHashMap<>();

    /**
     * @param apiBaseUrl where the Web API is, ending in {@code /} ({@code SLACK_API_BASE_URL}, by default
     *                   {@code https://slack.com/api/}; a fake in tests)
     * @param botToken   the bot token ({@code xoxb-…})
     * @param timeout    the longest one call may take before it counts as a transient failure
     *                   ({@link #DEFAULT_TIMEOUT})
     */
    public SlackPoster(String apiBaseUrl, String botToken, Duration timeout) {
        Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
        Objects.requireNonNull(botToken, "botToken");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.methods = methods(apiBaseUrl, botToken, timeout);
        this.uploads = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /**
     * The SDK's Web API client for a bot token, each call limited to {@code timeout}: what every planbot call to Slack
     * goes through.
     */
    public static MethodsClient methods(String apiBaseUrl, String botToken, Duration timeout) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(apiBaseUrl.endsWith("/") ? apiBaseUrl : apiBaseUrl + "/");
        config.setHttpClientCallTimeoutMillis((int) timeout.toMillis());
        config.setHttpClientReadTimeoutMillis((int) timeout.toMillis());
        config.setPrettyResponseLoggingEnabled(false);
        // the SDK's call statistics resolve each token's team with an extra auth.test, and log the token's first
        // 16 chars at debug level while doing so: neither is wanted
        config.setStatsEnabled(false);
        return Slack.getInstance(config).methods(botToken);
    }

    /** The platform message id a post is stored under: {@code channel:ts} ({@code ts} is unique per channel only). */
    public static String messageId(String channel, String ts) {
        return channel + ":" + ts;
    }

    /** A user id ({@code U…}, {@code W…}) rather than a conversation id ({@code C…}, {@code G…}, {@code D…}). */
    public static boolean isUser(String address) {
        return address.startsWith("U") || address.startsWith("W");
    }

    /** Posts a message (in a thread when {@code threadTs} is not null); returns its {@code ts}. */
    public String post(String channel, SlackMessage message, String threadTs) throws SlackFailure {
        ChatPostMessageResponse r = call("chat.postMessage", () -> methods.chatPostMessage(b -> b.channel(channel)
                .text(message.text()).blocks(message.blocks()).threadTs(threadTs).unfurlLinks(false).unfurlMedia(false)));
        return r.getTs();
    }

    /** Replaces a message in place ({@code chat.update}), e.g. a reminder once it has been answered. */
    public void update(String channel, String ts, SlackMessage message) throws SlackFailure {
        call("chat.update", () -> methods.chatUpdate(b -> b.channel(channel).ts(ts).text(message.text())
                .blocks(message.blocks())));
    }

    /** The channel to post to for an address: a user's DM (opened once, then cached), else the address itself. */
    public String channelFor(String address) throws SlackFailure {
        if (!isUser(address)) {
            return address;
        }
        String cached = dms.get(address);
        if (cached != null) {
            return cached;
        }
        ConversationsOpenResponse r = call("conversations.open", () -> methods.conversationsOpen(b -> b.users(List.of(address))));
        dms.put(address, r.getChannel().getId());
        return r.getChannel().getId();
    }

    /**
     * Uploads a file into a channel (in a thread when {@code threadTs} is not null), the way Slack wants it now:
     * {@code files.getUploadURLExternal}, the bytes posted to the URL it gives, then
     * {@code files.completeUploadExternal}. Returns the file id.
     */
    public String upload(String channel, String threadTs, String filename, String title, byte[] bytes) throws SlackFailure {
        FilesGetUploadURLExternalResponse url = call("files.getUploadURLExternal",
                () -> methods.filesGetUploadURLExternal(b -> b.filename(filename).length(bytes.length)));
        HttpResponse<Void> posted;
        try {
            posted = uploads.send(HttpRequest.newBuilder(URI.create(url.getUploadUrl())).timeout(timeout)
                    .header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException ex) {
            throw new SlackFailure(new SendResult.RetryLater(null, "could not upload the file to Slack ("
                    + ex.getClass().getSimpleName() + ")"), "io");
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new SlackFailure(new SendResult.RetryLater(null, "the upload to Slack was interrupted"), "io");
        }
        if (posted.statusCode() != 200) {
            throw new SlackFailure(posted.statusCode() >= 500 || posted.statusCode() == 429
                    ? new SendResult.RetryLater(null, "Slack answered the file upload with HTTP " + posted.statusCode())
                    : new SendResult.Permanent("Slack refused the file upload (HTTP " + posted.statusCode() + ")"),
                    "http_" + posted.statusCode());
        }
        call("files.completeUploadExternal", () -> methods.filesCompleteUploadExternal(b -> b.channelId(channel)
                .threadTs(threadTs).files(List.of(FilesCompleteUploadExternalRequest.FileDetails.builder()
                        .id(url.getFileId()).title(title).build()))));
        return url.getFileId();
    }

    // ---- one call, judged

    /** A Web API call through the SDK. */
    @FunctionalInterface
    private interface Call<T extends SlackApiTextResponse> {
        T run() throws IOException, SlackApiException;
    }

    private static <T extends SlackApiTextResponse> T call(String method, Call<T> call) throws SlackFailure {
        T r;
        try {
            r = call.run();
        } catch (SlackApiException ex) {
            throw httpFailure(method, ex);
        } catch (IOException ex) {
            // the exception's text may hold the URL; its type ("SocketTimeoutException") says enough
            throw new SlackFailure(new SendResult.RetryLater(null, "could not reach Slack for " + method + " ("
                    + ex.getClass().getSimpleName() + ")"), "io");
        }
        if (r.isOk()) {
            return r;
        }
        throw answerFailure(method, r.getError() == null ? "unknown_error" : r.getError(), r.getNeeded());
    }

    private static SlackFailure httpFailure(String method, SlackApiException ex) {
        int status = ex.getResponse().code();
        if (status == 429) {
            return new SlackFailure(new SendResult.RetryLater(retryAfter(ex.getResponse().header("Retry-After")),
                    "Slack is rate limiting " + method + " (HTTP 429)"), "ratelimited");
        }
        if (status >= 500) {
            return new SlackFailure(new SendResult.RetryLater(null, "Slack answered " + method + " with HTTP " + status),
                    "http_" + status);
        }
        return new SlackFailure(new SendResult.Permanent("Slack refused " + method + " with HTTP " + status), "http_" + status);
    }

    /** Retry-After in whole seconds, or null when absent or unreadable (the dispatcher's backoff decides then). */
    public static Duration retryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.strip());
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    /** An {@code ok:false} answer: transient for Slack's own trouble, permanent for the rest, in words. */
    public static SlackFailure answerFailure(String method, String error, String needed) {
        switch (error) {
            case "ratelimited":
            case "internal_error":
            case "fatal_error":
            case "service_unavailable":
            case "request_timeout":
                return new SlackFailure(new SendResult.RetryLater(null, "Slack could not take " + method + " just now ("
                        + error + ")"), error);
            default:
                return new SlackFailure(new SendResult.Permanent(permanentReason(error, needed)), error);
        }
    }

    private static String permanentReason(String error, String needed) {
        switch (error) {
            case "channel_not_found":
                return "the Slack channel does not exist, or the bot cannot see it (channel_not_found): set the channel again"
                        + " with /plan channel";
            case "not_in_channel":
                return "the bot is not a member of the Slack channel (not_in_channel): invite it with /invite @planbot";
            case "is_archived":
                return "the Slack channel is archived (is_archived): unarchive it or set another channel";
            case "account_inactive":
                return "the Slack bot or user account is deactivated (account_inactive)";
            case "invalid_auth":
            case "not_authed":
                return "Slack does not accept the bot token (" + error + "): check SLACK_BOT_TOKEN";
            case "token_revoked":
            case "token_expired":
                return "the Slack bot token is no longer valid (" + error + "): reinstall the Slack app and update"
                        + " SLACK_BOT_TOKEN";
            case "missing_scope":
                return "the Slack app lacks a permission (missing_scope" + (needed == null ? "" : ": needs " + needed)
                        + "): add it and reinstall the app";
            case "user_not_found":
                return "the linked Slack user no longer exists (user_not_found): link the person again with /plan people link";
            case "msg_too_long":
                return "the message is too long for Slack (msg_too_long)";
            case "invalid_blocks":
            case "invalid_blocks_format":
                return "Slack refused the message's layout (" + error + ")";
            case "cannot_dm_bot":
                return "the linked Slack account is a bot, which cannot be sent a message (cannot_dm_bot)";
            default:
                return "Slack refused it (" + error + ")";
        }
    }
}
