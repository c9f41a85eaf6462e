package planbot;

import java.io.PrintWriter;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import planbot.cli.PlanbotCommand;
import planbot.config.ConfigException;
import planbot.config.Settings;
import planbot.domain.Layout;
import planbot.domain.UserFixableException;
import planbot.storage.StorageException;

/**
 * The entry point of {@code ./planbot}. Exit codes: 0 done; 1 the user can fix it (the reason is printed on
 * one line); 2 the command line was wrong (usage is printed); 3 something broke inside planbot (a short line;
 * the detail goes to the log).
 */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    static int run(String[] args, PrintWriter out, PrintWriter err) {
        Settings settings;
        try {
            settings = Settings.load();
        } catch (ConfigException e) {
            err.println("planbot: " + e.getMessage());
            return 1;
        }
        return run(settings, args, out, err);
    }

    /** {@code ./planbot ARGS} with these settings instead of the environment's (tests point a platform at a fake). */
    static int run(Settings settings, String[] args, PrintWriter out, PrintWriter err) {
        PlanbotCommand root;
        try {
            root = new PlanbotCommand(settings); // a malformed setting stops planbot here, naming its key
        } catch (ConfigException e) {
            err.println("planbot: " + e.getMessage());
            return 1;
        }
        CommandLine cli = new CommandLine(root);
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // --map "Lead officer=action-ref": roles in any case, with '-' or '_'
        cli.registerConverter(Layout.Role.class, word -> {
            try {
                return Layout.Role.valueOf(word.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + word + "' is not a column role: use one of section, "
                        + "action-ref, action-status, action, task, task-ref, status, term, start, target, timescale, "
                        + "owner, lead, notes, ignored");
            }
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UserFixableException || e instanceof ConfigException) {
                err.println("planbot: " + e.getMessage());
                return 1;
            }
            if (e instanceof StorageException) {
                LOG.error("storage failure", e);
                err.println("planbot: " + e.getMessage());
                return 3;
            }
            LOG.error("unexpected failure", e);
            err.println("planbot: something went wrong inside planbot (" + e.getClass().getSimpleName()
                    + "); the log above has the detail");
            return 3;
        });
        return cli.execute(args);
    }
}
