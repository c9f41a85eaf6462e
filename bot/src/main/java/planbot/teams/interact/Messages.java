package planbot.teams.interact;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import planbot.answer.TaskAnswer;
import planbot.command.CommandParser;
import planbot.command.CommandRequest;
import planbot.command.CommandService;
import planbot.command.DateParser;
import planbot.command.ParseResult;
import planbot.delivery.ReminderThreads;
import planbot.platform.PlatformServices;
import planbot.reply.Reply;
import planbot.storage.Database;
import planbot.storage.InboundEventRepository;
import planbot.storage.TeamsConversation;
import planbot.teams.Activity;
import planbot.teams.TeamsText;

/**
 * Typed text: a command, or in a personal chat a reply to the reminders it holds.
 *
 * <p>In a personal chat the whole text is the command ({@code status ENF003}; a leading {@code /plan} or {@code plan}
 * is tolerated); in a channel or group chat (the caller passes only messages that mention the bot) the mention is
 * taken out by its entity ({@link TeamsText#neutral}). Text in a personal chat that is no command ({@code done},
 * {@code new date 30/06/2024 waiting on legal}) answers the open reminders sent to that chat in the last
 * {@link #REPLY_WINDOW}: one task is answered; several are asked about ({@link ReminderThreads#whichTask}, nothing
 * changed); none leaves it a command (whose parse failure is the help).
 *
 * <p>One activity id has one effect: the id of a command that changes something is marked delivered
 * ({@link InboundEventRepository}) in the same transaction as the command's effect, and a command that failed on our
 * side rolls the mark back; a lookup ({@link planbot.command.Command#readOnly()}) is recognised in memory and runs
 * outside any write transaction. Thread-safe.
 */
final class Messages {
    /** How far back the reminders a typed reply may answer were sent. */
    static final Duration REPLY_WINDOW = Duration.ofDays(14);
    private static final Logger LOG = LoggerFactory.getLogger(Messages.class);

    private final PlatformServices core;
    private final Database db;
    private final InboundEventRepository inbound;
    private final Answers answers;
    private final CommandParser parser;
    private final RecentIds recentLookups = new RecentIds(10_000);

    Messages(PlatformServices core, Database db, InboundEventRepository inbound, Answers answers) {
        this.core = Objects.requireNonNull(core, "core");
        this.db = Objects.requireNonNull(db, "db");
        this.inbound = Objects.requireNonNull(inbound, "inbound");
        this.answers = Objects.requireNonNull(answers, "answers");
        this.parser = new CommandParser(new DateParser(core.clock(), core.zone()));
    }

    void typed(Activity a, CommandRequest caller) {
        String raw = a.typed().orElseThrow();
        String text = withoutPlan(TeamsText.neutral(raw, answers.withObjectIds(a), a.botId()));
        ParseResult parsed = parser.parse(text);
        if (a.kind() == TeamsConversation.Kind.PERSONAL && !(parsed instanceof ParseResult.Parsed) && replied(a, caller, text)) {
            return;
        }
        if (parsed instanceof ParseResult.Parsed && ((ParseResult.Parsed) parsed).command().readOnly()) {
            lookup(a, caller.withText(text));
        } else {
            command(a, caller.withText(text));
        }
    }

    /** Answers the chat's open reminders with the text; false when there are none (then it is a command). */
    private boolean replied(Activity a, CommandRequest caller, String text) {
        List<ReminderThreads.ReminderThread> open = core.threads()
                .findOpenTasksSentTo(a.baseConversationId() + "|", core.clock().instant().minus(REPLY_WINDOW)).stream()
                .filter(t -> t.tenant().slug().equals(caller.tenant()))
                .collect(Collectors.toList());
        if (open.isEmpty()) {
            return false;
        }
        Optional<ReminderThreads.Addressed> addressed = ReminderThreads.addressed(open, text);
        if (addressed.isEmpty()) {
            answers.say(a, ReminderThreads.whichTask(open));
            return true;
        }
        core.answers().answer(caller, addressed.get().task().taskId(), new TaskAnswer.Text(addressed.get().reply()),
                a.id().isEmpty() ? null : a.id()).ifPresent(reply -> answers.reply(a, reply));
        return true;
    }

    /**
     * A lookup changes nothing stored: it runs outside any write transaction (on SQLite, writes take turns), and a
     * redelivery of the same activity is recognised in memory — a node that restarted between two deliveries answers
     * the lookup twice, which is harmless.
     */
    private void lookup(Activity a, CommandRequest request) {
        if (!a.id().isEmpty() && !recentLookups.firstTime(a.id())) {
            LOG.debug("Teams activity delivered again; ignored");
            return;
        }
        answers.reply(a, core.commands().handle(request));
    }

    private void command(Activity a, CommandRequest request) {
        if (a.id().isEmpty()) {
            answers.reply(a, core.commands().handle(request));
            return;
        }
        Reply reply;
        try {
            reply = db.transaction(() -> {
                if (!inbound.firstDelivery(TeamsActivities.PLATFORM, a.tenantId(), a.id(), core.clock().instant())) {
                    return null;
                }
                Reply r = core.commands().handle(request);
                if (CommandService.failedOnOurSide(r)) {
                    throw new FailedOnOurSide(r); // leaves the activity unmarked
                }
                return r;
            });
        } catch (FailedOnOurSide e) {
            reply = e.reply;
        }
        if (reply == null) {
            LOG.debug("Teams activity delivered again; ignored");
            return;
        }
        answers.reply(a, reply);
    }

    /** The text without a leading {@code /plan} or {@code plan}, which people type out of habit. */
    private static String withoutPlan(String text) {
        String t = text.strip();
        for (String prefix : new String[] {"/plan", "plan"}) {
            if (t.toLowerCase(Locale.ROOT).startsWith(prefix)
                    && (t.length() == prefix.length() || Character.isWhitespace(t.charAt(prefix.length())))) {
                return t.substring(prefix.length()).strip();
            }
        }
        return t;
    }

    /** The last {@code capacity} activity ids seen, oldest forgotten first. Thread-safe. */
    static final class RecentIds {
        private final Map<String, Boolean> seen;

        RecentIds(int capacity) {
            this.seen = new LinkedHashMap<>(16, 0.75f, false) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > capacity;
                }
            };
        }

        /** True the first time an id is seen (within the last {@code capacity}). */
        synchronized boolean firstTime(String id) {
            return seen.put(id, Boolean.TRUE) == null;
        }
    }

    /** Carries a failed command's reply out of the transaction it rolls back. */
    private static final class FailedOnOurSide extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Reply reply;

        FailedOnOurSide(Reply reply) {
            super("the command failed on our side", null, false, false);
            this.reply = reply;
        }
    }
}
