package planbot.teams.render;

import static planbot.teams.render.Cards.md;
import static planbot.teams.render.Cards.md1;
import static planbot.teams.render.Cards.text;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import planbot.answer.ButtonValue;
import planbot.delivery.AdminNotice;
import planbot.delivery.Button;
import planbot.delivery.DigestNotice;
import planbot.delivery.HeldSummary;
import planbot.delivery.Notice;
import planbot.delivery.ReminderGroup;
import planbot.delivery.ReminderNotice;
import planbot.scheduler.reminder.ReminderKind;
import planbot.teams.render.Cards.Card;
import planbot.teams.render.Cards.Size;
import planbot.teams.render.Cards.Style;

/**
 * Renders a {@link Notice} as a Teams message activity with one Adaptive Card: a reminder with its buttons (Done, On
 * target, At risk, New date — a date and a reason in a card that opens under it — and Snooze), a group of reminders as
 * one card with a section and buttons per task (as many as fit, then "and N more" by ref), an escalation naming whose
 * task is late, the digest with its chart, admin notices and held summaries as plain cards. Every button carries
 * {@link CardAction} data. Every activity stays within Teams' size limits ({@link Cards.Size#fits}); user text shows
 * as typed and mentions nobody.
 *
 * <p>Called by the Teams messenger ({@link #render}) and by the card-click handler ({@link #outcome}). Stateless and
 * thread-safe.
 */
public final class NoticeCards {
    private static final int DESCRIPTION = 1000;
    /**
     * A task's title (its description) in a group is cut to this: with its ref and its buttons, a task's section then
     * takes about 1,850 bytes of UTF-16 for a 12-character tenant slug (10 more for each character more, as each of the
     * five buttons carries the slug), so that 20 fit in {@link Cards#MAX_UTF16_BYTES}.
     */
    private static final int TITLE_IN_GROUP = 50;
    /** The most characters of refs listed by name under a group cut short: they take room tasks' sections could have. */
    private static final int MORE_REFS = 500;

    /** The card for a notice as first sent. */
    public ObjectNode render(Notice notice) {
        return draw(notice, null);
    }

    /**
     * The card redrawn after a click, with {@code outcome} ("Marked done by Sam", plain text) at its foot; its buttons
     * stay only while {@code finished} is false. A group is passed as it is now (each task that needs no more answers
     * already {@linkplain ReminderNotice#withoutButtons without buttons}); {@code finished} takes every button off it.
     */
    public ObjectNode outcome(Notice notice, String outcome, boolean finished) {
        Notice redrawn = notice;
        if (finished && notice instanceof ReminderNotice) {
            redrawn = ((ReminderNotice) notice).withoutButtons();
        } else if (finished && notice instanceof ReminderGroup) {
            List<ReminderNotice> done = new ArrayList<>();
            ((ReminderGroup) notice).reminders().forEach(r -> done.add(r.withoutButtons()));
            redrawn = new ReminderGroup(done);
        }
        return draw(redrawn, text("✓ " + md(Objects.requireNonNull(outcome, "outcome"), 500), Style.BOLD, "Good"));
    }

    private ObjectNode draw(Notice notice, ObjectNode tail) {
        Size reserve = tail == null ? Size.NONE : Size.ofElement(tail);
        Card card = new Card(notice.heading() + ": " + notice.text());
        if (notice instanceof ReminderNotice) {
            reminder(card, (ReminderNotice) notice, reserve);
        } else if (notice instanceof ReminderGroup) {
            group(card, (ReminderGroup) notice, reserve);
        } else if (notice instanceof DigestNotice) {
            DigestNotice d = (DigestNotice) notice;
            DigestCard.fill(card, d.digest(), d.heading(), d.chartPng(), reserve);
        } else if (notice instanceof AdminNotice || notice instanceof HeldSummary) {
            card.add(text("⚠️ " + md(notice.heading(), 200), Style.HEADING, "Warning"), reserve);
            card.add(text(md(notice.text(), 6000), Style.PLAIN), reserve);
        } else {
            throw new IllegalArgumentException("no Teams card for " + notice.getClass().getSimpleName());
        }
        if (tail != null) {
            card.add(tail);
        }
        return card.activity();
    }

    /** One reminder: heading, what it is about, the task's facts, its description, its buttons. */
    private static void reminder(Card card, ReminderNotice r, Size reserve) {
        card.add(text(r.icon() + " " + md(r.heading(), 200), Style.HEADING), reserve);
        card.add(text("**" + r.label() + "** · " + md1(r.taskRef(), 60), Style.PLAIN, kindColor(r.kind())), reserve);
        card.add(text(md(r.text(), 1000), Style.PLAIN), reserve);
        boolean escalation = isEscalation(r.kind());
        card.add(Cards.facts("Task", r.taskRef(), "Action", r.actionName(),
                "Target date", r.target() == null ? "none set" : r.target().display(),
                "Owner", r.owner() == null ? "nobody named in the plan" : r.owner(),
                "Lead", escalation ? r.lead() : null,
                "Late", r.daysLate() > 0 ? r.daysLate() + (r.daysLate() == 1 ? " day" : " days") : null), reserve);
        if (!r.description().isBlank()) {
            card.add(text(md(r.description(), DESCRIPTION), Style.SUBTLE), reserve);
        }
        if (!r.buttons().isEmpty()) {
            card.add(buttons(r, false), reserve);
        }
    }

    /**
     * Several reminders as one card: the heading, then per reminder a section (a line with its kind, ref, title and
     * what it needs, then its buttons), overdue first; those that do not fit are named by ref at the end, with the
     * command that shows each. A section is kept light, as 20 of them with their buttons must fit the limits: one
     * TextBlock set apart by a separator and one ActionSet, no container, only the properties that matter.
     */
    private static void group(Card card, ReminderGroup g, Size reserve) {
        card.add(text("🔔 " + md(g.heading(), 200), Style.HEADING), reserve);
        List<ReminderNotice> reminders = g.reminders();
        int shown = 0;
        for (ReminderNotice r : reminders) {
            boolean last = shown == reminders.size() - 1;
            // room for the "and N more" this section would leave should the next not fit
            Size room = last ? reserve : reserve.plus(Size.ofElement(more(reminders, shown + 1)));
            if (!card.addAll(section(r), room)) {
                break;
            }
            shown++;
        }
        if (shown < reminders.size()) {
            card.add(more(reminders, shown), reserve);
        }
    }

    /**
     * One reminder of a group: "🔴 **EN003/01** · Draft the policy" and, under it, "**Overdue** · due 01/05/2023, 14
     * days ago" in one TextBlock, then its buttons (none once it needs no more answers).
     */
    private static List<ObjectNode> section(ReminderNotice r) {
        String title = r.description().isBlank() ? r.actionName() : r.description();
        String need = r.need();
        ObjectNode line = text(r.icon() + " **" + md1(r.taskRef(), 40) + "** · " + md1(title, TITLE_IN_GROUP)
                + "\n\n**" + r.label() + "**" + (need.isEmpty() ? "" : " · " + md1(need, 300)), Style.PLAIN);
        line.put("separator", true);
        return r.buttons().isEmpty() ? List.of(line) : List.of(line, buttons(r, true));
    }

    /** "and 180 more: type "status REF" to see one: EN001/021, EN001/022, …", from reminder {@code from} on. */
    private static ObjectNode more(List<ReminderNotice> reminders, int from) {
        List<String> refs = new ArrayList<>();
        for (ReminderNotice r : reminders.subList(from, reminders.size())) {
            refs.add(r.taskRef());
        }
        return text("and " + (reminders.size() - from) + " more: type \"status REF\" to see one: "
                + md(String.join(", ", refs), MORE_REFS), Style.PLAIN);
    }

    /**
     * The reminder's buttons in an ActionSet: each an Action.Submit carrying its {@link ButtonValue}, but New date, which
     * opens a card with a date, a reason and its own submit. In a card about several tasks the inputs' ids carry the
     * reminder's outbox row, as ids must be unique in a card ({@link CardAction#inputId}), and the form is kept to what
     * matters (the reason's length is cut on the way in anyway).
     */
    private static ObjectNode buttons(ReminderNotice r, boolean grouped) {
        ObjectNode set = Cards.JSON.createObjectNode().put("type", "ActionSet");
        ArrayNode actions = set.putArray("actions");
        for (Button b : r.buttons()) {
            ObjectNode data = CardAction.data(new ButtonValue(r.tenant(), r.taskId(), r.outboxId(), b.choice()));
            if (b.needsInput()) {
                ObjectNode show = actions.addObject().put("type", "Action.ShowCard").put("title", Cards.cut(b.label(), 40));
                ObjectNode form = show.putObject("card").put("type", "AdaptiveCard");
                ArrayNode fields = form.putArray("body");
                fields.addObject().put("type", "Input.Date").put("id", CardAction.inputId(CardAction.DATE, r.outboxId(), grouped))
                        .put("isRequired", true);
                ObjectNode reason = fields.addObject().put("type", "Input.Text")
                        .put("id", CardAction.inputId(CardAction.REASON, r.outboxId(), grouped))
                        .put("placeholder", "why it moved");
                if (!grouped) {
                    reason.put("maxLength", 500);
                }
                form.putArray("actions").add(submit("Save", data));
            } else {
                ObjectNode s = submit(Cards.cut(b.label(), 40), data);
                if (b.choice() == Button.Choice.DONE) {
                    s.put("style", "positive");
                }
                actions.add(s);
            }
        }
        return set;
    }

    static ObjectNode submit(String title, ObjectNode data) {
        ObjectNode s = Cards.JSON.createObjectNode().put("type", "Action.Submit").put("title", title);
        s.set("data", data);
        return s;
    }

    private static boolean isEscalation(ReminderKind kind) {
        return kind.type() == ReminderKind.Type.ESCALATE_LEAD || kind.type() == ReminderKind.Type.ESCALATE_MANAGER;
    }

    private static String kindColor(ReminderKind kind) {
        switch (kind.type()) {
            case OVERDUE:
            case ESCALATE_LEAD:
            case ESCALATE_MANAGER:
                return "Attention";
            case DUE_TODAY:
                return "Warning";
            case BEFORE:
                return "Good";
            default:
                return null;
        }
    }
}
