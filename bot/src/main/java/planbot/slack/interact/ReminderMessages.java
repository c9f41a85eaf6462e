package planbot.slack.interact;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import planbot.delivery.Notice;
import planbot.delivery.NoticeBuilder;
import planbot.delivery.ReminderNotice;
import planbot.delivery.Undeliverable;
import planbot.slack.delivery.SlackPoster;
import planbot.slack.SlackText;
import planbot.slack.render.NoticeBlocks;
import planbot.slack.render.SlackMessage;
import planbot.storage.OutboxMessage;
import planbot.storage.OutboxRepository;
import planbot.storage.Tenant;

/**
 * Redraws a reminder that was answered: the reminder as its task is now (re-read through the {@link NoticeBuilder}
 * from the outbox row that sent it), with a line saying who answered what, and without its buttons once the task is
 * finished; a message about several tasks is redrawn whole, each task as it is now. The caller puts the result in
 * place with {@code chat.update}.
 *
 * <p>Thread-safe; storage failures propagate.
 */
final class ReminderMessages {
    private final OutboxRepository outbox;
    private final NoticeBuilder notices;
    private final NoticeBlocks blocks;

    public ReminderMessages(OutboxRepository outbox, NoticeBuilder notices, NoticeBlocks blocks) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.notices = Objects.requireNonNull(notices, "notices");
        this.blocks = Objects.requireNonNull(blocks, "blocks");
    }

    /**
     * The reminder posted at {@code channel}/{@code ts}, redrawn with {@code outcome} (plain text, escaped here) under
     * it; empty when that message is not a reminder of {@code tenant} (then there is nothing to redraw).
     *
     * @param finished true to leave the buttons off: the task needs no more answers
     */
    public Optional<SlackMessage> withOutcome(Tenant tenant, String channel, String ts, String outcome, boolean finished,
                                              Instant now) {
        List<OutboxMessage> rows = outbox.findAllByPlatformMessageId(SlackPoster.messageId(channel, ts));
        if (rows.isEmpty() || rows.get(0).entry().tenantId() != tenant.id()) {
            return Optional.empty();
        }
        if (rows.size() > 1) {
            // a message about several tasks: all of them as they are now, each finished one without buttons
            return notices.group(tenant, rows, now).map(g -> withOutcome(blocks.group(g), outcome));
        }
        Notice notice;
        try {
            notice = notices.build(tenant, rows.get(0), now);
        } catch (Undeliverable e) {
            return Optional.empty();
        }
        if (!(notice instanceof ReminderNotice)) {
            return Optional.empty();
        }
        ReminderNotice r = (ReminderNotice) notice;
        if (finished) {
            r = r.withoutButtons();
        }
        return Optional.of(withOutcome(blocks.reminder(r), outcome));
    }

    private static SlackMessage withOutcome(SlackMessage drawn, String outcome) {
        List<LayoutBlock> withOutcome = new ArrayList<>(drawn.blocks());
        withOutcome.add(outcomeBlock(outcome));
        return new SlackMessage(drawn.text(), withOutcome);
    }

    /** A context line of plain text, escaped: what was done, by whom, when. */
    static ContextBlock outcomeBlock(String outcome) {
        return ContextBlock.builder().blockId("planbot_outcome")
                .elements(List.of(MarkdownTextObject.builder()
                        .text(SlackText.escapeAndCut(outcome, NoticeBlocks.MAX_SECTION)).build()))
                .build();
    }
}
