package planbot.web.feeds;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import planbot.access.CalendarFeeds;
import planbot.http.HttpRoutes;

/**
 * {@code GET /ical/<secret>.ics}: a calendar feed as iCalendar. The secret is the whole of the access check; an unknown
 * or revoked one is a bare 404 that says nothing of why. No secret is ever logged.
 *
 * <p>Thread-safe: handlers run on the server's threads. A failure reading the feed is logged and answered 503, with no
 * detail.
 */
public final class FeedsHttp {
    /** The route, as mounted (and as the HTTP latency metric names it). */
    public static final String ROUTE = CalendarFeeds.PATH + "{file}";
    private static final Logger LOG = LoggerFactory.getLogger(FeedsHttp.class);

    private final CalendarFeeds feeds;
    private final Clock clock;

    public FeedsHttp(CalendarFeeds feeds, Clock clock) {
        this.feeds = Objects.requireNonNull(feeds, "feeds");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void routes(HttpRoutes routes) {
        routes.get(ROUTE, this::feed);
    }

    private void feed(Context ctx) {
        String file = ctx.pathParam("file");
        Optional<CalendarFeeds.Feed> feed;
        try {
            feed = file.endsWith(CalendarFeeds.SUFFIX)
                    ? feeds.feed(file.substring(0, file.length() - CalendarFeeds.SUFFIX.length())) : Optional.empty();
        } catch (RuntimeException e) {
            LOG.error("calendar feed could not be read", e);
            ctx.status(503).contentType("text/plain; charset=utf-8").result("The calendar is not available just now.");
            return;
        }
        if (feed.isEmpty()) {
            ctx.status(404).contentType("text/plain; charset=utf-8").result("No calendar here.");
            return;
        }
        ctx.contentType(ICalendar.CONTENT_TYPE)
                .header("Cache-Control", "private, max-age=300")
                .result(ICalendar.write(feed.get(), clock.instant()));
    }
}
