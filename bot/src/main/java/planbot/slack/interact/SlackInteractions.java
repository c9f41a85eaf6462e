package planbot.slack.interact;

import com.slack.api.bolt.App;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.Executor;
import planbot.answer.TaskAnswerService;
import planbot.command.CommandService;
import planbot.delivery.NoticeBuilder;
import planbot.delivery.ReminderThreads;
import planbot.slack.SlackHandlers;
import planbot.slack.SlackTenancy;
import planbot.doctor.Welcome;
import planbot.slack.render.NoticeBlocks;
import planbot.slack.render.ReplyBlocks;
import planbot.storage.OutboxRepository;

/**
 * Every interactive Slack handler, built from the parts the composition root has, registered on a Bolt {@link App} in
 * one call: the reminder buttons and the new-date modal ({@link ReminderButtons}), replies in a reminder's thread
 * ({@link ThreadReplies}, asking about free text with {@link NoteQuestion}), the App Home ({@link HomeTab}) and an
 * assessment's score buttons ({@link AssessButtons}).
 *
 * <p>{@code later} runs what happens after a handler has acknowledged (answering a click, confirming in a thread,
 * publishing the home view): a small pool in production, owned and shut down by the caller. Thread-safe.
 */
public final class SlackInteractions implements SlackHandlers {
    private final ReminderButtons buttons;
    private final ThreadReplies threadReplies;
    private final HomeTab home;
    private final AssessButtons assess;

    /** The parts, by role. */
    public record Parts(SlackTenancy tenancy, CommandService commands, TaskAnswerService answers, OutboxRepository outbox,
                        NoticeBuilder notices, ReminderThreads threads, Welcome welcome) {
        public Parts {
            java.util.Objects.requireNonNull(tenancy, "tenancy");
            java.util.Objects.requireNonNull(commands, "commands");
            java.util.Objects.requireNonNull(answers, "answers");
            java.util.Objects.requireNonNull(outbox, "outbox");
            java.util.Objects.requireNonNull(notices, "notices");
            java.util.Objects.requireNonNull(threads, "threads");
            java.util.Objects.requireNonNull(welcome, "welcome");
        }
    }

    public SlackInteractions(Parts parts, Executor later, Clock clock, ZoneId zone) {
        Interactions support = new Interactions(parts.tenancy(), later, clock, zone);
        TaskAnswerService answers = parts.answers();
        this.home = new HomeTab(support, parts.commands(), answers, parts.welcome(), new ReplyBlocks(zone));
        Outcomes outcomes = new Outcomes(support, new ReminderMessages(parts.outbox(), parts.notices(), new NoticeBlocks()), home);
        this.buttons = new ReminderButtons(support, answers, outcomes, new NewDateModal(support, answers, outcomes));
        this.threadReplies = new ThreadReplies(support, parts.threads(), answers, new NoteQuestion(support, answers));
        this.assess = new AssessButtons(support, parts.commands(), new ReplyBlocks(zone));
    }

    /** Registers every handler on the app; call once, before it serves. */
    @Override
    public void registerOn(App app) {
        buttons.registerOn(app);
        threadReplies.registerOn(app);
        home.registerOn(app);
        assess.registerOn(app);
    }
}
