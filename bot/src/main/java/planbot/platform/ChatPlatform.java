package planbot.platform;

import planbot.delivery.Messenger;
import planbot.domain.Source;
import planbot.http.HttpRoutes;

/**
 * One chat platform, as the composition root sees it. Built (not started) by the platform's own factory when its
 * settings are present; the app then calls, in order: {@link #routes} (before the app's HTTP server starts),
 * {@link #start()}, and at the end {@link #close()} (platforms are stopped before delivery and the database).
 *
 * <p>Implementations are thread-safe once started: {@link #messenger()} is called by the outbox dispatcher and
 * {@link #health()} by {@code GET /health} on server threads.
 */
public interface ChatPlatform extends AutoCloseable {

    /** Which platform this is: the audit trail's source and, lower-cased, the platform name in stored identities. */
    Source source();

    /** The platform name stored with identities, channels and workspaces ("slack", "console"). */
    default String name() {
        return source().word();
    }

    /** Mounts the platform's HTTP routes (its inbound webhook) on the app's server; none by default. */
    default void routes(HttpRoutes routes) {
    }

    /**
     * Connects to the platform (checking its credentials) and starts taking events.
     *
     * @return one line for the operator: what was started ("Slack over HTTP at /slack/events")
     * @throws PlatformStartException when it cannot start, with a sentence naming the setting to fix and no secret
     */
    String start() throws PlatformStartException;

    /** How the outbox posts to this platform. */
    Messenger messenger();

    /**
     * Typed text as the platform delivered it, with the platform's mention syntax turned into planbot's neutral form —
     * {@code <@ID>} or {@code <@ID|label>} for a person, {@code <#ID|name>} for a channel, {@code <!here>},
     * {@code <!channel>}, {@code <!everyone>} for a group — and its own escaping undone; the adapter calls this before
     * the text reaches the parser, which knows no other syntax.
     */
    String neutralMentions(String text);

    /** Who is in the platform's workspace, where the platform can say; empty by default. */
    default java.util.Optional<Directory> directory() {
        return java.util.Optional.empty();
    }

    /**
     * Checks planbot's set-up on the platform, for {@code ./planbot doctor}, {@code /plan doctor} and the welcome:
     * whether the platform accepts the credentials, whether they carry the permissions planbot's features need, and
     * whether the bot is a member of each of the tenant's channels. Works on a platform that is built but not started;
     * calls the platform, so it may take a few seconds. Never throws for what the platform answers: a refusal or no
     * answer is a finding. None by default (the console needs no set-up).
     *
     * @param channels the tenant's channels on this platform: purpose word ("plan", "manager", "admin") to channel id
     */
    default java.util.List<Finding> check(java.util.Map<String, String> channels) {
        return java.util.List.of();
    }

    /** Whether the platform is working now, for {@code GET /health}. */
    PlatformHealth health();

    /** Stops taking events and lets work in flight finish briefly. Safe to call when not started. */
    @Override
    void close();
}
