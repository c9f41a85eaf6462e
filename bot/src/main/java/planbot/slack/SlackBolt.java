package planbot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import java.util.List;

/**
 * Builds the Bolt {@link App} for a single workspace's bot token, with every {@link SlackHandlers} group
 * registered, and its Web API client pointed at {@link SlackSettings#apiBaseUrl()} (a fake in tests).
 *
 * <p>Bolt's own signature check is switched off: {@link SlackHttp} has already verified each HTTP request, in
 * constant time and in both clock directions, before Bolt sees it; Socket Mode requests are not signed.
 */
public final class SlackBolt {
    private SlackBolt() {
    }

    /** A new, not yet started Bolt app (starting it calls {@code auth.test} with the bot token). */
    public static App create(SlackSettings settings, List<SlackHandlers> handlers) {
        SlackConfig client = new SlackConfig(); // the default config is immutable: always a new one
        client.setMethodsEndpointUrlPrefix(settings.apiBaseUrl());
        client.setPrettyResponseLoggingEnabled(false);
        // no SDK metrics: they call auth.test for every token, the app-level one too, behind our back
        client.setStatsEnabled(false);
        AppConfig config = AppConfig.builder()
                .singleTeamBotToken(settings.botToken())
                .signingSecret(settings.signingSecret())
                .slack(Slack.getInstance(client))
                .requestVerificationEnabled(false)
                // an event no handler takes is acknowledged and dropped: a 404 would make Slack retry it, and count
                // towards turning the subscription off
                .allEventsApiAutoAckEnabled(true)
                // auth.test once an hour rather than every 10 minutes: the token of a single workspace rarely changes
                .authTestCacheEnabled(true)
                .authTestCacheExpirationMillis(3_600_000L)
                .build();
        App app = new App(config);
        for (SlackHandlers group : handlers) {
            group.registerOn(app);
        }
        return app;
    }
}
