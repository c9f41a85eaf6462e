package planbot.discord.render;

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

/** Notices and replies as the core hands them to the Discord renderers, with the worst texts where asked. */
final class Samples {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** Everything that could mention, ping, format or link on Discord, typed into a task. */
    static final String HOSTILE = "@everyone @here <@123> <@!123> <@&456> <#789> **loud** __u__ ~~s~~ `c` ||spoiler|| "
            + "[click](https://evil.example) https://evil.example/x\n> quote\n# head\n-# small\n1. list";

    private Samples() {
    }

    /** {@link #HOSTILE} repeated to 10,000 characters. */
    static String huge() {
        return HOSTILE.repeat(10_000 / HOSTILE.length() + 1).substring(0, 10_000);
    }

    static ReminderNotice reminder(long outboxId, long taskId, ReminderKind kind, String ref, String description, String owner,
                                   String tenant) {
        return new ReminderNotice(outboxId, "rem:1:" + taskId + ":" + kind.name() + ":2023-05-15", kind, ref, description,
                "ENFORCEMENT 003", PlanDate.of(LocalDate.of(2023, 5, 1)), LocalDate.of(2023, 5, 1),
                kind.type() == ReminderKind.Type.BEFORE || kind == ReminderKind.DUE_TODAY ? 0 : 14, owner, owner, "Patsy Dell",
                LocalDate.of(2023, 3, 1), Button.forReminder(7), tenant, taskId);
    }

    static ReminderNotice overdue(String description, String owner) {
        return reminder(17, 42, ReminderKind.OVERDUE, "EN003/01", description, owner, "test-council");
    }

    /** {@code n} reminders for HoP at once, each about its own task. */
    static ReminderGroup group(int n, String description) {
        List<ReminderNotice> list = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            list.add(reminder(1000 + i, 5000 + i, i % 3 == 0 ? ReminderKind.DUE_TODAY : ReminderKind.OVERDUE,
                    String.format("EN%03d/%02d", i, i % 100), description, "HoP", "test-council"));
        }
        return ReminderGroup.of(list);
    }

    static Digest.Item item(int n, String owner, String description) {
        return new Digest.Item("Plan", "SECTION " + (n % 6), "EN001", String.format("EN001/%03d", n), description, owner,
                Status.of("On target"), PlanDate.of(LocalDate.of(2023, 5, 1)));
    }

    /** A digest with this many tasks in each list, spread over six sections so that its chart has bars. */
    static Digest digest(int each, String description, String owner) {
        ZonedDateTime to = ZonedDateTime.of(2023, 5, 15, 9, 0, 0, 0, LONDON);
        List<Digest.Overdue> o = new ArrayList<>();
        List<Digest.Due> d = new ArrayList<>();
        List<Digest.Done> c = new ArrayList<>();
        List<Digest.Slip> s = new ArrayList<>();
        List<Digest.Item> tbc = new ArrayList<>();
        for (int i = 0; i < each; i++) {
            o.add(new Digest.Overdue(item(i, owner, description), 1 + i % 30));
            d.add(new Digest.Due(item(1000 + i, owner, description), i % 14));
            c.add(new Digest.Done(item(2000 + i, null, description), Instant.parse("2023-05-12T10:00:00Z")));
            s.add(new Digest.Slip(item(3000 + i, owner, description), PlanDate.of(LocalDate.of(2023, 4, 1)),
                    PlanDate.of(LocalDate.of(2023, 6, 1)), 1, 3, Instant.parse("2023-05-12T10:00:00Z")));
            tbc.add(item(4000 + i, owner, description));
        }
        int total = 5 * each;
        List<Digest.SectionCounts> sections = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sections.add(new Digest.SectionCounts("Plan", "SECTION " + i,
                    new Digest.Counts(total / 6, Map.of(Rag.RED, each / 6, Rag.GREEN, each / 3), Map.of("On target", total / 6))));
        }
        Digest.Counts counts = new Digest.Counts(total, Map.of(Rag.RED, each, Rag.GREEN, 2 * each, Rag.BLUE, each),
                Map.of("On target", total));
        return new Digest(DigestScope.all("test-council"), new Digest.Period(to.minusDays(7), to), Duration.ofDays(28), counts,
                sections, o, d, c, s, List.of(new Digest.SilentOwner(owner == null ? "Quiet Quentin" : owner, 3,
                Instant.parse("2023-03-01T10:00:00Z"), 75)), tbc);
    }

    static DigestNotice digestNotice(Digest d) {
        return new DigestNotice(9, "dig:test-council:discord:123:2023-W20", "discord:123", d, DigestChart.png(d));
    }

    static TaskView task(int i, Rag rag, String description, String owner) {
        return new TaskView(String.format("EN003/%02d", i), "EN003", "ENFORCEMENT 003", "PLANNING ENFORCEMENT", description,
                Status.of(rag == Rag.RED ? "Delayed" : "On target"), rag, PlanDate.of(LocalDate.of(2023, 6, 30)), owner,
                "15/05/2023 Sam: called legal\n16/05/2023 Sam: waiting", rag == Rag.RED ? 3 : 0, 100 + i);
    }
}
