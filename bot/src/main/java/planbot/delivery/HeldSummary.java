package planbot.delivery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import planbot.storage.OutboxRepository.HeldCount;

/**
 * The admin's daily "what is waiting for set-up": the HELD outbox rows of a tenant, counted by what would release them,
 * each kind with the one command that fixes it. One a day per tenant (its row's key is {@code held:{tenant}:{date}}),
 * however many rows wait; built from the rows as they are when it is sent. Built by the {@link NoticeBuilder}.
 *
 * @param outboxId  this notice's own outbox row
 * @param outboxKey its key
 * @param held      the tenant's held rows per recipient and reason, at least one
 */
public record HeldSummary(long outboxId, String outboxKey, List<HeldCount> held) implements Notice {
    /** People named in a line before "and N more". */
    private static final int NAMED = 10;

    public HeldSummary {
        Objects.requireNonNull(outboxKey, "outboxKey");
        held = List.copyOf(held);
        if (held.isEmpty()) {
            throw new IllegalArgumentException("a summary of held reminders needs at least one");
        }
    }

    /** How many rows wait, in all. */
    public int rows() {
        return held.stream().mapToInt(HeldCount::rows).sum();
    }

    @Override
    public String heading() {
        return "For the admin: " + ReminderNotice.count(rows(), "message") + " waiting for set-up";
    }

    /** A line per kind of fix: "3 for 2 people with no chat account linked (HoP 2, PM 1): /plan people link …". */
    @Override
    public String text() {
        Map<String, Integer> people = new LinkedHashMap<>();
        int unnamed = 0;
        int escalations = 0;
        int digests = 0;
        for (HeldCount h : held) {
            if ("MANAGER_CHANNEL".equals(h.recipientKind())) {
                escalations += h.rows();
            } else if ("CHANNEL".equals(h.recipientKind())) {
                digests += h.rows();
            } else if (h.recipientName() == null) {
                unnamed += h.rows();
            } else {
                people.merge(h.recipientName(), h.rows(), Integer::sum);
            }
        }
        List<String> lines = new ArrayList<>();
        if (!people.isEmpty()) {
            List<String> named = new ArrayList<>();
            people.forEach((who, n) -> {
                if (named.size() < NAMED) {
                    named.add(who + " " + n);
                }
            });
            int total = people.values().stream().mapToInt(Integer::intValue).sum();
            lines.add(ReminderNotice.count(total, "reminder") + " for " + (people.size() == 1 ? "1 person" : people.size() + " people") + " with no chat account linked (" + String.join(", ", named)
                    + (people.size() > NAMED ? " and " + (people.size() - NAMED) + " more" : "")
                    + "): link each with /plan people link \"NAME\" @someone (/plan people unlinked lists them),"
                    + " or set a plan channel to post them there meanwhile: /plan channel plan #channel");
        }
        if (unnamed > 0) {
            lines.add(ReminderNotice.count(unnamed, "reminder") + " for tasks whose plan names no owner: /plan channel plan #channel");
        }
        if (escalations > 0) {
            lines.add(ReminderNotice.count(escalations, "escalation") + " for the manager channel: /plan channel manager #channel");
        }
        if (digests > 0) {
            lines.add(ReminderNotice.count(digests, "digest") + " with no channel to go to: /plan channel manager #channel");
        }
        return String.join("\n", lines) + "\nEach goes out as soon as its fix is made, if it is still due then.";
    }
}
