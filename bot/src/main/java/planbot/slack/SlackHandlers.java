package planbot.slack;

import com.slack.api.bolt.App;

/**
 * A group of Slack handlers (a slash command, buttons, events): each registers its listeners on the one Bolt
 * {@link App} that both the HTTP edge and Socket Mode drive, so a handler never knows which transport brought
 * its request. Registered once, before the app starts; the handlers themselves must be thread-safe.
 */
public interface SlackHandlers {

    /** Adds this group's listeners ({@code app.command}, {@code app.blockAction}, {@code app.event}, …). */
    void registerOn(App app);
}
