package planbot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.conversations.ConversationsInfoResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import planbot.platform.Finding;

/**
 * Slack's part of the doctor ({@link SlackConnector#check}): {@code auth.test} says whether Slack takes the bot token,
 * and its {@code x-oauth-scopes} response header lists the scopes the token carries, compared with what planbot's
 * features use (as in {@code slack/manifest.yml}); {@code conversations.info} says whether the bot is a member of
 * each of the tenant's channels ({@code is_member}).
 *
 * <p>Thread-safe. Every Web API answer, refusal or failure to answer becomes a finding; the token never appears in
 * one.
 */
final class SlackSetupCheck {
    private static final String REINSTALL = "add the scope under OAuth & Permissions (slack/manifest.yml lists them all) "
            + "and reinstall the app to the workspace";
    /** Without these, reminders cannot reach anyone. */
    private static final Map<String, String> NEEDED = scopes(
            "chat:write", "post reminders, digests and replies",
            "im:write", "open a direct message with each person",
            "commands", "take /plan");
    /** Without these, a feature is missing but reminders still go out. */
    private static final Map<String, String> WANTED = scopes(
            "chat:write.public", "post to a public channel the bot was not invited to",
            "im:history", "read replies in a reminder's thread in a DM",
            "channels:history", "read replies in a reminder's thread in a channel",
            "groups:history", "read replies in a reminder's thread in a private channel",
            "users:read", "list the workspace's members, to link people in bulk",
            "users:read.email", "find people by email (admin add --email, people match)",
            "channels:read", "check that the bot is in the plan, manager and admin channels",
            "groups:read", "check that the bot is in those channels when they are private",
            "files:write", "attach the chart to the weekly digest");

    private final MethodsClient methods;

    SlackSetupCheck(SlackSettings settings) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiBaseUrl());
        config.setPrettyResponseLoggingEnabled(false);
        config.setStatsEnabled(false); // stats call auth.test behind our back and log the token's start
        config.setHttpClientCallTimeoutMillis(10_000);
        this.methods = Slack.getInstance(config).methods(settings.botToken());
    }

    List<Finding> check(Map<String, String> channels) {
        List<Finding> out = new ArrayList<>();
        AuthTestResponse auth;
        try {
            auth = methods.authTest(r -> r);
        } catch (IOException | SlackApiException e) {
            out.add(Finding.problem("slack token", "Slack did not answer auth.test (" + e.getClass().getSimpleName()
                    + "), so the bot token could not be checked.", "check SLACK_API_BASE_URL and the network, then run"
                    + " `./planbot doctor` again"));
            return out;
        }
        if (!auth.isOk()) {
            out.add(Finding.problem("slack token", "Slack does not accept SLACK_BOT_TOKEN (auth.test: " + auth.getError() + ").",
                    "copy the Bot User OAuth Token (xoxb-…) from the app's OAuth & Permissions page into SLACK_BOT_TOKEN"
                            + " and restart planbot"));
            return out;
        }
        out.add(Finding.ok("slack token", "Slack accepts the bot token: the bot is @" + auth.getUser() + " in workspace "
                + auth.getTeam() + " (" + auth.getTeamId() + ")."));
        out.addAll(scopeFindings(granted(auth.getHttpResponseHeaders())));
        channels.forEach((purpose, id) -> out.add(membership(purpose, id)));
        return out;
    }

    /** The scopes in {@code x-oauth-scopes} ("chat:write,commands"); the SDK keeps header names as Slack sent them. */
    static Set<String> granted(Map<String, List<String>> headers) {
        Set<String> scopes = new TreeSet<>();
        if (headers == null) {
            return scopes;
        }
        headers.forEach((name, values) -> {
            if (name != null && name.toLowerCase(Locale.ROOT).equals("x-oauth-scopes")) {
                values.forEach(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(scopes::add));
            }
        });
        return scopes;
    }

    private static List<Finding> scopeFindings(Set<String> granted) {
        List<Finding> out = new ArrayList<>();
        NEEDED.forEach((scope, why) -> {
            if (!granted.contains(scope)) {
                out.add(Finding.problem("slack scopes", "The Slack app lacks the " + scope + " scope, needed to " + why + ".",
                        REINSTALL));
            }
        });
        WANTED.forEach((scope, why) -> {
            if (!granted.contains(scope)) {
                out.add(Finding.warning("slack scopes", "The Slack app lacks the " + scope + " scope (optional), used to "
                        + why + ".", REINSTALL));
            }
        });
        if (out.isEmpty()) {
            out.add(Finding.ok("slack scopes", "The Slack app has every scope planbot uses."));
        }
        return out;
    }

    private Finding membership(String purpose, String channel) {
        String topic = purpose + " channel";
        ConversationsInfoResponse info;
        try {
            info = methods.conversationsInfo(r -> r.channel(channel));
        } catch (IOException | SlackApiException e) {
            return Finding.warning(topic, "Slack did not answer conversations.info (" + e.getClass().getSimpleName()
                    + "), so the bot's membership of the " + purpose + " channel (" + channel + ") is unknown.",
                    "run `./planbot doctor` again");
        }
        if (!info.isOk()) {
            switch (java.util.Objects.requireNonNullElse(info.getError(), "unknown_error")) {
                case "channel_not_found":
                    return Finding.problem(topic, "The " + purpose + " channel (" + channel + ") does not exist, or the bot cannot"
                            + " see it (a private channel it was not invited to).", "invite planbot with `/invite @planbot` in"
                            + " the channel, or set another with `/plan channel " + purpose + " #channel`");
                case "missing_scope":
                    return Finding.warning(topic, "The bot's membership of the " + purpose + " channel (" + channel
                            + ") cannot be checked: the app lacks the " + info.getNeeded() + " scope.", REINSTALL);
                default:
                    return Finding.warning(topic, "Slack would not say whether the bot is in the " + purpose + " channel ("
                            + channel + "): " + info.getError() + ".", "run `./planbot doctor` again");
            }
        }
        String name = info.getChannel().getName() == null ? channel : "#" + info.getChannel().getName();
        if (info.getChannel().isArchived()) {
            return Finding.problem(topic, "The " + purpose + " channel " + name + " is archived.",
                    "unarchive it, or set another with `/plan channel " + purpose + " #channel`");
        }
        if (!info.getChannel().isMember()) {
            return Finding.problem(topic, "The bot is not a member of the " + purpose + " channel " + name + ", so what goes"
                    + " there is refused.", "type `/invite @planbot` in " + name);
        }
        return Finding.ok(topic, "The " + purpose + " channel is " + name + ", and the bot is in it.");
    }

    private static Map<String, String> scopes(String... scopeAndWhy) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < scopeAndWhy.length; i += 2) {
            out.put(scopeAndWhy[i], scopeAndWhy[i + 1]);
        }
        return out;
    }
}
