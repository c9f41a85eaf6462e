package planbot.slack.interact;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import planbot.command.ChatContext;
import planbot.command.CommandRequest;
import planbot.command.CommandService;
import planbot.reply.Reply;
import planbot.slack.SlackCaller;
import planbot.slack.SlackHandlers;
import planbot.slack.SlackTenancy;
import planbot.slack.render.ReplyBlocks;
import planbot.slack.render.SlackMessage;

/**
 * The score buttons under an assessment part ({@link planbot.reply.AssessCard}): a click runs the command its value
 * carries ({@code assess vote 3}) as the clicker, in the channel of the message, exactly as if they had typed it, so
 * the core decides everything (who may, whether voting is still open). The value is trusted no further than typed text:
 * only {@code assess} commands are run. A reply for the channel (a reveal that the last vote triggered) is posted
 * there; anything else (the private acknowledgement of a vote, a refusal) goes to the clicker alone.
 *
 * <p>Thread-safe; acknowledged at once, answered after; failures are logged and answered generically.
 */
final class AssessButtons implements SlackHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(AssessButtons.class);
    private static final Pattern ACTION = Pattern.compile("^" + Pattern.quote(ReplyBlocks.ASSESS_ACTION) + "\\d+$");

    private final Interactions support;
    private final CommandService commands;
    private final ReplyBlocks blocks;

    AssessButtons(Interactions support, CommandService commands, ReplyBlocks blocks) {
        this.support = Objects.requireNonNull(support, "support");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.blocks = Objects.requireNonNull(blocks, "blocks");
    }

    @Override
    public void registerOn(App app) {
        app.blockAction(ACTION, this::click);
    }

    private Response click(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        String value = p.getActions().get(0).getValue();
        Outcomes.Where where = Outcomes.Where.of(p);
        String user = p.getUser().getId();
        MethodsClient client = ctx.client();
        support.afterAck("assessment button", text -> tellIfInChannel(client, where, user, text), () -> {
            if (!where.isMessage() || value == null || !value.startsWith("assess ")) {
                return;
            }
            Optional<SlackCaller> caller = support.caller(ctx, user, p.getUser().getUsername(),
                    text -> support.ephemeral(client, where.channel(), user, text));
            if (caller.isEmpty()) {
                return;
            }
            CommandRequest request = new CommandRequest(caller.get().tenant().slug(), caller.get().actor(),
                    planbot.domain.Source.SLACK, value, new ChatContext(SlackTenancy.PLATFORM,
                    caller.get().identity().workspace(), user, where.channel()));
            Reply reply = commands.handle(request);
            if (!reply.visibleToChannel()) {
                support.ephemeral(client, where.channel(), user, support.text(reply));
                return;
            }
            SlackMessage message = blocks.render(reply);
            ChatPostMessageResponse r = client.chatPostMessage(b -> b.channel(where.channel()).text(message.text())
                    .blocks(message.blocks()));
            if (!r.isOk()) {
                LOG.warn("chat.postMessage of an assessment step to {} refused: {}", where.channel(), r.getError());
            }
        });
        return ctx.ack();
    }

    private void tellIfInChannel(MethodsClient client, Outcomes.Where where, String user, String text) {
        if (where.isMessage()) {
            support.ephemeral(client, where.channel(), user, text);
        }
    }
}
