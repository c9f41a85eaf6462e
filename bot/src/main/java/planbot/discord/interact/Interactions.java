package planbot.discord.interact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import planbot.answer.ButtonValue;
import planbot.answer.TaskAnswer;
import planbot.answer.TaskAnswerService;
import planbot.command.ChatContext;
import planbot.command.CommandRequest;
import planbot.command.CommandService;
import planbot.command.DateParser;
import planbot.command.DateResult;
import planbot.delivery.Button;
import planbot.delivery.Notice;
import planbot.delivery.Undeliverable;
import planbot.discord.delivery.DiscordMessenger;
import planbot.discord.render.ComponentIds;
import planbot.discord.render.NewDateModal;
import planbot.discord.render.NoticeMessages;
import planbot.discord.render.ReplyEmbeds;
import planbot.discord.rest.DiscordFailure;
import planbot.discord.rest.DiscordRest;
import planbot.domain.Source;
import planbot.platform.OnceCommands;
import planbot.platform.PlatformServices;
import planbot.reply.Confirmation;
import planbot.reply.Failure;
import planbot.reply.Reply;
import planbot.storage.Database;
import planbot.storage.InboundEventRepository;
import planbot.storage.JdbiInboundEventRepository;
import planbot.storage.OutboxMessage;
import planbot.storage.TaskRow;
import planbot.tenancy.Caller;
import planbot.tenancy.Tenancy;

/**
 * The one handler of Discord interactions, for both modes: HTTP interactions ({@code POST /discord/interactions})
 * and the gateway (JDA's raw {@code INTERACTION_CREATE} payload). It reads the raw JSON ({@link Interaction}), finds
 * the council and the person ({@link Tenancy}: the guild's binding; in a DM, the council the user is linked in), and
 * answers:
 * <ul>
 * <li>{@code /plan <subcommand>} → the command text ({@link PlanCommandSpec#commandText}) through the
 * {@link CommandService}: an embed, ephemeral for a lookup, public for a change;
 * <li>autocomplete of {@code ref} → the best 25 refs ({@link RefChoices});
 * <li>a reminder's button → the task answered by id ({@link TaskAnswerService}, only in the caller's tenant), the
 * reminder redrawn in place from its outbox rows with the outcome ({@link NoticeMessages#outcome}); New date → the
 * modal ({@link NewDateModal}); a grouped reminder's select → that task's buttons, for the caller only;
 * <li>the New date modal → the date read by the chat's rules (day first; an impossible date is told, nothing changed).
 * </ul>
 *
 * <p>Deadline: Discord wants the initial response within 3 s. The work runs on {@code work}; the answer goes to
 * {@code respond} when it is ready within {@link #FAST_PATH}, else a deferral does (type 5, or 6 for a component) and
 * the answer follows through the interaction webhook ({@link DiscordRest#editOriginal}, or a follow-up for a message
 * after a component). An autocomplete cannot be deferred: it answers no choices then.
 *
 * <p>One interaction id has one effect: a change is marked delivered ({@link InboundEventRepository}) in the
 * transaction of its effect; a lookup is recognised in memory (a gateway reconnect may replay it; answering twice is
 * harmless). Thread-safe; {@link #handle} never blocks and never throws: a failure is logged with the interaction's
 * type and answered with {@link Failure#GENERIC}, never its text.
 */
public final class Interactions {
    /** How long the answer may take before the interaction is deferred: well inside Discord's 3 s. */
    public static final Duration FAST_PATH = Duration.ofMillis(2500);
    static final String PLATFORM = Source.DISCORD.word();
    static final String BUSY = "planbot is busy right now: please try again in a minute.";
    static final String DM_UNKNOWN = "I can't tell which council's plan you mean here: use `/plan` in your server, where"
            + " an admin can link your account to your name in the plan.";
    static final int EPHEMERAL = 64;
    private static final Logger LOG = LoggerFactory.getLogger(Interactions.class);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final PlatformServices core;
    private final Database db;
    private final InboundEventRepository inbound;
    private final DiscordRest rest;
    private final ReplyEmbeds embeds;
    private final NoticeMessages notices;
    private final String applicationId;
    private final Executor work;
    private final DateParser dates;
    private final RefChoices refs;
    private final OnceCommands once;
    private final DateTimeFormatter moment = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.UK);

    /**
     * @param db            where a change's interaction id is marked delivered, in the change's transaction
     * @param rest          for the answers that follow a deferral
     * @param applicationId the application's id ({@code DISCORD_APPLICATION_ID}), for the interaction webhook
     * @param work          where interactions are handled (bounded: a full queue is answered "busy")
     */
    public Interactions(PlatformServices core, Database db, DiscordRest rest, ReplyEmbeds embeds, NoticeMessages notices,
                        String applicationId, Executor work) {
        this.core = Objects.requireNonNull(core, "core");
        this.db = Objects.requireNonNull(db, "db");
        this.inbound = new JdbiInboundEventRepository(db);
        this.once = new OnceCommands(db, inbound, core);
        this.rest = Objects.requireNonNull(rest, "rest");
        this.embeds = Objects.requireNonNull(embeds, "embeds");
        this.notices = Objects.requireNonNull(notices, "notices");
        this.applicationId = Objects.requireNonNull(applicationId, "applicationId");
        this.work = Objects.requireNonNull(work, "work");
        this.dates = new DateParser(core.clock(), core.zone());
        this.refs = new RefChoices(core.commands());
    }

    /**
     * Handles one verified interaction (raw JSON as Discord sends it); the initial response goes to {@code respond}
     * within {@link #FAST_PATH} (deferred when the answer is slow), later edits via REST. {@code respond} is called
     * exactly once, on a worker or timer thread (or on this one, for a PING, a malformed interaction or a full queue).
     */
    public void handle(JsonNode interaction, Consumer<ObjectNode> respond) {
        Objects.requireNonNull(respond, "respond");
        Interaction i;
        try {
            i = Interaction.read(interaction);
        } catch (Interaction.Malformed e) {
            LOG.warn("refused a Discord interaction: {}", e.getMessage());
            respond.accept(message(say(Failure.GENERIC), true));
            return;
        }
        if (i.type() == Interaction.PING) {
            respond.accept(JSON.objectNode().put("type", 1));
            return;
        }
        CompletableFuture<ObjectNode> answer;
        try {
            answer = CompletableFuture.supplyAsync(() -> answer(i), work);
        } catch (RejectedExecutionException e) {
            LOG.warn("Discord interaction refused: the executor is full");
            respond.accept(i.type() == Interaction.AUTOCOMPLETE ? choices(JSON.arrayNode()) : message(say(BUSY), true));
            return;
        }
        answer.copy().completeOnTimeout(null, FAST_PATH.toMillis(), TimeUnit.MILLISECONDS).thenAccept(ready -> {
            if (ready != null) {
                respond.accept(ready);
                return;
            }
            respond.accept(deferral(i));
            answer.thenAccept(late -> follow(i, late));
        });
    }

    /** The response that buys time: the answer then follows through the interaction webhook ({@link #follow}). */
    private ObjectNode deferral(Interaction i) {
        if (i.type() == Interaction.AUTOCOMPLETE) {
            return choices(JSON.arrayNode()); // no deferring an autocomplete: no choices this time
        }
        if (i.type() == Interaction.COMPONENT || (i.type() == Interaction.MODAL_SUBMIT && !i.messageId().isEmpty())) {
            return JSON.objectNode().put("type", 6);
        }
        ObjectNode deferred = JSON.objectNode().put("type", 5);
        if (i.type() != Interaction.COMMAND || once.answeredPrivately(PlanCommandSpec.commandText(i.data()))) {
            deferred.putObject("data").put("flags", EPHEMERAL);
        }
        return deferred;
    }

    /** Sends an answer that was not ready in time, as the edit or follow-up its deferral allows. */
    private void follow(Interaction i, ObjectNode response) {
        int type = response.path("type").asInt();
        if (i.type() == Interaction.AUTOCOMPLETE || type == 5 || type == 6) {
            return; // nothing more to say (delivered before)
        }
        ObjectNode body = response.path("data").isObject() ? (ObjectNode) response.path("data") : say(Failure.GENERIC);
        try {
            boolean deferredUpdate = i.type() == Interaction.COMPONENT || (i.type() == Interaction.MODAL_SUBMIT && !i.messageId().isEmpty());
            if (type == 9) {
                rest.followUp(applicationId, i.token(), withFlags(say("That took too long: click New date again."), true));
            } else if (deferredUpdate && type != 7) {
                rest.followUp(applicationId, i.token(), body); // a message after a click: not over the reminder
            } else {
                body.remove("flags"); // set once by the deferral; an edit cannot change it
                rest.editOriginal(applicationId, i.token(), body);
            }
        } catch (DiscordFailure e) {
            LOG.warn("Discord refused a deferred answer: HTTP {} code {}", e.status(), e.code());
        }
    }

    /** The answer to one interaction, as its initial response; never throws. */
    private ObjectNode answer(Interaction i) {
        try {
            Tenancy.Result who = caller(i);
            if (who instanceof Tenancy.Refused) {
                return i.type() == Interaction.AUTOCOMPLETE ? choices(JSON.arrayNode())
                        : message(say(((Tenancy.Refused) who).message()), true);
            }
            Caller caller = (Caller) who;
            CommandRequest request = new CommandRequest(caller.tenant().slug(), caller.actor(), Source.DISCORD, "",
                    new ChatContext(PLATFORM, caller.identity().workspace(), i.userId(),
                            i.inDm() || i.channelId().isEmpty() ? null : i.channelId()));
            switch (i.type()) {
                case Interaction.COMMAND:
                    return command(i, request.withText(PlanCommandSpec.commandText(i.data())));
                case Interaction.AUTOCOMPLETE:
                    return choices(refs.choices(request.tenant(), PlanCommandSpec.focused(i.data())));
                case Interaction.COMPONENT:
                    return component(i, caller, request);
                case Interaction.MODAL_SUBMIT:
                    return modal(i, caller, request);
                default:
                    return message(say("I don't know what to do with that."), true);
            }
        } catch (RuntimeException e) {
            LOG.error("Discord interaction of type {} failed", i.type(), e);
            return i.type() == Interaction.AUTOCOMPLETE ? choices(JSON.arrayNode()) : message(say(Failure.GENERIC), true);
        }
    }

    /** The guild's council, or in a DM the one council the user is linked in. */
    private Tenancy.Result caller(Interaction i) {
        Optional<String> workspace = i.inDm() ? core.tenancy().onlyWorkspaceOf(Source.DISCORD, i.userId())
                : Optional.of(i.guildId());
        if (workspace.isEmpty()) {
            return new Tenancy.Refused(DM_UNKNOWN);
        }
        return core.tenancy().resolve(Source.DISCORD, "", workspace.get(), i.userId(), i.userName());
    }

    // ---- /plan

    private ObjectNode command(Interaction i, CommandRequest request) {
        return once.handle(PLATFORM, request.chat().workspace(), i.id(), request)
                .map(this::reply).orElseGet(Interactions::deliveredBefore);
    }

    /**
     * The answer to an interaction seen before (a gateway replay after a reconnect): it was answered then, so this one
     * only acknowledges, and {@link #follow} adds nothing.
     */
    private static ObjectNode deliveredBefore() {
        LOG.debug("Discord interaction delivered again; ignored");
        return JSON.objectNode().put("type", 5);
    }

    /** True for command text that only reads: its answer is for the caller alone. */
    private ObjectNode reply(Reply reply) {
        return message(embeds.render(reply), !reply.visibleToChannel());
    }

    // ---- buttons, selects and the modal

    private ObjectNode component(Interaction i, Caller caller, CommandRequest request) {
        JsonNode data = i.data();
        boolean select = data.path("component_type").asInt() == 3;
        String id = select ? data.path("values").path(0).asText("") : data.path("custom_id").asText("");
        if (id.equals(ComponentIds.NO)) {
            return message(say("OK: nothing was added."), true);
        }
        Optional<ButtonValue> value = ComponentIds.decode(id, caller.tenant().slug());
        Optional<TaskRow> task = value.flatMap(v -> core.answers().task(request, v));
        if (task.isEmpty()) {
            return message(say(TaskAnswerService.UNKNOWN_TASK), true);
        }
        ButtonValue button = value.get();
        if (select) {
            return message(buttonsFor(caller, task.get(), button.outboxId()), true);
        }
        if (button.choice() == Button.Choice.NEW_DATE) {
            return JSON.objectNode().put("type", 9).set("data", NewDateModal.modal(button));
        }
        TaskAnswer answer = button.note() != null ? new TaskAnswer.Note(button.note()) : new TaskAnswer.Choice(button.choice());
        return answered(i, caller, request, task.get(), answer);
    }

    private ObjectNode modal(Interaction i, Caller caller, CommandRequest request) {
        Optional<NewDateModal.Submitted> submitted = NewDateModal.read(i.data());
        // read again with the caller's tenant: a long slug travels hashed in the custom_id
        Optional<ButtonValue> button = submitted.flatMap(s -> ComponentIds.decode(i.data().path("custom_id").asText(""),
                caller.tenant().slug()));
        Optional<TaskRow> task = button.flatMap(b -> core.answers().task(request, b));
        if (task.isEmpty()) {
            return message(say(TaskAnswerService.UNKNOWN_TASK), true);
        }
        DateResult date = dates.parse(submitted.get().date());
        if (date instanceof DateResult.Invalid) {
            return message(say(((DateResult.Invalid) date).message()), true);
        }
        if (date instanceof DateResult.NotADate) {
            return message(say("Type the new target date day first, like 30/06/2024."), true);
        }
        return answered(i, caller, request, task.get(),
                new TaskAnswer.NewDate(((DateResult.Ok) date).date(), submitted.get().reason().orElse(null)));
    }

    /** Applies an answer; a change redraws the reminder it was clicked on, anything else is told to the caller. */
    private ObjectNode answered(Interaction i, Caller caller, CommandRequest request, TaskRow task, TaskAnswer answer) {
        Optional<Reply> reply = core.answers().answer(request, task.id(), answer, i.id());
        if (reply.isEmpty()) {
            return JSON.objectNode().put("type", 6); // delivered before: it took effect then
        }
        if (reply.get() instanceof Confirmation && !i.messageId().isEmpty()) {
            Optional<ObjectNode> redrawn = redrawn(i, caller, (Confirmation) reply.get());
            if (redrawn.isPresent()) {
                return JSON.objectNode().put("type", 7).set("data", redrawn.get());
            }
        }
        return reply(reply.get());
    }

    /** The reminder the click was on, as it is now with the outcome at its foot; empty when it cannot be redrawn. */
    private Optional<ObjectNode> redrawn(Interaction i, Caller caller, Confirmation c) {
        List<OutboxMessage> rows = rowsOf(i);
        if (rows.isEmpty() || rows.get(0).entry().tenantId() != caller.tenant().id()) {
            return Optional.empty();
        }
        Instant now = core.clock().instant();
        Optional<Notice> notice;
        if (rows.size() > 1) {
            notice = core.notices().group(caller.tenant(), rows, now).map(g -> g);
        } else {
            try {
                notice = Optional.of(core.notices().build(caller.tenant(), rows.get(0), now));
            } catch (Undeliverable e) {
                notice = Optional.empty();
            }
        }
        boolean finished = c.task() != null && c.task().status() != null && c.task().status().kind().isFinished();
        String outcome = "✓ " + caller.actor().displayName() + ": " + c.text() + " ("
                + moment.format(now.atZone(core.zone())) + ")";
        return notice.map(n -> notices.outcome(n, outcome, finished));
    }

    /** The outbox rows of the message a component was on, as the messenger recorded it. */
    private List<OutboxMessage> rowsOf(Interaction i) {
        return core.outbox().findAllByPlatformMessageId(DiscordMessenger.messageId(i.channelId(), i.messageId()));
    }

    /** A grouped reminder's task, picked in its select: that task's buttons, for the caller only. */
    private ObjectNode buttonsFor(Caller caller, TaskRow task, long outboxId) {
        ObjectNode body = say("What's the news on " + core.commands().refOf(caller.tenant().slug(), task.id())
                .map(Object::toString).orElse(task.ref()) + "?");
        ArrayNode row = body.putArray("components").addObject().put("type", 1).putArray("components");
        for (Button b : core.answers().buttons(caller.tenant())) {
            row.addObject().put("type", 2).put("style", b.choice() == Button.Choice.DONE ? 3 : 2).put("label", b.label())
                    .put("custom_id", ComponentIds.encode(new ButtonValue(caller.tenant().slug(), task.id(), outboxId, b.choice())));
        }
        return body;
    }

    // ---- responses

    /** A sentence of ours as a message body; nothing in it can ping. */
    private static ObjectNode say(String sentence) {
        ObjectNode body = JSON.objectNode().put("content", sentence);
        body.putObject("allowed_mentions").putArray("parse");
        return body;
    }

    /** An interaction response with a message (type 4), ephemeral or for the channel. */
    private static ObjectNode message(ObjectNode body, boolean ephemeral) {
        if (!body.has("allowed_mentions")) {
            body.putObject("allowed_mentions").putArray("parse"); // nothing we send may ping
        }
        return JSON.objectNode().put("type", 4).set("data", withFlags(body, ephemeral));
    }

    private static ObjectNode withFlags(ObjectNode body, boolean ephemeral) {
        if (ephemeral) {
            body.put("flags", body.path("flags").asInt(0) | EPHEMERAL);
        }
        return body;
    }

    private static ObjectNode choices(ArrayNode choices) {
        ObjectNode response = JSON.objectNode().put("type", 8);
        response.putObject("data").set("choices", choices);
        return response;
    }
}
