package planbot.web.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.access.CalendarFeeds;
import planbot.domain.Action;
import planbot.domain.AuditEvent;
import planbot.domain.Plan;
import planbot.domain.PlanDate;
import planbot.domain.Section;
import planbot.domain.Source;
import planbot.domain.Status;
import planbot.domain.Task;
import planbot.domain.UserFixableException;
import planbot.reply.Failure;
import planbot.reply.LinkReply;
import planbot.reply.Reply;
import planbot.storage.CalendarFeed;
import planbot.testing.PlanEdits;
import planbot.testing.TestBot;

/**
 * Calendar feeds end to end: a URL handed out (CLI's use case or {@code /plan calendar}), fetched over real HTTP from the
 * app's server, and read by a real iCalendar parser (ical4j), which must find exactly the open, dated tasks.
 */
class CalendarFeedsTest {
    private static final String LONG_TITLE = "Review the enforcement policy; agree it, with legal, \\ planning & the committee"
            + " — then publish it on the website (ça coûte 5€) ✓ and tell every parish council about it";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    private static Task task(String ref, String description, String status, PlanDate target, String owner) {
        return new Task(ref, description, status == null ? null : Status.of(status), null, null, target, null, owner, null);
    }

    private static PlanDate day(int y, int m, int d) {
        return PlanDate.of(LocalDate.of(y, m, d));
    }

    /** "December 2023": the month's last day, month precision, as the tracker reader stores it. */
    private static PlanDate month(int y, int m) {
        LocalDate last = LocalDate.of(y, m, 1).plusMonths(1).minusDays(1);
        return new PlanDate(PlanDate.Kind.DATE, last, PlanDate.Precision.MONTH, null, null);
    }

    private static Plan plan(String name, List<Task> tasks) {
        return new Plan(name, PlanEdits.samplePlan().layout(), List.of(new Section("ENFORCEMENT",
                List.of(new Action("EN003", null, "Enforce", null, null, null, tasks)))));
    }

    /** South: two open dated tasks of Sam's (one to the day, one to the month), one of Ada's, and five left out. */
    private static TestBot bot(Path dir) {
        return TestBot.start(dir)
                .importPlan(plan("south", List.of(
                        task("EN003/01", LONG_TITLE, "In progress", day(2023, 5, 31), "Sam Jones"),
                        task("EN003/02", "Train officers", "Not started", month(2023, 12), "Sam Jones"),
                        task("EN003/03", "Waiting on the website", "Not started", PlanDate.tbc(null, null), "Sam Jones"),
                        task("EN003/04", "Done already", "Completed", day(2023, 4, 1), "Sam Jones"),
                        task("EN003/05", "No longer needed", "Closed - no longer required", day(2023, 6, 1), "Sam Jones"),
                        task("EN003/06", "Not applicable", "On target",
                                new PlanDate(PlanDate.Kind.NOT_APPLICABLE, null, PlanDate.Precision.DAY, null, null), "Ada Lee"),
                        task("EN003/07", "Audit the register", null, day(2023, 7, 14), "Ada Lee"),
                        task("EN003/08", "No date at all", "On target", null, "Ada Lee"))))
                .importPlan(plan("north", List.of(
                        task("EN003/01", "North's own task", "At risk", day(2023, 6, 30), "Sam Jones"))));
    }

    private HttpResponse<String> get(URI url) throws Exception {
        return http.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The feed's events by SUMMARY, each as its DTSTART, DTEND and UID, after checking the calendar parses and is valid. */
    private static Map<String, List<String>> events(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (VEvent e : calendar.<VEvent>getComponents("VEVENT")) {
            out.put(value(e, Property.SUMMARY), List.of(value(e, Property.DTSTART), value(e, Property.DTEND), value(e, Property.UID)));
        }
        return out;
    }

    private static String value(VEvent e, String property) {
        return e.getProperty(property).map(Property::getValue).orElse(null);
    }

    @Test
    void givenAPlansFeed_whenFetched_thenAParserFindsExactlyItsOpenDatedTasks_aMonthTargetSpanningItsMonth() throws Exception {
        try (TestBot bot = bot(dir)) {
            bot.app().startPlatforms(List.of(), 0);
            // WHEN a URL for the plan south is handed out and fetched
            CalendarFeeds.Issued issued = bot.app().calendars().issue(TestBot.TENANT, CalendarFeed.Kind.PLAN, "South", "cli",
                    Source.CLI);
            assertThat(issued.url().toString()).matches("http://localhost:" + bot.app().httpPort()
                    + "/ical/[A-Za-z0-9_-]{43}\\.ics");
            HttpResponse<String> r = get(issued.url());
            // THEN it is iCalendar, and holds south's three open dated tasks, and nothing of north's
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("text/calendar; charset=utf-8");
            long sam1 = bot.app().tasks().find(bot.tenant(), planbot.storage.TaskQuery.all()).stream()
                    .filter(t -> t.planName().equals("south") && t.ref().equals("EN003/01")).findFirst().orElseThrow().id();
            Map<String, List<String>> events = events(r.body());
            assertThat(events).containsOnlyKeys("EN003/01 — " + LONG_TITLE.substring(0, 119).strip() + "…",
                    "EN003/02 — Train officers (by December 2023)", "EN003/07 — Audit the register");
            // AND a day target is that day, all day; a month target spans its month, not a made-up day
            assertThat(events.get("EN003/01 — " + LONG_TITLE.substring(0, 119).strip() + "…"))
                    .containsExactly("20230531", "20230601", "task-" + sam1 + "." + TestBot.TENANT + "@planbot");
            assertThat(events.get("EN003/02 — Train officers (by December 2023)").subList(0, 2))
                    .containsExactly("20231201", "20240101");
            // AND the description says status, owner and the task's page; the text came back unescaped
            Calendar calendar = new CalendarBuilder().build(new StringReader(r.body()));
            VEvent first = calendar.<VEvent>getComponents("VEVENT").get(0);
            assertThat(value(first, Property.DESCRIPTION)).isEqualTo("Target: 31/05/2023\nStatus: In progress\nOwner: Sam Jones\n"
                    + "http://localhost:" + bot.app().httpPort() + "/tasks/EN003%2F01%20in%20south");
            // AND every line is at most 75 octets, ending in CRLF
            for (String line : r.body().split("\r\n")) {
                assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
                assertThat(line).doesNotContain("\n");
            }
            // AND the UIDs stay the same on the next fetch, so a calendar updates rather than duplicates
            assertThat(events(get(issued.url()).body())).isEqualTo(events);
        }
    }

    @Test
    void givenAPersonsFeed_thenItHoldsTheirOpenDatedTasksOfEveryPlan() throws Exception {
        try (TestBot bot = bot(dir)) {
            bot.app().startPlatforms(List.of(), 0);
            CalendarFeeds.Issued issued = bot.app().calendars().issue(TestBot.TENANT, CalendarFeed.Kind.PERSON, "sam jones",
                    "cli", Source.CLI);
            assertThat(events(get(issued.url()).body()).keySet()).containsExactlyInAnyOrder(
                    "EN003/01 — " + LONG_TITLE.substring(0, 119).strip() + "…", "EN003/02 — Train officers (by December 2023)",
                    "EN003/01 — North's own task");
        }
    }

    @Test
    void givenARevokedOrUnknownSecret_thenTheAnswerIsA404ThatSaysNothing() throws Exception {
        try (TestBot bot = bot(dir)) {
            bot.app().startPlatforms(List.of(), 0);
            CalendarFeeds.Issued issued = bot.app().calendars().issue(TestBot.TENANT, CalendarFeed.Kind.PLAN, "south", "cli",
                    Source.CLI);
            assertThat(get(issued.url()).statusCode()).isEqualTo(200);
            // WHEN it is revoked by its handle
            bot.app().calendars().revoke(TestBot.TENANT, issued.handle(), "cli", Source.CLI);
            // THEN its URL is a bare 404, like a secret never handed out, or one without .ics
            HttpResponse<String> revoked = get(issued.url());
            assertThat(revoked.statusCode()).isEqualTo(404);
            assertThat(revoked.body()).isEqualTo("No calendar here.");
            String port = "http://localhost:" + bot.app().httpPort();
            assertThat(get(URI.create(port + "/ical/" + "A".repeat(43) + ".ics")).body()).isEqualTo(revoked.body());
            assertThat(get(URI.create(port + issued.url().getPath().replace(".ics", ""))).statusCode()).isEqualTo(404);
            // AND handing out and revoking are audited; the secret is in neither
            List<AuditEvent> audit = bot.audit(issued.handle());
            assertThat(audit).extracting(AuditEvent::change).containsExactly("revoked", "issued");
            assertThat(audit).allSatisfy(e -> assertThat(e.source()).isEqualTo(Source.CLI));
            String secret = issued.url().getPath().substring("/ical/".length()).replace(".ics", "");
            assertThat(bot.dump().toString()).doesNotContain(secret);
            // AND revoking it again, or a handle that does not exist, is one sentence
            assertThatThrownBy(() -> bot.app().calendars().revoke(TestBot.TENANT, issued.handle(), "cli", Source.CLI))
                    .isInstanceOf(UserFixableException.class).hasMessageContaining("no calendar link " + issued.handle());
            assertThatThrownBy(() -> bot.app().calendars().issue(TestBot.TENANT, CalendarFeed.Kind.PLAN, "west", "cli", Source.CLI))
                    .isInstanceOf(UserFixableException.class).hasMessage("There is no plan 'west' here: the plans are north, south.");
        }
    }

    @Test
    void givenPlanCalendarInChat_thenThePersonGetsTheirOwnUrlPrivately_andAskingAgainStopsTheOldOne() throws Exception {
        try (TestBot bot = bot(dir)) {
            bot.app().startPlatforms(List.of(), 0);
            // WHEN Sam asks in chat
            Reply first = bot.source(Source.SLACK).send("Sam Jones", "calendar");
            // THEN the answer is for Sam alone, and its URL is Sam's feed
            assertThat(first).isInstanceOf(LinkReply.class);
            assertThat(first.visibleToChannel()).isFalse();
            URI url = ((LinkReply) first).url();
            assertThat(events(get(url).body())).hasSize(3);
            assertThat(bot.dump().get("calendar_feed")).singleElement()
                    .satisfies(row -> assertThat(row).containsEntry("kind", "person").containsEntry("name", "Sam Jones"));
            // WHEN Sam asks again THEN the new URL works and the old one does not
            URI second = ((LinkReply) bot.send("Sam Jones", "calendar")).url();
            assertThat(get(second).statusCode()).isEqualTo(200);
            assertThat(get(url).statusCode()).isEqualTo(404);
            // AND a guest gets one sentence and nothing is stored
            Reply guest = bot.sendAsGuest("Visitor", "calendar");
            assertThat(guest).isInstanceOf(Failure.class);
            assertThat(((Failure) guest).message()).startsWith("Your chat account isn't linked to a person of the plan");
            assertThat(bot.dump().get("calendar_feed")).hasSize(2);
        }
    }

    @Test
    void givenTextWithSpecialCharacters_thenItIsEscapedAndFoldedWithoutSplittingACharacter() {
        StringBuilder out = new StringBuilder();
        String text = ICalendar.text("a,b;c\\d\ne\r" + "é".repeat(80));
        ICalendar.line(out, "SUMMARY:" + text);
        assertThat(text).startsWith("a\\,b\\;c\\\\d\\ne");
        String[] lines = out.toString().split("\r\n");
        assertThat(lines.length).isGreaterThan(2);
        for (int i = 0; i < lines.length; i++) {
            assertThat(lines[i].getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
            assertThat(lines[i].startsWith(" ")).isEqualTo(i > 0);
            assertThat(lines[i]).doesNotContain("\uFFFD");
        }
        // unfolding (dropping each CRLF and the space after it) gives the line back
        assertThat(out.toString().replace("\r\n ", "")).isEqualTo("SUMMARY:" + text + "\r\n");
    }
}
