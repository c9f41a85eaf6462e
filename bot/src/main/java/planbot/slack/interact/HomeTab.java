package planbot.slack.interact;

import com.slack.api.bolt.App;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.view.View;
import java.io.IOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import planbot.delivery.Button;
import planbot.domain.PlanDate;
import planbot.domain.Task;
import planbot.slack.ButtonValue;
import planbot.slack.SlackCaller;
import planbot.slack.SlackHandlers;
import planbot.slack.SlackText;
import planbot.storage.TaskQuery;
import planbot.storage.TaskRepository;
import planbot.storage.TaskRow;
import planbot.domain.UkDates;

/**
 * The App Home tab, "My tasks": on {@code app_home_opened}, {@code views.publish} the linked person's open tasks,
 * overdue first (most overdue first), then by target date, undated last, each with the reminder's buttons (their
 * {@link ButtonValue} has outbox id 0: there is no message to redraw, so a click republishes this view). Someone not
 * linked to a person of the plan is told how to get linked. At most {@value #MAX_TASKS} tasks, so that the view keeps
 * within Slack's 100 blocks; the rest are counted.
 *
 * <p>Thread-safe. Publishing runs after the acknowledgement.
 */
final class HomeTab implements SlackHandlers {
    /** Two blocks a task, plus the heading lines: well inside a home view's 100 blocks. */
    static final int MAX_TASKS = 45;
    private static final int MAX_DESCRIPTION = 200;
    private static final Logger LOG = LoggerFactory.getLogger(HomeTab.class);

    private final Interactions support;
    private final TaskRepository tasks;
    private final TaskAnswers answers;

    HomeTab(Interactions support, TaskRepository tasks, TaskAnswers answers) {
        this.support = Objects.requireNonNull(support, "support");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.answers = Objects.requireNonNull(answers, "answers");
    }

    @Override
    public void registerOn(App app) {
        app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
            AppHomeOpenedEvent e = payload.getEvent();
            if (!"home".equals(e.getTab()) || e.getUser() == null) {
                return ctx.ack();
            }
            MethodsClient client = ctx.client();
            support.afterAck("home tab", text -> { }, () -> {
                String[] refusal = new String[1];
                java.util.Optional<SlackCaller> caller = support.caller(ctx, e.getUser(), null, r -> refusal[0] = r);
                if (caller.isPresent()) {
                    publish(client, caller.get(), null);
                } else {
                    publishText(client, e.getUser(), refusal[0]);
                }
            });
            return ctx.ack();
        });
    }

    /**
     * Publishes the caller's home view, with {@code notice} (plain text; null for none) at the top: the outcome of a
     * click on one of its buttons.
     */
    void publish(MethodsClient client, SlackCaller caller, String notice) throws IOException, SlackApiException {
        String user = caller.identity().userId();
        if (caller.actor().person() == null) {
            publishText(client, user, "Your Slack account isn't linked to anyone in the plan yet, so I can't tell which "
                    + "tasks are yours. Ask a planbot admin to link you: `/plan people link \"Your name in the plan\" @you`.");
            return;
        }
        List<LayoutBlock> blocks = new ArrayList<>(view(caller, notice));
        send(client, user, blocks);
    }

    /** The blocks of the caller's home view: at most 100. */
    List<LayoutBlock> view(SlackCaller caller, String notice) {
        LocalDate today = LocalDate.now(support.clock().withZone(support.zone()));
        List<TaskRow> mine = new ArrayList<>(tasks.find(caller.tenant(), TaskQuery.all().open().ownedBy(caller.actor().person().name())));
        mine.sort(Comparator.comparing((TaskRow r) -> target(r) == null ? LocalDate.MAX : target(r)));
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(HeaderBlock.builder().text(PlainTextObject.builder().text("My tasks").build()).build());
        blocks.add(context("Open tasks of " + caller.actor().person().name() + ", overdue first, then by target date. "
                + "As of " + UkDates.format(today) + "."));
        if (notice != null) {
            blocks.add(context(notice));
        }
        if (mine.isEmpty()) {
            blocks.add(section("You have no open tasks."));
        }
        for (TaskRow row : mine.subList(0, Math.min(MAX_TASKS, mine.size()))) {
            blocks.add(section(line(row, today)));
            blocks.add(buttons(caller, row));
        }
        if (mine.size() > MAX_TASKS) {
            blocks.add(context((mine.size() - MAX_TASKS) + " more not shown: type `/plan mine` to list them."));
        }
        return blocks;
    }

    private void publishText(MethodsClient client, String user, String text) throws IOException, SlackApiException {
        send(client, user, List.of(HeaderBlock.builder().text(PlainTextObject.builder().text("My tasks").build()).build(),
                section(SlackText.escape(text))));
    }

    private void send(MethodsClient client, String user, List<LayoutBlock> blocks) throws IOException, SlackApiException {
        View view = View.builder().type("home").blocks(blocks).build();
        ViewsPublishResponse r = client.viewsPublish(b -> b.userId(user).view(view));
        if (!r.isOk()) {
            LOG.warn("views.publish refused: {}", r.getError());
        }
    }

    private static LocalDate target(TaskRow row) {
        PlanDate t = row.task().target();
        return t != null && t.isDate() ? t.date() : null;
    }

    /** "*EN003/01* · ENFORCEMENT 003 — overdue by 3 days (31/05/2023) · At risk\n description". */
    private static String line(TaskRow row, LocalDate today) {
        Task t = row.task();
        LocalDate due = target(row);
        String when;
        if (due == null) {
            when = t.target() == null ? "no target date" : "target " + t.target().display();
        } else if (due.isBefore(today)) {
            long days = ChronoUnit.DAYS.between(due, today);
            when = ":red_circle: overdue by " + days + (days == 1 ? " day" : " days") + " (" + UkDates.format(due) + ")";
        } else {
            when = "due " + UkDates.format(due);
        }
        String status = t.status() == null ? "" : " · " + SlackText.escape(t.status().word());
        String description = t.description() == null || t.description().isBlank() ? ""
                : "\n" + SlackText.escapeAndCut(t.description().strip(), MAX_DESCRIPTION);
        return "*" + SlackText.escape(t.ref()) + "* · " + SlackText.escape(row.actionKey()) + " — " + when + status + description;
    }

    private ActionsBlock buttons(SlackCaller caller, TaskRow row) {
        List<BlockElement> elements = new ArrayList<>();
        for (Button b : answers.buttons(caller)) {
            ButtonElement.ButtonElementBuilder button = ButtonElement.builder()
                    .actionId(ButtonValue.actionId(b.choice()))
                    .text(PlainTextObject.builder().text(b.label()).build())
                    .value(new ButtonValue(caller.tenant().slug(), row.id(), 0, b.choice()).encode());
            if (b.choice() == Button.Choice.DONE) {
                button.style("primary");
            }
            elements.add(button.build());
        }
        return ActionsBlock.builder().blockId("task:" + row.id()).elements(elements).build();
    }

    private static SectionBlock section(String mrkdwn) {
        return SectionBlock.builder().text(MarkdownTextObject.builder().text(SlackText.cut(mrkdwn, 3000)).build()).build();
    }

    private static ContextBlock context(String plain) {
        return ContextBlock.builder().elements(List.of(MarkdownTextObject.builder()
                .text(SlackText.escapeAndCut(plain, 3000)).build())).build();
    }
}
