package planbot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import planbot.App;
import planbot.config.ConfigException;
import planbot.doctor.Report;
import planbot.platform.ChatPlatform;
import planbot.platform.Finding;
import planbot.storage.StorageException;

/**
 * {@code planbot doctor [--json]}: the council's set-up checked (the database, each configured chat platform against
 * the platform itself, workspaces, admins, channels, people, digests, waiting messages, the policy and the next send),
 * each finding with the command that fixes it. Exit codes: 0 when every reminder can be delivered (warnings may
 * remain), 2 when a problem stops reminders (a database that cannot be opened and a malformed chat setting are
 * problems too), 1 for a bad option.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Check the set-up and say what is missing, each with the command that fixes it.",
                "Exit code: 0 reminders can be delivered (warnings may remain); 2 a problem stops them; 1 a bad option."})
public final class DoctorCommand implements Callable<Integer> {
    @ParentCommand
    PlanbotCommand root;

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "One JSON object instead of text.")
    boolean json;

    @Override
    public Integer call() {
        String tenant = root.tenant(global);
        Report report;
        try (App app = root.open(global)) {
            List<ChatPlatform> platforms;
            try {
                platforms = app.configuredPlatforms(root.settings);
            } catch (ConfigException e) {
                // the sentence names the key, never a secret's value
                return print(new Report(tenant, List.of(Finding.problem("chat settings", e.getMessage() + ".",
                        "fix the setting in .env or the environment (README → Settings)"))));
            }
            try {
                report = app.doctor().examine(tenant, platforms);
            } finally {
                platforms.forEach(ChatPlatform::close); // built only to be checked; never started
            }
        } catch (StorageException e) {
            return print(new Report(tenant, List.of(Finding.problem("database", "The database could not be opened or migrated ("
                    + e.getMessage() + ").", "check PLANBOT_DB_URL (or --db), then run `./planbot doctor` again"))));
        }
        return print(report);
    }

    private int print(Report report) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode o = new ObjectMapper().createObjectNode();
            o.put("tenant", report.tenant());
            o.put("deliverable", report.deliverable());
            o.put("problems", report.count(Finding.Severity.PROBLEM));
            o.put("warnings", report.count(Finding.Severity.WARNING));
            ArrayNode list = o.putArray("findings");
            for (Finding f : report.findings()) {
                list.addObject().put("severity", f.severity().name().toLowerCase(Locale.ROOT)).put("topic", f.topic())
                        .put("text", f.text()).put("fix", f.fix());
            }
            out.println(o);
        } else {
            out.println(report.summary());
            report.lines().forEach(line -> out.println("  " + line));
        }
        out.flush();
        return report.exitCode();
    }
}
