package planbot.discord.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Judges Discord's error answers into {@link DiscordFailure}s: what may succeed later and what never will, each with
 * a sentence an admin can act on. Pure; thread-safe.
 */
final class DiscordErrors {
    /** How much of Discord's own explanation of a 400 goes into a reason. */
    private static final int MAX_DETAIL = 300;

    private DiscordErrors() {
    }

    /**
     * @param status  the HTTP status (not 2xx)
     * @param body    the JSON answer ({@code {"code":…, "message":…, "errors":…}} or a 429's
     *                {@code {"retry_after":…, "global":…}}), or null when there was none
     * @param headers the response headers
     */
    static DiscordFailure judge(int status, JsonNode body, Map<String, List<String>> headers) {
        int code = body == null ? 0 : body.path("code").asInt(0);
        if (status == 429) {
            boolean global = body != null && body.path("global").asBoolean(false)
                    || "true".equalsIgnoreCase(header(headers, "x-ratelimit-global"));
            return DiscordFailure.retryLater(status, code, retryAfter(body, headers),
                    global ? "Discord's global rate limit for the bot was reached" : "Discord rate-limited the bot on this route");
        }
        if (status >= 500 || status == 408) {
            return DiscordFailure.retryLater(status, code, null, "Discord answered HTTP " + status + " (a problem on its side: worth trying again later)");
        }
        return DiscordFailure.permanent(status, code, permanentReason(status, code, body));
    }

    private static String permanentReason(int status, int code, JsonNode body) {
        switch (code) {
            case DiscordFailure.MISSING_ACCESS:
                return "Discord: the bot cannot see that channel (50001 Missing Access): add the bot to the channel, or"
                        + " give its role View Channel there";
            case DiscordFailure.MISSING_PERMISSIONS:
                return "Discord: the bot lacks a permission in that channel (50013 Missing Permissions): give its role"
                        + " Send Messages, Embed Links and Attach Files there";
            case DiscordFailure.CANNOT_DM_USER:
                return "Discord will not deliver a direct message to that user (50007): they share no server with the"
                        + " bot or have turned off direct messages from server members";
            case DiscordFailure.UNKNOWN_CHANNEL:
                return "Discord: that channel no longer exists (10003 Unknown Channel): choose another channel for it";
            case DiscordFailure.UNKNOWN_USER:
                return "Discord: no such user (10013 Unknown User): check the person's linked Discord account";
            case DiscordFailure.UNKNOWN_MESSAGE:
                return "Discord: that message no longer exists (10008 Unknown Message)";
            case DiscordFailure.UNKNOWN_INTERACTION:
                return "Discord: the interaction has expired (10062 Unknown Interaction)";
            case DiscordFailure.INVALID_WEBHOOK_TOKEN:
                return "Discord: the interaction's token has expired (50027): an answer must follow within 15 minutes";
            case DiscordFailure.INVALID_FORM_BODY:
                return "Discord refused the message as malformed (50035 Invalid Form Body): " + detail(body);
            default:
                break;
        }
        if (status == 401) {
            return "Discord refused the bot token (401 Unauthorized): DISCORD_TOKEN is wrong or was reset; copy the"
                    + " bot token again from the Developer Portal's Bot page";
        }
        if (status == 403) {
            return "Discord refused the bot (403" + codeText(code) + "): check the bot's permissions in that server";
        }
        if (status == 404) {
            return "Discord: not found (404" + codeText(code) + ")";
        }
        return "Discord refused the request (HTTP " + status + codeText(code) + "): " + detail(body);
    }

    /** Seconds as a float in the body ({@code retry_after}) or whole seconds in {@code Retry-After}; null if neither. */
    private static Duration retryAfter(JsonNode body, Map<String, List<String>> headers) {
        double seconds = -1;
        if (body != null && body.path("retry_after").isNumber()) {
            seconds = body.path("retry_after").asDouble();
        } else {
            String header = header(headers, "retry-after");
            if (header != null) {
                try {
                    seconds = Double.parseDouble(header.strip());
                } catch (NumberFormatException e) {
                    seconds = -1;
                }
            }
        }
        if (seconds < 0 || Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            return null;
        }
        return Duration.ofMillis((long) Math.ceil(seconds * 1000));
    }

    /** Discord's message and the first field it objects to ({@code embeds.0.description: Must be 4096 or fewer…}). */
    private static String detail(JsonNode body) {
        if (body == null) {
            return "no explanation given";
        }
        String message = body.path("message").asText("no explanation given");
        String field = firstFieldError(body.path("errors"), "");
        String detail = field == null ? message : message + ", " + field;
        return detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL) + "…";
    }

    /** Walks Discord's nested {@code errors} object down to the first {@code _errors} list. */
    private static String firstFieldError(JsonNode errors, String at) {
        if (!errors.isObject()) {
            return null;
        }
        JsonNode own = errors.path("_errors");
        if (own.isArray() && own.size() > 0) {
            return (at.isEmpty() ? "" : at + ": ") + own.get(0).path("message").asText("invalid");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = errors.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String found = firstFieldError(f.getValue(), at.isEmpty() ? f.getKey() : at + "." + f.getKey());
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String codeText(int code) {
        return code == 0 ? "" : ", code " + code;
    }

    private static String header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            if (h.getKey() != null && h.getKey().toLowerCase(Locale.ROOT).equals(name) && !h.getValue().isEmpty()) {
                return h.getValue().get(0);
            }
        }
        return null;
    }
}
