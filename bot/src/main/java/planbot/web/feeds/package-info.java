/**
 * Calendar feeds over HTTP: {@code GET /ical/<secret>.ics} ({@link planbot.web.feeds.FeedsHttp}) serves what
 * {@link planbot.access.CalendarFeeds} says a secret may see, written as iCalendar by {@code ICalendar}.
 */
package planbot.web.feeds;
