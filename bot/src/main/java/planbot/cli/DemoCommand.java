package planbot.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import planbot.App;
import planbot.BundledSample;
import planbot.access.SignInLinks;
import planbot.config.HttpConfig;
import planbot.delivery.ConsoleMessenger;
import planbot.domain.Source;
import planbot.platform.PlatformStartException;
import planbot.storage.ChatIdentity;
import planbot.domain.Action;
import planbot.domain.Plan;
import planbot.domain.Rag;
import planbot.domain.Section;
import planbot.domain.Task;
import planbot.storage.SubscriptionSpec;
import planbot.tracker.ImportMode;
import planbot.tracker.read.ReadOptions;
import planbot.tracker.read.TrackerReader;

/**
 * {@code planbot demo}: no credentials, no setup. Imports the bundled sample plan into {@code data/demo.db}
 * (once; later runs find it there), shows what it holds, serves the dashboard ({@code PLANBOT_HTTP_PORT}, 7070) with a
 * sign-in link for the admin, and opens a console chat as an admin, with the clock set to a day inside the plan's
 * timeframe (the dashboard's clock too: links and sessions expire in its minutes).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Try planbot: the bundled sample plan (kept in data/demo.db), a console chat and the dashboard on :7070; no credentials needed.")
public final class DemoCommand implements Callable<Integer> {
    static final String DEMO_DB = "jdbc:sqlite:data/demo.db";
    static final String DEMO_TENANT = "demo";
    static final String PLAN = BundledSample.PLAN;
    /** A Monday inside the sample plan's timeframe: some tasks are due soon, some are overdue. */
    static final LocalDate DEMO_DAY = LocalDate.of(2023, 5, 15);
    /** The person the dashboard's sign-in link is for: the admin at the terminal. */
    static final String DEMO_ADMIN = "admin";

    @ParentCommand
    PlanbotCommand root;

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String dbUrl = global.dbUrl != null ? global.dbUrl : root.global.dbUrl != null ? root.global.dbUrl : DEMO_DB;
        java.time.Clock clock = ChatCommand.clockAt(DEMO_DAY.toString());
        try (App app = App.open(dbUrl, clock)) {
            // Import on the first run only: later runs keep what was changed in the chat.
            if (!app.admin().hasPlan(DEMO_TENANT, PLAN)) {
                app.imports().importPlan(DEMO_TENANT,
                        TrackerReader.read(BundledSample.bytes(), BundledSample.fileName(), ReadOptions.named(PLAN)),
                        ImportMode.APPLY, "demo", app.clock());
                out.println("Imported the bundled sample plan into " + dbUrl.replaceFirst("^jdbc:sqlite:", "")
                        + " (delete that file to start again).");
            }
            overview(out, app.admin().loadPlan(DEMO_TENANT, PLAN));
            out.println("Try: status ENF003 · status EN3/1 · overdue · list section enforcement · list due 30d · update EN003/01 completed nearly there");
            out.println("     history EN003/01 · date EN003/02 30/06/2023 waiting on legal · search website · help");
            out.println();
            serveDashboard(app, HttpConfig.from(root.settings).port(), out);
            app.admin().subscribe(DEMO_TENANT, SubscriptionSpec.weekly("console", null, null), "cli", planbot.domain.Source.CLI);
            out.println("Reminders and the Monday digest that are due now arrive below, as the scheduler delivers them;");
            out.println("answer one with e.g. `reply EN005/03 new date 30/06/2023 waiting on legal`.");
            out.println();
            app.startReminders(out, true);
            ChatCommand.chat(app, DEMO_TENANT, null, out);
        }
        out.flush();
        return 0;
    }

    /**
     * Serves the dashboard and prints a sign-in link for the demo's admin (a person "admin" of the demo plan, added on the
     * first run). A port in use is said in one line, and the console chat goes on without the dashboard.
     */
    static void serveDashboard(App app, int port, PrintWriter out) {
        try {
            app.startPlatforms(List.of(), port);
        } catch (IllegalStateException | PlatformStartException e) {
            out.println("The dashboard is not served: port " + port + " is in use (set " + HttpConfig.PORT
                    + " to another port).");
            out.println();
            return;
        }
        app.admin().addAdmin(DEMO_TENANT, new ChatIdentity(ConsoleMessenger.PLATFORM, DEMO_TENANT, DEMO_ADMIN), DEMO_ADMIN,
                DEMO_ADMIN, "demo", Source.CLI);
        URI link = app.signInLinks().issue(DEMO_TENANT, app.admin().person(DEMO_TENANT, DEMO_ADMIN), Source.CLI);
        out.println("The dashboard: http://localhost:" + app.httpPort() + "/");
        out.println("Sign in as the demo's admin with this link (it works once, within " + SignInLinks.VALID_FOR.toMinutes()
                + " minutes):");
        out.println("  " + link);
        out.println();
    }

    static void overview(PrintWriter out, Plan plan) {
        out.printf("%nPlan \"%s\" as of %s: %d sections, %d actions, %d tasks%n", plan.name(),
                DEMO_DAY.format(java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy")),
                plan.sections().size(), plan.actions().count(), plan.tasks().count());
        out.printf("%n  %-44s %7s %5s %5s %5s %5s %5s %5s%n", "section", "actions", "red", "amber", "green", "blue", "grey", "none");
        for (Section s : plan.sections()) {
            Map<Rag, Integer> rag = new EnumMap<>(Rag.class);
            for (Action a : s.actions()) {
                for (Task t : a.tasks()) {
                    rag.merge(Rag.of(t.status(), t.target(), DEMO_DAY), 1, Integer::sum);
                }
            }
            out.printf("  %-44s %7d %5d %5d %5d %5d %5d %5d%n", shorten(s.name().isEmpty() ? "(no section)" : s.name(), 44),
                    s.actions().size(), rag.getOrDefault(Rag.RED, 0), rag.getOrDefault(Rag.AMBER, 0),
                    rag.getOrDefault(Rag.GREEN, 0), rag.getOrDefault(Rag.BLUE, 0), rag.getOrDefault(Rag.GREY, 0),
                    rag.getOrDefault(Rag.NONE, 0));
        }
        out.println();
        out.println("Red is overdue (past its target date and not completed), blue completed, grey closed.");
        out.println("The clock is set to " + DEMO_DAY + " 09:00 so that some tasks are due soon and some overdue.");
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
