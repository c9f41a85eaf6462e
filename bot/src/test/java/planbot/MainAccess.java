package planbot;

import java.io.PrintWriter;

/** Lets tests in other packages run the command line in-process, as {@code ./planbot} would. */
public final class MainAccess {
    private MainAccess() {
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return Main.run(args, out, err);
    }
}
