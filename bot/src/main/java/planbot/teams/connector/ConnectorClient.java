package planbot.teams.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import planbot.delivery.SendResult;
import planbot.teams.TeamsSettings;
import planbot.teams.auth.AppTokens;

/**
 * The Bot Connector REST calls planbot makes: send an activity to a conversation, update one in place, create a
 * 1:1 conversation for a proactive message, read a member or all members of a team. Each call is made once (a 401
 * is retried once with a fresh token, as the token may have been revoked early), never otherwise retried here:
 * it returns the Connector's answer or throws a {@link TeamsFailure} that says whether to try again.
 *
 * <p>Only {@link ServiceUrls#trusted trusted} serviceUrls are called: any other is refused before a request is
 * made, so that the bearer token only ever goes to a Connector that sent planbot a verified activity. The
 * serviceUrl is joined as given (with or without its trailing slash, with its region path); conversation and user
 * ids are URL-encoded into the path. The token goes only into the {@code Authorization} header, never into a
 * reason or a log line.
 *
 * <p>Thread-safe.
 */
public final class ConnectorClient {
    /** The longest one call may take before it counts as a transient failure. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final int PAGE_SIZE = 500;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final String botId;
    private final ServiceUrls trusted;
    private final AppTokens tokens;
    private final HttpClient http;
    private final Clock clock;
    private final Duration timeout;

    /**
     * @param settings a bot's settings (its app id names the bot in new conversations)
     * @param trusted  the serviceUrls that may be called
     * @param tokens   the bot's outbound tokens
     * @param clock    reads {@code Retry-After} given as an HTTP date
     */
    public ConnectorClient(TeamsSettings settings, ServiceUrls trusted, AppTokens tokens, HttpClient http, Clock clock) {
        this(settings, trusted, tokens, http, clock, TIMEOUT);
    }

    ConnectorClient(TeamsSettings settings, ServiceUrls trusted, AppTokens tokens, HttpClient http, Clock clock,
                    Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.botId = "28:" + Objects.requireNonNull(settings, "settings").appId();
        this.trusted = Objects.requireNonNull(trusted, "trusted");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Posts an activity into a conversation (a thread when the id carries {@code ;messageid=}); returns the new
     * activity's id ("" in the unlikely case that Teams did not say).
     */
    public String send(ConversationRef to, ObjectNode activity) throws TeamsFailure {
        JsonNode r = call(to.serviceUrl(), "POST", "v3/conversations/" + enc(to.conversationId()) + "/activities", activity);
        return r.path("id").asText("");
    }

    /** Replaces an activity in place (a reminder card once answered). */
    public void update(ConversationRef to, String activityId, ObjectNode activity) throws TeamsFailure {
        call(to.serviceUrl(), "PUT", "v3/conversations/" + enc(to.conversationId()) + "/activities/" + enc(activityId), activity);
    }

    /**
     * Creates (or finds: the Connector answers the existing one) the 1:1 conversation between the bot and a user,
     * for a proactive message.
     *
     * @param userId the user's per-bot id ({@code 29:…})
     */
    public ConversationRef createPersonal(String serviceUrl, String entraTenantId, String userId) throws TeamsFailure {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("bot").put("id", botId);
        body.putArray("members").addObject().put("id", userId);
        body.put("isGroup", false);
        body.put("tenantId", entraTenantId);
        body.putObject("channelData").putObject("tenant").put("id", entraTenantId);
        JsonNode r = call(serviceUrl, "POST", "v3/conversations", body);
        String id = r.path("id").asText("");
        if (id.isEmpty()) {
            throw new TeamsFailure(new SendResult.RetryLater(null, "Teams created the chat but did not say its id"), 200, "no_id");
        }
        return new ConversationRef(serviceUrl, id);
    }

    /**
     * One member of a conversation, by their {@code 29:} id, Entra object id or email address; empty when the
     * conversation has no such member.
     */
    public Optional<TeamsMember> member(ConversationRef in, String userIdOrEmail) throws TeamsFailure {
        try {
            return Optional.of(member(call(in.serviceUrl(), "GET", "v3/conversations/" + enc(in.conversationId())
                    + "/members/" + enc(userIdOrEmail), null)));
        } catch (TeamsFailure ex) {
            if (ex.status() == 404 && ex.code().startsWith("MemberNotFound")) {
                return Optional.empty();
            }
            throw ex;
        }
    }

    /** Every member of a team or chat, all pages. */
    public List<TeamsMember> members(ConversationRef team) throws TeamsFailure {
        List<TeamsMember> out = new ArrayList<>();
        String continuation = null;
        do {
            String path = "v3/conversations/" + enc(team.conversationId()) + "/pagedmembers?pageSize=" + PAGE_SIZE
                    + (continuation == null ? "" : "&continuationToken=" + enc(continuation));
            JsonNode page = call(team.serviceUrl(), "GET", path, null);
            for (JsonNode m : page.path("members")) {
                out.add(member(m));
            }
            String next = page.path("continuationToken").asText("");
            // a token that does not move on would loop for ever
            continuation = next.isEmpty() || next.equals(continuation) ? null : next;
        } while (continuation != null);
        return out;
    }

    // ---- one call, judged

    private JsonNode call(String serviceUrl, String method, String path, JsonNode body) throws TeamsFailure {
        if (!trusted.trusted(serviceUrl)) {
            throw new TeamsFailure(new SendResult.Permanent("untrusted serviceUrl: planbot only calls the Teams service"
                    + " addresses that sent it a verified activity"), 0, "untrusted_service_url");
        }
        URI uri = URI.create((serviceUrl.endsWith("/") ? serviceUrl : serviceUrl + "/") + path);
        String token = tokens.token();
        HttpResponse<String> r = send(uri, method, body, token);
        if (r.statusCode() == 401) {
            tokens.invalidate(token);
            r = send(uri, method, body, tokens.token());
        }
        if (r.statusCode() / 100 == 2) {
            return parse(r.body());
        }
        throw failure(method, r);
    }

    private HttpResponse<String> send(URI uri, String method, JsonNode body, String token) throws TeamsFailure {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json; charset=utf-8")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException ex) {
            throw new TeamsFailure(new SendResult.RetryLater(null, "Teams did not answer within " + timeout.toSeconds()
                    + " s"), 0, "timeout");
        } catch (IOException ex) {
            // the exception's text may hold the URL; its type says enough
            throw new TeamsFailure(new SendResult.RetryLater(null, "could not reach Teams ("
                    + ex.getClass().getSimpleName() + ")"), 0, "io");
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new TeamsFailure(new SendResult.RetryLater(null, "the call to Teams was interrupted"), 0, "io");
        }
    }

    private TeamsFailure failure(String method, HttpResponse<String> r) {
        int status = r.statusCode();
        String raw = parse(r.body()).path("error").path("code").asText("");
        String code = CODE.matcher(raw).matches() ? raw : "http_" + status;
        String what = "(HTTP " + status + (code.startsWith("http_") ? "" : ", " + code) + ")";
        if (status == 429) {
            return new TeamsFailure(new SendResult.RetryLater(retryAfter(r.headers().firstValue("Retry-After").orElse(null)),
                    "Teams is rate limiting the bot " + what), status, code);
        }
        if (status >= 500) {
            return new TeamsFailure(new SendResult.RetryLater(null, "Teams could not take it just now " + what), status, code);
        }
        return new TeamsFailure(new SendResult.Permanent(permanentReason(status, code, what)), status, code);
    }

    private static String permanentReason(int status, String code, String what) {
        if ("ConversationBlockedByUser".equals(code)) {
            return "the person has blocked the planbot app in Teams " + what + ": they can unblock it in the chat with planbot";
        }
        if (status == 403) {
            return "the planbot app is not installed for this person (or in this team) in Teams " + what
                    + ": install it for them from the Teams admin centre, or in the team";
        }
        if (status == 404) {
            return "the Teams conversation no longer exists " + what + ": the app was removed or the chat deleted;"
                    + " planbot learns the conversation again when the app is installed";
        }
        if (status == 401) {
            return "Teams does not accept planbot's token " + what + ": check " + TeamsSettings.APP_ID + ", "
                    + TeamsSettings.APP_PASSWORD + " and " + TeamsSettings.TENANT_ID;
        }
        if (status == 413 || "MessageSizeTooBig".equals(code)) {
            return "the message is too large for Teams " + what;
        }
        return "Teams refused it " + what;
    }

    /** Retry-After as seconds or an HTTP date; null when absent or unreadable (the dispatcher's backoff decides). */
    Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.strip());
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(clock.instant(),
                        ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException ex) {
                return null;
            }
        }
    }

    private static TeamsMember member(JsonNode m) {
        return new TeamsMember(m.path("id").asText(), text(m, "aadObjectId"), m.path("name").asText(""),
                text(m, "email"), text(m, "userPrincipalName"));
    }

    private static String text(JsonNode n, String field) {
        return n.path(field).isTextual() ? n.get(field).asText() : null;
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode n = body == null || body.isBlank() ? null : JSON.readTree(body);
            return n == null ? JSON.createObjectNode() : n;
        } catch (IOException ex) {
            return JSON.createObjectNode();
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
