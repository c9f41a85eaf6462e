package planbot.http;

import io.javalin.http.Handler;

/**
 * Where a platform (or the web) mounts its routes on the app's server. Routes are mounted before the server starts;
 * a handler is called on many server threads at once and must be thread-safe. Bodies over
 * {@link AppServer#MAX_BODY_BYTES} never reach a handler whole: check {@code ctx.contentLength()} first
 * ({@link AppServer#refusedAsTooLarge}).
 */
public interface HttpRoutes {

    void post(String path, Handler handler);

    void get(String path, Handler handler);

    /**
     * Answers every request under {@code pathPrefix} (any method) that no route answers: an API's own 404 and 405.
     * Fallbacks come after every route whatever the order of mounting, so a platform's route under the same prefix
     * ({@code POST /api/messages}) still wins.
     */
    void fallback(String pathPrefix, Handler handler);
}
