package planbot.platform;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import planbot.answer.TaskAnswerService;
import planbot.command.CommandService;
import planbot.delivery.NoticeBuilder;
import planbot.delivery.ReminderThreads;
import planbot.doctor.Welcome;
import planbot.storage.OutboxRepository;
import planbot.tenancy.Tenancy;

/**
 * What the core offers every chat platform, handed to a platform's factory by the composition root: who is calling
 * ({@link Tenancy}), commands, answers to a task by id (buttons, forms, thread replies), the notices a reminder
 * message is redrawn from, which tasks a posted message is about, and the welcome. A platform takes what it needs
 * and builds nothing of the core itself. All parts are thread-safe.
 *
 * @param clock    the app's clock (signatures' freshness, "today")
 * @param zone     the councils' zone, for dates shown
 * @param outbox   the outbox, to find the rows a posted message carried
 * @param welcome  the checklist the first user of a workspace gets, once
 */
public record PlatformServices(Clock clock, ZoneId zone, Tenancy tenancy, CommandService commands, TaskAnswerService answers,
                               OutboxRepository outbox, NoticeBuilder notices, ReminderThreads threads,
                               Welcome welcome) {
    public PlatformServices {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(tenancy, "tenancy");
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(answers, "answers");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(notices, "notices");
        Objects.requireNonNull(threads, "threads");
        Objects.requireNonNull(welcome, "welcome");
    }
}
