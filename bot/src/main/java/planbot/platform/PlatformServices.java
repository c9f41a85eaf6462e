package planbot.platform;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import planbot.command.CommandService;
import planbot.command.ReminderReplyService;
import planbot.delivery.NoticeBuilder;
import planbot.delivery.ReminderThreads;
import planbot.scheduler.reminder.PolicySource;
import planbot.storage.AuditRepository;
import planbot.storage.ChannelRepository;
import planbot.storage.Database;
import planbot.storage.InboundEventRepository;
import planbot.storage.OutboxRepository;
import planbot.storage.PersonRepository;
import planbot.storage.TaskRepository;
import planbot.storage.TenantRepository;
import planbot.storage.WorkspaceRepository;
import planbot.tenancy.Tenancy;

/**
 * What the core offers every chat platform, handed to a platform's factory by the composition root: the neutral
 * services (who is calling, commands, reminder replies, notices, reminder threads) and the repositories an adapter reads. A platform
 * takes what it needs and builds nothing of the core itself. All parts are thread-safe.
 */
public record PlatformServices(Database db, Clock clock, ZoneId zone, TenantRepository tenants, PersonRepository people,
                               AuditRepository audit, WorkspaceRepository workspaces, ChannelRepository channels,
                               Tenancy tenancy, TaskRepository tasks, OutboxRepository outbox, InboundEventRepository inbound,
                               PolicySource policies, CommandService commands, ReminderReplyService reminderReplies,
                               NoticeBuilder notices, ReminderThreads threads) {
    public PlatformServices {
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(tenants, "tenants");
        Objects.requireNonNull(people, "people");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(workspaces, "workspaces");
        Objects.requireNonNull(channels, "channels");
        Objects.requireNonNull(tenancy, "tenancy");
        Objects.requireNonNull(tasks, "tasks");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(inbound, "inbound");
        Objects.requireNonNull(policies, "policies");
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(reminderReplies, "reminderReplies");
        Objects.requireNonNull(notices, "notices");
        Objects.requireNonNull(threads, "threads");
    }
}
