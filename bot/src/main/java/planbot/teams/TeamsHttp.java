package planbot.teams;

import io.javalin.http.Context;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import planbot.teams.auth.ConnectorAuth;
import planbot.teams.auth.NotAuthorized;
import planbot.teams.auth.VerifiedToken;
import planbot.teams.connector.ServiceUrls;

/**
 * The Bot Framework messaging endpoint, {@code POST /api/messages}, mounted on the app's server by
 * {@link TeamsPlatform}.
 *
 * <p>Each request goes: size cap (413) → the bearer token verified before the body is read
 * ({@link ConnectorAuth#verify(String, String)}: signature, issuer, audience, time, endorsement for msteams; 401, no
 * effect; the log says only the short reason, never the token) → the body read strictly into an {@link Activity} (400)
 * → the activity's channel and {@code serviceUrl} compared with the token's (401) → the activity's {@code serviceUrl} trusted for replies → the work handed to a bounded executor, and the
 * request answered at once: 200 with an empty body, or for an {@code adaptiveCard/action} invoke the invoke
 * response Teams waits for ({@code {"statusCode":200,…}}); any other invoke gets 200 and an empty body, never a
 * 5xx. The database is never touched on the request's thread, so a stalled database cannot delay the answer.
 * When the executor is full, {@code busy} is told instead (on its own thread).
 *
 * <p>Thread-safe: Jetty calls {@link #messages} on many threads at once.
 */
final class TeamsHttp {
    static final String PATH = "/api/messages";
    static final String CARD_ACTION = "adaptiveCard/action";
    private static final Logger LOG = LoggerFactory.getLogger(TeamsHttp.class);
    private static final String INVOKE_ANSWER = "{\"statusCode\":200,\"type\":\"application/vnd.microsoft.activity.message\","
            + "\"value\":\"Working on it.\"}";
    private static final String INVOKE_BUSY = "{\"statusCode\":200,\"type\":\"application/vnd.microsoft.activity.message\","
            + "\"value\":\"planbot is busy right now: please try again in a minute.\"}";

    private final ConnectorAuth auth;
    private final ServiceUrls serviceUrls;
    private final Executor work;
    private final Consumer<Activity> handler;
    private final Consumer<Activity> busy;

    /**
     * @param work    where activities are handled (bounded: a full queue is refused, not grown)
     * @param handler handles one verified activity; runs on {@code work}
     * @param busy    tells the sender planbot is busy, when {@code work} refused the activity; must not block
     */
    TeamsHttp(ConnectorAuth auth, ServiceUrls serviceUrls, Executor work, Consumer<Activity> handler, Consumer<Activity> busy) {
        this.auth = Objects.requireNonNull(auth, "auth");
        this.serviceUrls = Objects.requireNonNull(serviceUrls, "serviceUrls");
        this.work = Objects.requireNonNull(work, "work");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.busy = Objects.requireNonNull(busy, "busy");
    }

    void messages(Context ctx) {
        if (planbot.http.AppServer.refusedAsTooLarge(ctx)) {
            return;
        }
        String authorization = ctx.header("Authorization");
        if (authorization == null || authorization.isBlank()) {
            LOG.warn("rejected: no Authorization header");
            ctx.status(401).result("");
            return;
        }
        VerifiedToken token;
        try {
            // Teams' keys are endorsed for the msteams channel; an activity claiming another channel is refused below
            token = auth.verify(authorization, ConnectorAuth.TEAMS_CHANNEL);
        } catch (NotAuthorized e) {
            LOG.warn("rejected: {}", e.getMessage());
            ctx.status(401).result("");
            return;
        }
        Activity activity;
        try {
            activity = Activity.parse(ctx.bodyAsBytes());
        } catch (Activity.Malformed e) {
            LOG.warn("refused an activity: {}", e.getMessage());
            ctx.status(400).result("");
            return;
        }
        try {
            if (!ConnectorAuth.TEAMS_CHANNEL.equals(activity.channelId())) {
                throw new NotAuthorized("the activity is not from the msteams channel its token was checked for");
            }
            auth.checkServiceUrl(token, activity.serviceUrl());
        } catch (NotAuthorized e) {
            LOG.warn("rejected: {}", e.getMessage());
            ctx.status(401).result("");
            return;
        }
        serviceUrls.trust(activity.serviceUrl());
        boolean cardAction = activity.is("invoke") && CARD_ACTION.equals(activity.name());
        if (activity.is("invoke") && !cardAction) {
            ctx.status(200).result(""); // an invoke planbot has nothing to do with
            return;
        }
        boolean taken;
        try {
            work.execute(() -> handler.accept(activity));
            taken = true;
        } catch (RejectedExecutionException e) {
            LOG.warn("Teams activity refused: the executor is full");
            taken = false;
            if (!cardAction) {
                busy.accept(activity);
            }
        }
        if (cardAction) {
            ctx.status(200).contentType("application/json").result(taken ? INVOKE_ANSWER : INVOKE_BUSY);
        } else {
            ctx.status(200).result("");
        }
    }
}
