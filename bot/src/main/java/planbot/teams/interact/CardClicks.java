package planbot.teams.interact;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import planbot.answer.ButtonValue;
import planbot.answer.TaskAnswer;
import planbot.answer.TaskAnswerService;
import planbot.command.CommandRequest;
import planbot.command.DateParser;
import planbot.command.DateResult;
import planbot.delivery.Button;
import planbot.delivery.Notice;
import planbot.delivery.Undeliverable;
import planbot.platform.PlatformServices;
import planbot.reply.Confirmation;
import planbot.reply.Reply;
import planbot.storage.OutboxMessage;
import planbot.storage.TaskRow;
import planbot.storage.Tenant;
import planbot.teams.Activity;
import planbot.teams.render.CardAction;
import planbot.teams.render.NoticeCards;
import planbot.tenancy.Caller;

/**
 * A click on a reminder card's button: an {@code Action.Submit} (a message with a {@code value} and no text) or an
 * {@code Action.Execute} (an {@code adaptiveCard/action} invoke). The value is decoded ({@link CardAction}) and the
 * task looked for only in the caller's tenant (another tenant's task gets {@link TaskAnswerService#UNKNOWN_TASK},
 * exactly as a removed one); Done, On target, At risk and Snooze answer at once; New date takes the card's date input
 * ({@code yyyy-MM-dd}, or typed) through the same {@link DateParser} rules as chat (a date that does not exist is told,
 * nothing changed) and its reason. A change replaces the card in place with who did what, without buttons once the task
 * is finished: the card is redrawn from the outbox rows the message carried (message id
 * {@code <conversationId>|<activityId>}); anything else (a refusal, a card that cannot be redrawn) is answered in the
 * conversation. One click id has one effect. Thread-safe.
 */
final class CardClicks {
    private final PlatformServices core;
    private final Answers answers;
    private final NoticeCards cards;
    private final DateParser dates;
    private final DateTimeFormatter moment = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.UK);

    CardClicks(PlatformServices core, Answers answers, NoticeCards cards) {
        this.core = Objects.requireNonNull(core, "core");
        this.answers = Objects.requireNonNull(answers, "answers");
        this.cards = Objects.requireNonNull(cards, "cards");
        this.dates = new DateParser(core.clock(), core.zone());
    }

    void click(Activity a, Caller who, CommandRequest caller) {
        Optional<String> assess = CardAction.assessCommand(a.value());
        if (assess.isPresent()) {
            // an assessment's score button: its command, run as the clicker in this conversation, as if typed
            answers.reply(a, core.commands().handle(caller.withText(assess.get())));
            return;
        }
        if (CardAction.declined(a.value())) {
            answers.say(a, "OK: nothing was added.");
            return;
        }
        Optional<CardAction.Clicked> clicked = CardAction.decode(a.value());
        Optional<TaskRow> task = clicked.flatMap(c -> core.answers().task(caller, c.button()));
        if (task.isEmpty()) {
            answers.say(a, TaskAnswerService.UNKNOWN_TASK);
            return;
        }
        ButtonValue button = clicked.get().button();
        TaskAnswer answer;
        if (button.note() != null) {
            answer = new TaskAnswer.Note(button.note());
        } else if (button.choice() == Button.Choice.NEW_DATE) {
            DateResult date = dates.parse(chatDate(clicked.get().date().orElse("")));
            if (date instanceof DateResult.Invalid) {
                answers.say(a, ((DateResult.Invalid) date).message());
                return;
            }
            if (date instanceof DateResult.NotADate) {
                answers.say(a, "Pick the new target date.");
                return;
            }
            answer = new TaskAnswer.NewDate(((DateResult.Ok) date).date(), clicked.get().reason().orElse(null));
        } else {
            answer = new TaskAnswer.Choice(button.choice());
        }
        Optional<Reply> reply = core.answers().answer(caller, task.get().id(), answer, a.id().isEmpty() ? null : a.id());
        if (reply.isEmpty()) {
            return; // this click was delivered before
        }
        if (!(reply.get() instanceof Confirmation) || !redrawn(a, who, (Confirmation) reply.get())) {
            answers.reply(a, reply.get());
        }
    }

    /** Replaces the clicked card with the notice as it is now and the outcome; false when it cannot. */
    private boolean redrawn(Activity a, Caller caller, Confirmation c) {
        if (a.replyToId().isEmpty()) {
            return false;
        }
        Instant now = core.clock().instant();
        Tenant tenant = caller.tenant();
        List<OutboxMessage> rows = core.outbox().findAllByPlatformMessageId(a.baseConversationId() + "|" + a.replyToId());
        if (rows.isEmpty() || rows.get(0).entry().tenantId() != tenant.id()) {
            return false;
        }
        Optional<Notice> notice;
        if (rows.size() > 1) {
            notice = core.notices().group(tenant, rows, now).map(g -> g);
        } else {
            try {
                notice = Optional.of(core.notices().build(tenant, rows.get(0), now));
            } catch (Undeliverable e) {
                notice = Optional.empty();
            }
        }
        boolean finished = c.task() != null && c.task().status() != null && c.task().status().kind().isFinished();
        String outcome = caller.actor().displayName() + ": " + c.text() + " (" + moment.format(now.atZone(core.zone())) + ")";
        return notice.isPresent() && answers.replace(a, cards.outcome(notice.get(), outcome, finished));
    }

    /** An {@code Input.Date} value ({@code 2024-06-30}) as chat writes it ({@code 30/06/2024}); typed text as it is. */
    private static String chatDate(String picked) {
        String p = picked.strip();
        return p.matches("\\d{4}-\\d{2}-\\d{2}") ? p.substring(8) + "/" + p.substring(5, 7) + "/" + p.substring(0, 4) : p;
    }
}
