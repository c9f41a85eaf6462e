package planbot;

import java.io.PrintWriter;

/** Lets tests in other packages run the command line in-process, as {@code ./planbot} would. */
public final class MainAccess {
    private MainAccess() {
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return Main.run(args, out, err);
    }

    /** What one {@code ./planbot} run said and how it ended. */
    public record Run(int exit, String out, String err) {
    }

    /** Runs {@code ./planbot ARGS} in this JVM, capturing what it prints. */
    public static Run planbot(String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    /** As {@link #planbot(String...)}, with these settings in place of the environment and {@code .env}. */
    public static Run planbot(planbot.config.Settings settings, String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int exit = Main.run(settings, args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }
}
