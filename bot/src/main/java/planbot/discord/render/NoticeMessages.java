package planbot.discord.render;

import static planbot.discord.render.DiscordText.escape;
import static planbot.discord.render.DiscordText.line;

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
import planbot.domain.Rag;
import planbot.scheduler.reminder.ReminderKind;

/**
 * Renders a {@link Notice} as Discord message bodies (see {@link Pages} for their shape and limits):
 *
 * <ul>
 *   <li>a reminder: its heading as the content, an embed coloured by its kind with the task's facts (an escalation
 *   names whose task is late and its lead), and one action row of five buttons — Done, On target, At risk, New date
 *   (which opens {@link NewDateModal}), Snooze — each carrying a {@link ButtonValue} ({@link ComponentIds});</li>
 *   <li>a group of reminders as one message: a line per reminder (as many as fit, then "and N more"); with at most
 *   {@value #ROWS_PER_TASK} reminders to answer, an action row of five buttons per reminder (the first naming its ref);
 *   with more, up to five string select menus of {@value #OPTIONS} reminders each. Discord sends a select's value only
 *   with the select's own interaction, never with a later button click, so picking a reminder is itself the step:
 *   the inbound side answers it with an ephemeral message of that reminder's five buttons (an option's value reads as
 *   its {@link ComponentIds#option button value}), whose clicks then work as a single reminder's do. Reminders beyond
 *   the menus are named by ref in the footer, to be answered with {@code /plan};</li>
 *   <li>the digest with its chart: the file {@value #CHART_FILE}, which the messenger uploads with the body (the
 *   body's {@code attachments[0]} names it and the embed's image is {@code attachment://digest-chart.png});</li>
 *   <li>admin notices and held summaries as plain embeds.</li>
 * </ul>
 *
 * <p>Called by the Discord messenger ({@link #render}) and by the interaction handler ({@link #outcome}).
 * Stateless and thread-safe.
 */
public final class NoticeMessages {
    /** The file name the digest's chart is uploaded under. */
    public static final String CHART_FILE = "digest-chart.png";
    /** A group with at most this many reminders to answer gets a row of buttons per reminder (Discord allows 5 rows). */
    static final int ROWS_PER_TASK = 4;
    /** Options in one select menu, Discord's most. */
    static final int OPTIONS = 25;
    /** Select menus in one message: one per action row, and Discord allows 5 rows. */
    static final int SELECTS = 5;
    private static final int DESCRIPTION = 1000;

    /** The message bodies for a notice as first sent: today always one, the one a messenger posts. */
    public List<ObjectNode> render(Notice notice) {
        return List.of(draw(notice, null));
    }

    /**
     * The notice redrawn after a click (the message edited in place), with {@code outcome} ("✓ Sam: marked done", plain
     * text) under its heading; its components stay only while {@code finished} is false. A group is passed as it is
     * now (each task that needs no more answers already {@linkplain ReminderNotice#withoutButtons without buttons});
     * {@code finished} takes every component off it.
     */
    public ObjectNode outcome(Notice notice, String outcome, boolean finished) {
        Objects.requireNonNull(outcome, "outcome");
        Notice redrawn = notice;
        if (finished && notice instanceof ReminderNotice) {
            redrawn = ((ReminderNotice) notice).withoutButtons();
        } else if (finished && notice instanceof ReminderGroup) {
            List<ReminderNotice> done = new ArrayList<>();
            ((ReminderGroup) notice).reminders().forEach(r -> done.add(r.withoutButtons()));
            redrawn = new ReminderGroup(done);
        }
        ObjectNode body = draw(redrawn, outcome);
        if (finished) {
            body.putArray("components");
        }
        return body;
    }

    private ObjectNode draw(Notice notice, String outcome) {
        Pages pages = new Pages(1);
        String content = "";
        ObjectNode body;
        if (notice instanceof ReminderNotice) {
            ReminderNotice r = (ReminderNotice) notice;
            content = "🔔 " + escape(r.heading());
            reminder(pages, r);
            body = pages.bodies().get(0);
            if (!r.buttons().isEmpty()) {
                buttons(row(body), r, "");
            }
        } else if (notice instanceof ReminderGroup) {
            ReminderGroup g = (ReminderGroup) notice;
            content = "🔔 " + escape(g.heading());
            body = group(pages, g);
        } else if (notice instanceof DigestNotice) {
            DigestNotice d = (DigestNotice) notice;
            boolean chart = d.chartPng().length > 0;
            DigestEmbed.fill(pages, d.digest(), d.heading(), chart ? "attachment://" + CHART_FILE : null);
            body = pages.bodies().get(0);
            if (chart) {
                body.putArray("attachments").addObject().put("id", 0).put("filename", CHART_FILE)
                        .put("description", "Tasks by section, coloured by RAG");
            }
        } else if (notice instanceof AdminNotice || notice instanceof HeldSummary) {
            pages.section("⚠️ " + line(notice.heading(), 240), ReplyEmbeds.color(Rag.AMBER));
            pages.text(escape(notice.text()));
            body = pages.bodies().get(0);
        } else {
            throw new IllegalArgumentException("no Discord message for " + notice.getClass().getSimpleName());
        }
        if (outcome != null) {
            content = content + (content.isEmpty() ? "" : "\n") + line(outcome, 500);
        }
        return body.put("content", DiscordText.cut(content, Pages.CONTENT));
    }

    /** One reminder: what it is about, the task's facts, its description. */
    private static void reminder(Pages pages, ReminderNotice r) {
        pages.section(r.icon() + " " + r.label() + " · " + line(r.taskRef(), 100), kindColor(r.kind()));
        pages.text(escape(r.text()) + (r.description().isBlank() ? "" : "\n\n" + escape(r.description(), DESCRIPTION)));
        pages.field("Action", line(r.actionName(), 1024), false);
        pages.field("Target date", r.target() == null ? "none set" : line(r.target().display(), 200), true);
        pages.field("Owner", r.owner() == null ? "nobody named in the plan" : line(r.owner(), 200), true);
        if (isEscalation(r.kind()) && r.lead() != null) {
            pages.field("Lead", line(r.lead(), 200), true);
        }
        if (r.daysLate() > 0) {
            pages.field("Late", r.daysLate() + (r.daysLate() == 1 ? " day" : " days"), true);
        }
    }

    /**
     * Several reminders as one message: a line each (as many as fit), then per reminder to answer a row of buttons when
     * there are few, else select menus.
     */
    private static ObjectNode group(Pages pages, ReminderGroup g) {
        List<ReminderNotice> reminders = g.reminders();
        pages.section(reminders.size() + " reminders", kindColor(reminders.get(0).kind()));
        List<String> lines = new ArrayList<>();
        for (ReminderNotice r : reminders) {
            String title = r.description().isBlank() ? r.actionName() : r.description();
            String need = r.need();
            lines.add(r.icon() + " **" + line(r.taskRef(), 40) + "** · " + line(title, 60)
                    + "\n   " + r.label() + (need.isEmpty() ? "" : " · " + line(need, 200)));
        }
        pages.lines(lines, lines.size(), "see " + ReminderGroup.MORE);
        List<ReminderNotice> open = new ArrayList<>();
        reminders.stream().filter(r -> !r.buttons().isEmpty()).forEach(open::add);
        ObjectNode body = pages.bodies().get(0);
        if (open.size() <= ROWS_PER_TASK) {
            open.forEach(r -> buttons(row(body), r, r.taskRef() + ": "));
            return body;
        }
        int inMenus = Math.min(open.size(), OPTIONS * SELECTS);
        for (int from = 0, n = 0; from < inMenus; from += OPTIONS, n++) {
            List<ReminderNotice> chunk = open.subList(from, Math.min(inMenus, from + OPTIONS));
            row(body).add(select(chunk, n, from, open.size()));
        }
        if (open.size() > inMenus) {
            List<String> refs = new ArrayList<>();
            open.subList(inMenus, open.size()).forEach(r -> refs.add(r.taskRef()));
            pages.footer("Not in the menus (" + (open.size() - inMenus) + "), answer with /plan update: "
                    + DiscordText.plain(String.join(", ", refs), 500));
        }
        return body;
    }

    /** Select menu {@code n}: one option per reminder; picking one is answered with that reminder's buttons. */
    private static ObjectNode select(List<ReminderNotice> chunk, int n, int from, int of) {
        ObjectNode select = Json.object().put("type", 3).put("custom_id", ComponentIds.select(n))
                .put("placeholder", of <= OPTIONS ? "Pick a task to answer"
                        : "Pick a task to answer (" + (from + 1) + "–" + (from + chunk.size()) + " of " + of + ")")
                .put("min_values", 1).put("max_values", 1);
        ArrayNode options = select.putArray("options");
        for (ReminderNotice r : chunk) {
            String title = r.description().isBlank() ? r.actionName() : r.description();
            String need = r.need();
            ObjectNode option = options.addObject()
                    .put("label", DiscordText.plain(r.taskRef() + " · " + title, 100))
                    .put("value", ComponentIds.option(r.tenant(), r.taskId(), r.outboxId()))
                    .put("description", DiscordText.plain(r.label() + (need.isEmpty() ? "" : " · " + need), 100));
            option.putObject("emoji").put("name", r.icon());
        }
        return select;
    }

    /** A new action row of the body; its components array returned. */
    private static ArrayNode row(ObjectNode body) {
        return body.withArray("components").addObject().put("type", 1).putArray("components");
    }

    /** The reminder's buttons into {@code row}, the first label prefixed (a ref in a group). */
    private static void buttons(ArrayNode row, ReminderNotice r, String prefix) {
        String p = prefix;
        for (Button b : r.buttons()) {
            row.add(button(p + b.label(), b.choice(),
                    ComponentIds.encode(new ButtonValue(r.tenant(), r.taskId(), r.outboxId(), b.choice()))));
            p = "";
        }
    }

    /** Done green, New date blue, the others grey. Labels show as plain text on Discord: nothing to escape. */
    private static ObjectNode button(String label, Button.Choice choice, String customId) {
        int style = choice == Button.Choice.DONE ? 3 : choice == Button.Choice.NEW_DATE ? 1 : 2;
        return ReplyEmbeds.button(label, style, customId);
    }

    private static boolean isEscalation(ReminderKind kind) {
        return kind.type() == ReminderKind.Type.ESCALATE_LEAD || kind.type() == ReminderKind.Type.ESCALATE_MANAGER;
    }

    private static Integer kindColor(ReminderKind kind) {
        switch (kind.type()) {
            case OVERDUE:
            case ESCALATE_LEAD:
            case ESCALATE_MANAGER:
                return ReplyEmbeds.color(Rag.RED);
            case DUE_TODAY:
                return ReplyEmbeds.color(Rag.AMBER);
            case BEFORE:
                return ReplyEmbeds.color(Rag.GREEN);
            default:
                return ReplyEmbeds.color(Rag.GREY);
        }
    }
}
