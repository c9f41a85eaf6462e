package planbot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import planbot.App;
import planbot.delivery.MessageCount;
import planbot.platform.ChatPlatform;
import planbot.delivery.Routing;
import planbot.storage.Tenant;
import planbot.scheduler.reminder.Reminder;
import planbot.scheduler.reminder.SweepResult;
import planbot.domain.UkDates;

/**
 * {@code planbot remind --at DATETIME}: one reminder sweep as of that moment, listing what it decided and how many
 * messages that makes once a recipient's reminders are grouped. The decisions are written to the outbox (unless
 * --dry-run), so running it twice decides nothing new.
 */
@Command(name = "remind", mixinStandardHelpOptions = true,
        description = {"Run one reminder sweep as of a moment and list what it decided (task, kind, recipient, key), and how",
                "many messages that makes: a recipient's reminders of one moment are posted as one message.",
                "Decisions go to the outbox for delivery; a second run at the same moment decides nothing new."})
public final class RemindCommand implements Callable<Integer> {

    @ParentCommand
    PlanbotCommand root;

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--at", paramLabel = "DATETIME", description = "The moment (London time), e.g. 2023-05-15T09:00 (default: now).")
    String at;

    @Option(names = "--dry-run", description = "Decide and list, write nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "One JSON object instead of text.")
    boolean json;

    @Override
    public Integer call() {
        Clock clock = at == null ? Clock.system(App.ZONE) : ChatCommand.clockAt(at);
        SweepResult result;
        int messages;
        try (App app = root.open(global, clock)) {
            result = app.remind(root.tenant(global), clock.instant(), dryRun);
            // as `serve` would route them: to the chat platforms that are configured, else to the console
            List<ChatPlatform> platforms = app.configuredPlatforms(root.settings);
            Routing routing = app.routing(platforms);
            platforms.forEach(ChatPlatform::close); // built only to be named; never started
            Tenant tenant = app.tenants().find(root.tenant(global)).orElseThrow();
            messages = MessageCount.of(tenant, result.decided(), routing);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode o = new ObjectMapper().createObjectNode();
            o.put("at", result.at().toString());
            o.put("dryRun", result.dryRun());
            o.put("tasksRead", result.tasksRead());
            o.put("decided", result.decided().size());
            o.put("messages", messages);
            ArrayNode list = o.putArray("reminders");
            for (Reminder r : result.decided()) {
                ObjectNode n = list.addObject();
                n.put("task", r.taskRef());
                n.put("kind", r.kind().toString());
                n.put("recipient", r.kind().recipient().name());
                n.put("recipientName", r.recipientName());
                n.put("date", r.date().toString());
                n.put("key", r.key());
            }
            out.println(o);
        } else {
            out.println((result.dryRun() ? "Would decide " : "Decided ") + result.decided().size()
                    + (result.decided().size() == 1 ? " reminder" : " reminders") + " as of "
                    + result.at().atZone(App.ZONE).format(DateTimeFormatter.ofPattern("EEEE dd/MM/yyyy HH:mm")) + ":");
            for (Reminder r : result.decided()) {
                out.printf("  %-12s %-16s to %-16s %s  %s%n", r.taskRef(), r.kind(), r.kind().recipient().name().toLowerCase(java.util.Locale.ROOT)
                        + (r.recipientName() == null ? "" : " " + r.recipientName()), UkDates.format(r.date()), r.key());
            }
            if (result.decided().isEmpty()) {
                out.println("  nothing is due (a weekend or bank holiday, or everything was already decided)");
            } else {
                out.println((result.dryRun() ? "They would be posted as " : "They will be posted as ")
                        + messages + (messages == 1 ? " message" : " messages")
                        + " (one per recipient: a person's or a channel's reminders go together).");
            }
        }
        out.flush();
        return 0;
    }
}
