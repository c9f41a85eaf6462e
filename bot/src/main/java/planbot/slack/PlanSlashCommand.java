package planbot.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.webhook.WebhookResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import planbot.command.ChatContext;
import planbot.command.CommandRequest;
import planbot.command.CommandService;
import planbot.domain.Source;
import planbot.reply.Failure;
import planbot.reply.Reply;
import planbot.slack.render.ReplyBlocks;
import planbot.slack.render.SlackMessage;

/**
 * {@code /plan …}: finds the caller ({@link SlackTenancy}), runs the text through the {@link CommandService} on
 * a small executor, and answers with the {@link ReplyBlocks} rendering of the reply, in the channel when the
 * reply is for everyone ({@link Reply#visibleToChannel()}), else only to the caller.
 *
 * <p>Slack wants an ack within 3 s whatever the database does. An answer ready within {@code fastPath} goes
 * in the ack itself (one round trip); a slower one is acked empty at once and posted to {@code response_url}
 * when it is ready. An unexpected failure is logged once at ERROR and answered with {@link Failure#GENERIC}, never its text.
 */
public final class PlanSlashCommand implements SlackHandlers {
    public static final String COMMAND = "/plan";
    /** How long the ack waits for the answer before leaving it to {@code response_url}: well inside Slack's 3 s. */
    public static final Duration DEFAULT_FAST_PATH = Duration.ofMillis(1500);
    static final String BUSY = "planbot is busy right now: please try again in a minute.";
    private static final Logger LOG = LoggerFactory.getLogger(PlanSlashCommand.class);

    private final SlackTenancy tenancy;
    private final CommandService commands;
    private final ReplyBlocks blocks;
    private final Executor executor;
    private final Duration fastPath;

    /**
     * @param executor where commands run (bounded: a full queue is answered "busy", not queued for ever)
     * @param fastPath how long to wait for the answer before acking empty; zero always takes the slow path
     */
    public PlanSlashCommand(SlackTenancy tenancy, CommandService commands, ReplyBlocks blocks, Executor executor,
                            Duration fastPath) {
        this.tenancy = Objects.requireNonNull(tenancy, "tenancy");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.blocks = Objects.requireNonNull(blocks, "blocks");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.fastPath = Objects.requireNonNull(fastPath, "fastPath");
    }

    @Override
    public void registerOn(App app) {
        app.command(COMMAND, this::handle);
    }

    private Response handle(SlashCommandRequest request, SlashCommandContext ctx) {
        SlashCommandPayload payload = request.getPayload();
        CompletableFuture<SlashCommandResponse> answer;
        try {
            answer = CompletableFuture.supplyAsync(() -> answer(payload), executor);
        } catch (RejectedExecutionException e) {
            LOG.warn("/plan refused: the command executor is full");
            return ctx.ack(ephemeral(BUSY));
        }
        if (!fastPath.isZero()) {
            try {
                return ctx.ack(answer.get(fastPath.toMillis(), TimeUnit.MILLISECONDS));
            } catch (TimeoutException e) {
                // slow: ack now, answer later
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                // answer() catches everything; this is only for completeness
                LOG.error("/plan failed", e.getCause());
                return ctx.ack(ephemeral(Failure.GENERIC));
            }
        }
        // On the worker that finishes the command (not resubmitted: a full queue must not lose an answer); if it
        // has finished already, on this thread, just before the ack.
        answer.whenComplete((response, failure) -> {
            if (failure != null) {
                LOG.error("/plan failed", failure); // an Error: answer() catches every exception
            }
            respond(ctx, failure == null ? response : ephemeral(Failure.GENERIC));
        });
        return ctx.ack();
    }

    /** The answer to one command; never throws. The caller and the command share one database connection. */
    private SlashCommandResponse answer(SlashCommandPayload p) {
        try {
            return tenancy.withCaller(p.getEnterpriseId(), p.getTeamId(), p.getUserId(), p.getUserName(), caller -> answer(p, caller));
        } catch (RuntimeException e) {
            LOG.error("/plan failed for user {} in team {}", p.getUserId(), p.getTeamId(), e);
            return ephemeral(Failure.GENERIC);
        }
    }

    private SlashCommandResponse answer(SlashCommandPayload p, SlackTenancy.Result caller) {
        if (caller instanceof SlackTenancy.Refused) {
            return ephemeral(((SlackTenancy.Refused) caller).message());
        }
        SlackCaller c = (SlackCaller) caller;
        Reply reply = commands.handle(new CommandRequest(c.tenant().slug(), c.actor(), Source.SLACK,
                SlackText.unescape(p.getText()),
                new ChatContext(SlackTenancy.PLATFORM, c.identity().workspace(), c.identity().userId(),
                        p.getChannelId() == null || p.getChannelId().startsWith("D") ? null : p.getChannelId()))); // D…: a DM
        SlackMessage message = blocks.render(reply);
        return SlashCommandResponse.builder()
                .responseType(reply.visibleToChannel() ? "in_channel" : "ephemeral")
                .text(message.text())
                .blocks(message.blocks())
                .build();
    }

    private static void respond(SlashCommandContext ctx, SlashCommandResponse response) {
        try {
            WebhookResponse sent = ctx.respond(response);
            if (sent.getCode() != 200) {
                LOG.warn("/plan answer refused by response_url: HTTP {} {}", sent.getCode(), sent.getBody());
            }
        } catch (Exception e) {
            LOG.warn("/plan answer could not be posted to response_url", e);
        }
    }

    private static SlashCommandResponse ephemeral(String text) {
        return SlashCommandResponse.builder().responseType("ephemeral").text(SlackText.escape(text)).build();
    }
}
