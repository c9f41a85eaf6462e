package planbot.slack.interact;

import com.slack.api.bolt.App;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import planbot.answer.ButtonValue;
import planbot.answer.TaskAnswerService;
import planbot.command.Command;
import planbot.command.CommandService;
import planbot.delivery.Button;
import planbot.doctor.Welcome;
import planbot.domain.Source;
import planbot.domain.Rag;
import planbot.domain.UkDates;
import planbot.reply.Reply;
import planbot.reply.TaskList;
import planbot.reply.TaskView;
import planbot.slack.SlackCaller;
import planbot.slack.SlackHandlers;
import planbot.slack.SlackText;
import planbot.slack.render.ReplyBlocks;
import planbot.slack.render.SlackMessage;

/**
 * The App Home tab, "My tasks": on {@code app_home_opened}, {@code views.publish} the core's answer to {@code mine}
 * (the same query and the same tasks as {@code /plan mine}: open tasks, soonest target first, so overdue first, undated
 * last), each with the reminder's buttons (their {@link ButtonValue} has outbox id 0: there is no message to redraw,
 * so a click republishes this view). Someone not linked to a person of the plan is told how to get linked. The core
 * lists at most 25 tasks (two blocks each, well within Slack's 100 blocks a view); the rest are counted.
 *
 * <p>The first person to open it in a workspace is also sent the doctor's checklist by DM, once ({@link Welcome}).
 *
 * <p>Thread-safe. Publishing runs after the acknowledgement.
 */
final class HomeTab implements SlackHandlers {
    private static final int MAX_DESCRIPTION = 200;
    private static final Logger LOG = LoggerFactory.getLogger(HomeTab.class);

    private final Interactions support;
    private final CommandService commands;
    private final TaskAnswerService answers;
    private final Welcome welcome;
    private final ReplyBlocks replies;

    HomeTab(Interactions support, CommandService commands, TaskAnswerService answers, Welcome welcome, ReplyBlocks replies) {
        this.support = Objects.requireNonNull(support, "support");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.answers = Objects.requireNonNull(answers, "answers");
        this.welcome = Objects.requireNonNull(welcome, "welcome");
        this.replies = Objects.requireNonNull(replies, "replies");
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
                    welcome(client, caller.get());
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
        Reply mine = commands.execute(Interactions.request(caller), new Command.Mine());
        if (!(mine instanceof TaskList)) {
            publishText(client, user, support.text(mine));
            return;
        }
        send(client, user, view(caller, (TaskList) mine, notice));
    }

    /**
     * The first person to open the App Home in a workspace gets the doctor's checklist by DM, once per workspace (the
     * welcome is claimed before it is posted, so a failed post is not repeated).
     */
    private void welcome(MethodsClient client, SlackCaller caller) throws IOException, SlackApiException {
        String user = caller.identity().userId();
        java.util.Optional<planbot.reply.Listing> checklist = welcome.firstUse(caller.tenant(), Source.SLACK,
                caller.identity().workspace(), user);
        if (checklist.isEmpty()) {
            return;
        }
        ConversationsOpenResponse dm = client.conversationsOpen(b -> b.users(List.of(user)));
        if (!dm.isOk()) {
            LOG.warn("the welcome could not open a DM: conversations.open refused: {}", dm.getError());
            return;
        }
        SlackMessage message = replies.render(checklist.get());
        ChatPostMessageResponse posted = client.chatPostMessage(b -> b.channel(dm.getChannel().getId()).text(message.text())
                .blocks(message.blocks()).unfurlLinks(false).unfurlMedia(false));
        if (!posted.isOk()) {
            LOG.warn("the welcome was refused: chat.postMessage: {}", posted.getError());
        }
    }

    /** The blocks of the caller's home view: at most 100. */
    private List<LayoutBlock> view(SlackCaller caller, TaskList mine, String notice) {
        LocalDate today = LocalDate.now(support.clock().withZone(support.zone()));
        List<Button> offered = answers.buttons(caller.tenant());
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(HeaderBlock.builder().text(PlainTextObject.builder().text("My tasks").build()).build());
        blocks.add(context("Open tasks of " + caller.actor().person().name() + ", overdue first, then by target date. "
                + "As of " + UkDates.format(today) + "."));
        if (notice != null) {
            blocks.add(context(notice));
        }
        if (mine.tasks().isEmpty()) {
            blocks.add(section(SlackText.escape(mine.emptyText())));
        }
        for (TaskView task : mine.tasks()) {
            blocks.add(section(line(task)));
            blocks.add(buttons(caller, task, offered));
        }
        if (mine.total() > mine.tasks().size()) {
            blocks.add(context((mine.total() - mine.tasks().size()) + " more not shown."));
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

    /** "*EN003/01* · EN003 — overdue by 3 days (31/05/2023) · At risk\n description". */
    private static String line(TaskView t) {
        String when;
        if (t.target() == null || !t.target().isDate()) {
            when = t.target() == null ? "no target date" : "target " + t.target().display();
        } else if (t.rag() == Rag.RED) {
            int days = t.daysOverdue();
            when = ":red_circle: overdue by " + days + (days == 1 ? " day" : " days") + " (" + UkDates.format(t.target().date()) + ")";
        } else {
            when = "due " + UkDates.format(t.target().date());
        }
        String status = t.status() == null ? "" : " · " + SlackText.escape(t.status().word());
        String description = t.description().isBlank() ? ""
                : "\n" + SlackText.escapeAndCut(t.description().strip(), MAX_DESCRIPTION);
        return "*" + SlackText.escape(t.ref()) + "* · " + SlackText.escape(t.actionKey()) + " — " + when + status + description;
    }

    private static ActionsBlock buttons(SlackCaller caller, TaskView task, List<Button> offered) {
        List<BlockElement> elements = new ArrayList<>();
        for (Button b : offered) {
            ButtonElement.ButtonElementBuilder button = ButtonElement.builder()
                    .actionId(ButtonValue.actionId(b.choice()))
                    .text(PlainTextObject.builder().text(b.label()).build())
                    .value(new ButtonValue(caller.tenant().slug(), task.taskId(), 0, b.choice()).encode());
            if (b.choice() == Button.Choice.DONE) {
                button.style("primary");
            }
            elements.add(button.build());
        }
        return ActionsBlock.builder().blockId("task:" + task.taskId()).elements(elements).build();
    }

    private static SectionBlock section(String mrkdwn) {
        return SectionBlock.builder().text(MarkdownTextObject.builder().text(SlackText.cut(mrkdwn, 3000)).build()).build();
    }

    private static ContextBlock context(String plain) {
        return ContextBlock.builder().elements(List.of(MarkdownTextObject.builder()
                .text(SlackText.escapeAndCut(plain, 3000)).build())).build();
    }
}
