package planbot.web.feeds;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import planbot.access.CalendarFeeds;
import planbot.domain.PlanDate;

/**
 * A feed as iCalendar text (RFC 5545): one all-day VEVENT per task, CRLF line ends, TEXT values escaped and lines folded
 * at 75 octets (never inside a UTF-8 character). Stateless and thread-safe.
 *
 * <p>A day-precision target is that day (DTEND the next, as all-day events end). A month-precision target ("by December
 * 2016") spans the whole month, and its summary says "by December 2016": the tracker never named a day, and a calendar
 * user reads a month-long bar as "some time this month" where a made-up last day would read as a deadline nobody set.
 * VTODO would be the other choice, but Outlook and Google Calendar ignore to-dos in subscribed calendars.
 */
final class ICalendar {
    static final String CONTENT_TYPE = "text/calendar; charset=utf-8";
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int LINE_OCTETS = 75;

    private ICalendar() {
    }

    /** The whole calendar; {@code now} is every event's DTSTAMP (when this copy was made). */
    static String write(CalendarFeeds.Feed feed, Instant now) {
        StringBuilder out = new StringBuilder(256 + feed.entries().size() * 400);
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//planbot//calendar feed//EN");
        line(out, "CALSCALE:GREGORIAN");
        // no METHOD: that makes it an iTIP message (RFC 5546), whose PUBLISH wants an ORGANIZER a plan does not have
        line(out, "NAME:" + text(feed.title()));
        line(out, "X-WR-CALNAME:" + text(feed.title()));
        // how often a client should look again (RFC 7986; X-PUBLISHED-TTL is Outlook's older spelling)
        line(out, "REFRESH-INTERVAL;VALUE=DURATION:PT1H");
        line(out, "X-PUBLISHED-TTL:PT1H");
        String stamp = STAMP.format(now);
        for (CalendarFeeds.Entry e : feed.entries()) {
            PlanDate target = e.target();
            boolean month = target.precision() == PlanDate.Precision.MONTH;
            LocalDate start = month ? target.date().withDayOfMonth(1) : target.date();
            LocalDate end = month ? start.plusMonths(1) : start.plusDays(1);
            String summary = e.title().isEmpty() ? e.ref() : e.ref() + " — " + e.title();
            line(out, "BEGIN:VEVENT");
            // tenant and task id: a task keeps its entry across refreshes, renamed refs and moved dates included
            line(out, "UID:" + text("task-" + e.taskId() + "." + feed.tenant().slug() + "@planbot"));
            line(out, "DTSTAMP:" + stamp);
            line(out, "DTSTART;VALUE=DATE:" + DATE.format(start));
            line(out, "DTEND;VALUE=DATE:" + DATE.format(end));
            line(out, "SUMMARY:" + text(month ? summary + " (" + target.due() + ")" : summary));
            line(out, "DESCRIPTION:" + text("Target: " + target.due() + "\nStatus: " + e.status() + "\nOwner: " + e.owner()
                    + "\n" + e.link()));
            line(out, "URL:" + e.link());
            line(out, "TRANSP:TRANSPARENT");
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** A TEXT value escaped (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, line breaks as \n. */
    static String text(String value) {
        StringBuilder b = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\': b.append("\\\\"); break;
                case ';': b.append("\\;"); break;
                case ',': b.append("\\,"); break;
                case '\n': b.append("\\n"); break;
                case '\r': break;
                default:
                    // other control characters are not allowed in a TEXT value
                    if (c >= 0x20 && c != 0x7f || c == '\t') {
                        b.append(c);
                    }
            }
        }
        return b.toString();
    }

    /**
     * Appends a content line, folded (§3.1): at most 75 octets a line, continuation lines starting with one space, and
     * never splitting a UTF-8 character (or a surrogate pair) across lines.
     */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int i = 0;
        while (i < content.length()) {
            int cp = content.codePointAt(i);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; // its length in UTF-8
            if (octets + size > LINE_OCTETS) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
