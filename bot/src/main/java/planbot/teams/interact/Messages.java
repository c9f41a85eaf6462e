package planbot.teams.interact;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import planbot.answer.TaskAnswer;
import planbot.command.Command;
import planbot.command.CommandParser;
import planbot.command.CommandRequest;
import planbot.command.DateParser;
import planbot.command.ParseResult;
import planbot.delivery.ReminderThreads;
import planbot.platform.OnceCommands;
import planbot.platform.PlatformServices;
import planbot.reply.Reply;
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
 * <p>One activity id has one effect ({@link OnceCommands}). Thread-safe.
 */
final class Messages {
    /** How far back the reminders a typed reply may answer were sent. */
    static final Duration REPLY_WINDOW = Duration.ofDays(14);
    private static final Logger LOG = LoggerFactory.getLogger(Messages.class);

    private final PlatformServices core;
    private final OnceCommands once;
    private final Answers answers;
    private final CommandParser parser;

    Messages(PlatformServices core, OnceCommands once, Answers answers) {
        this.core = Objects.requireNonNull(core, "core");
        this.once = Objects.requireNonNull(once, "once");
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
        Command secret = parsed instanceof ParseResult.Parsed ? ((ParseResult.Parsed) parsed).command() : null;
        if (a.kind() != TeamsConversation.Kind.PERSONAL && (secret instanceof Command.Web || secret instanceof Command.Calendar)) {
            // Teams has no reply only the asker sees in a channel
            answers.say(a, secret instanceof Command.Web ? Command.Web.ONLY_PRIVATELY : Command.Calendar.ONLY_PRIVATELY);
            return;
        }
        Optional<Reply> reply = once.handle(TeamsActivities.PLATFORM, a.tenantId(), a.id(), caller.withText(text));
        if (reply.isEmpty()) {
            LOG.debug("Teams activity delivered again; ignored");
            return;
        }
        answers.reply(a, reply.get());
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
}
