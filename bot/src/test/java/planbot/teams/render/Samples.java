package planbot.teams.render;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import planbot.delivery.Button;
import planbot.delivery.DigestNotice;
import planbot.delivery.ReminderGroup;
import planbot.delivery.ReminderNotice;
import planbot.domain.PlanDate;
import planbot.domain.Rag;
import planbot.domain.Status;
import planbot.reply.TaskView;
import planbot.scheduler.digest.Digest;
import planbot.scheduler.digest.DigestChart;
import planbot.scheduler.digest.DigestScope;
import planbot.scheduler.reminder.ReminderKind;

/** Notices and replies as the core hands them to the Teams renderers, with the plan's worst texts where asked. */
final class Samples {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** Everything that could mention, ping or link in Teams, typed into a task. */
    static final String HOSTILE = "<at>Sam</at> @General @channel @everyone [click](https://evil.example) **loud** & <b>x</b>";

    private Samples() {
    }

    static ReminderNotice reminder(long outboxId, long taskId, ReminderKind kind, String ref, String description, String owner) {
        return new ReminderNotice(outboxId, "rem:1:" + taskId + ":" + kind.name() + ":2023-05-15", kind, ref, description,
                "ENFORCEMENT 003", PlanDate.of(LocalDate.of(2023, 5, 1)), LocalDate.of(2023, 5, 1),
                kind.type() == ReminderKind.Type.BEFORE || kind == ReminderKind.DUE_TODAY ? 0 : 14, owner, owner, "Patsy Dell",
                LocalDate.of(2023, 3, 1), Button.forReminder(7), "test-council", taskId);
    }

    static ReminderNotice overdue(String description, String owner) {
        return reminder(17, 42, ReminderKind.OVERDUE, "EN003/01", description, owner);
    }

    /** {@code n} reminders for HoP at once, each about its own task. */
    static ReminderGroup group(int n, String description) {
        List<ReminderNotice> list = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            list.add(reminder(1000 + i, 5000 + i, i % 3 == 0 ? ReminderKind.DUE_TODAY : ReminderKind.OVERDUE,
                    String.format("EN%03d/%02d", i, i % 100), description, "HoP"));
        }
        return ReminderGroup.of(list);
    }

    static Digest.Item item(int n, String owner, String description) {
        return new Digest.Item("Plan", "SECTION " + (n % 6), "EN001", String.format("EN001/%03d", n), description, owner,
                Status.of("On target"), PlanDate.of(LocalDate.of(2023, 5, 1)));
    }

    /** A digest with this many tasks in each list, spread over six sections so that its chart has bars. */
    static Digest digest(int overdue, int dueSoon, int completed, int slipped, String description) {
        ZonedDateTime to = ZonedDateTime.of(2023, 5, 15, 9, 0, 0, 0, LONDON);
        List<Digest.Overdue> o = new ArrayList<>();
        List<Digest.Due> d = new ArrayList<>();
        List<Digest.Done> c = new ArrayList<>();
        List<Digest.Slip> s = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < overdue; i++) {
            o.add(new Digest.Overdue(item(++n, "Owner " + (n % 7), description), 1 + i % 30));
        }
        for (int i = 0; i < dueSoon; i++) {
            d.add(new Digest.Due(item(++n, "Owner " + (n % 7), description), i % 14));
        }
        for (int i = 0; i < completed; i++) {
            c.add(new Digest.Done(item(++n, null, description), Instant.parse("2023-05-12T10:00:00Z")));
        }
        for (int i = 0; i < slipped; i++) {
            s.add(new Digest.Slip(item(++n, HOSTILE, description), PlanDate.of(LocalDate.of(2023, 4, 1)),
                    PlanDate.of(LocalDate.of(2023, 6, 1)), 1, 3, Instant.parse("2023-05-12T10:00:00Z")));
        }
        int total = overdue + dueSoon + completed + slipped;
        List<Digest.SectionCounts> sections = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sections.add(new Digest.SectionCounts("Plan", "SECTION " + i + " " + "PLANNING ENFORCEMENT",
                    new Digest.Counts(total / 6, Map.of(Rag.RED, overdue / 6, Rag.GREEN, (dueSoon + slipped) / 6, Rag.BLUE,
                            completed / 6), Map.of("On target", total / 6))));
        }
        Digest.Counts counts = new Digest.Counts(total, Map.of(Rag.RED, overdue, Rag.GREEN, dueSoon + slipped, Rag.BLUE, completed),
                Map.of("On target", total));
        return new Digest(DigestScope.all("test-council"), new Digest.Period(to.minusDays(7), to), Duration.ofDays(28), counts,
                sections, o, d, c, s, List.of(new Digest.SilentOwner("Quiet Quentin", 3, Instant.parse("2023-03-01T10:00:00Z"), 75)),
                List.of(item(999, "Tbc Owner", description)));
    }

    static DigestNotice digestNotice(Digest d, byte[] chart) {
        return new DigestNotice(9, "dig:test-council:teams:19:abc:2023-W20", "teams:19:abc", d, chart);
    }

    static DigestNotice digestNotice(Digest d) {
        return digestNotice(d, DigestChart.png(d));
    }

    static TaskView task(int i, Rag rag, String description, String owner) {
        return new TaskView(String.format("EN003/%02d", i), "EN003", "ENFORCEMENT 003", "PLANNING ENFORCEMENT", description,
                Status.of(rag == Rag.RED ? "Delayed" : "On target"), rag, PlanDate.of(LocalDate.of(2023, 6, 30)), owner,
                "15/05/2023 Sam: called legal\n16/05/2023 Sam: waiting", rag == Rag.RED ? 3 : 0, 100 + i);
    }
}
