package planbot.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import java.time.Clock;
import planbot.App;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import planbot.config.ConfigException;
import planbot.config.DatabaseConfig;
import planbot.config.ReminderConfig;
import planbot.config.Settings;
import planbot.web.metrics.MetricsHttp;

/** The top of the command line: global options and the list of verbs. */
@Command(name = "planbot", mixinStandardHelpOptions = true, version = "planbot 0.1",
        description = "Keeps a service-improvement action plan moving: stores the plan, chases owners, reports.",
        subcommands = {DemoCommand.class, ChatCommand.class, ImportCommand.class, ExportCommand.class, BackupCommand.class, ReportCommand.class, PeopleCommand.class, RemindCommand.class, DigestCommand.class,
                PolicyCommand.class, SubscribeCommand.class, ServeCommand.class, WorkspaceCommand.class, AdminCommand.class,
                DoctorCommand.class, TeamsCommand.class, WebCommand.class, TokenCommand.class, IcalCommand.class, AssessCommand.class,
                BenchCommand.class})
public final class PlanbotCommand {
    private static final Logger LOG = LoggerFactory.getLogger(PlanbotCommand.class);

    @Mixin
    GlobalOptions global;

    final Settings settings;
    private final ReminderConfig reminders;
    private final DatabaseConfig database;

    /** @throws ConfigException when a setting every verb needs is malformed (it names the key) */
    public PlanbotCommand(Settings settings) {
        this.settings = settings;
        this.reminders = ReminderConfig.from(settings);
        this.database = DatabaseConfig.from(settings);
    }

    /** planbot on the verb's database, with the system clock and the configured reminder policy. */
    App open(GlobalOptions verb) {
        return open(verb, Clock.systemDefaultZone());
    }

    /** planbot on the verb's database, with this clock and the configured reminder policy. */
    App open(GlobalOptions verb, Clock clock) {
        String url = dbUrl(verb);
        String note = database.noteFor(url);
        if (!note.isEmpty()) {
            LOG.info(note);
        }
        App app = App.open(url, clock, reminders.defaultPolicy(), database.pool());
        app.metricsToken(settings.get(MetricsHttp.TOKEN_SETTING).orElse(null));
        return app;
    }

    /** The database URL: the verb's --db, else the top-level --db, else PLANBOT_DB_URL, else the default file. */
    String dbUrl(GlobalOptions verb) {
        if (verb != null && verb.dbUrl != null) {
            return verb.dbUrl;
        }
        if (global != null && global.dbUrl != null) {
            return global.dbUrl;
        }
        return settings.getOrDefault(Settings.DB_URL, Settings.DEFAULT_DB_URL);
    }

    /** The tenant slug: the verb's --tenant, else the top-level one, else PLANBOT_TENANT, else "default". */
    String tenant(GlobalOptions verb) {
        String t = verb != null && verb.tenant != null ? verb.tenant
                : global != null && global.tenant != null ? global.tenant
                : settings.getOrDefault(Settings.TENANT, Settings.DEFAULT_TENANT);
        if (!t.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}")) {
            throw new UserError("a tenant is a short name of letters, digits, '.', '_' or '-' (got '" + t + "')");
        }
        return t;
    }
}
