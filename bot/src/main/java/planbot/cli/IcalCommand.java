package planbot.cli;

import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import planbot.App;
import planbot.access.CalendarFeeds;
import planbot.config.PublicUrlConfig;
import planbot.domain.Source;
import planbot.storage.CalendarFeed;

/**
 * {@code planbot ical}: calendar feed URLs of the --tenant. {@code ical url --plan NAME | --person NAME} prints a new
 * secret URL and its handle (the URL is shown once: only its hash is kept); {@code ical revoke HANDLE} stops one;
 * {@code ical list} shows the handles. Every change is audited with the source CLI; a plan, person or handle the
 * tenant does not have is one line, exit 1, and changes nothing.
 */
@Command(name = "ical", mixinStandardHelpOptions = true,
        description = {"Calendar feeds of target dates behind secret URLs (subscribe in Outlook or Google Calendar):",
                "ical url --plan NAME | --person NAME    a new URL, printed once, with its handle",
                "ical revoke HANDLE                     stop a URL",
                "ical [list]                            the URLs handed out (handles, never the secrets)",
                "The URLs start with PLANBOT_PUBLIC_URL (default http://localhost:<PLANBOT_HTTP_PORT>)."})
public final class IcalCommand implements Callable<Integer> {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    @ParentCommand
    PlanbotCommand root;

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..2", paramLabel = "list|url|revoke [HANDLE]", description = "What to do (default: list).")
    List<String> words = List.of();

    static final class Whose {
        @Option(names = "--plan", paramLabel = "NAME", description = "The plan whose open tasks' target dates the feed shows.")
        String plan;

        @Option(names = "--person", paramLabel = "NAME", description = "The person (as the plan names them) whose open tasks it shows.")
        String person;
    }

    @ArgGroup(exclusive = true)
    Whose whose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String action = words.isEmpty() ? "list" : words.get(0);
        if (!(action.equals("list") || action.equals("url") || action.equals("revoke"))
                || action.equals("revoke") != (words.size() == 2) || (whose != null) != action.equals("url")) {
            throw new UserError("use: planbot ical url --plan NAME | ical url --person NAME | ical revoke HANDLE | ical list");
        }
        PublicUrlConfig publicUrl = PublicUrlConfig.from(root.settings); // a bad setting stops us here, naming its key
        try (App app = root.open(global)) {
            app.usePublicUrl(publicUrl);
            String tenant = root.tenant(global);
            if (action.equals("url")) {
                boolean plan = whose.plan != null;
                CalendarFeeds.Issued issued = app.calendars().issue(tenant, plan ? CalendarFeed.Kind.PLAN : CalendarFeed.Kind.PERSON,
                        plan ? whose.plan : whose.person, "cli", Source.CLI);
                out.println(issued.url());
                out.println("handle " + issued.handle() + ": subscribe to the URL in a calendar; stop it with `./planbot ical"
                        + " revoke " + issued.handle() + "`. Anyone with the URL sees these tasks: it is shown only this once."
                        + (plan ? "" : " The person's earlier URL no longer works."));
            } else if (action.equals("revoke")) {
                CalendarFeed revoked = app.calendars().revoke(tenant, words.get(1), "cli", Source.CLI);
                out.println("Revoked " + revoked.handle() + " (" + revoked.kind().word() + " " + revoked.name()
                        + "): its URL now answers 404.");
            } else {
                list(app.calendars().list(tenant), tenant, out);
            }
        }
        return 0;
    }

    private static void list(List<CalendarFeed> feeds, String tenant, PrintWriter out) {
        if (feeds.isEmpty()) {
            out.println("No calendar URL of " + tenant + " yet: `./planbot ical url --plan NAME` (or --person NAME) makes one.");
            return;
        }
        out.println("Calendar URLs of " + tenant + " (newest first):");
        for (CalendarFeed f : feeds) {
            out.printf("  %-10s  %-6s  %-30s  made %s%s%n", f.handle(), f.kind().word(), f.name(),
                    WHEN.format(f.createdAt().atZone(App.ZONE)),
                    f.live() ? "" : ", revoked " + WHEN.format(f.revokedAt().atZone(App.ZONE)));
        }
    }
}
