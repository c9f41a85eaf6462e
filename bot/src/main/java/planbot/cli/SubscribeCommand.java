package planbot.cli;

import java.io.PrintWriter;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import planbot.App;
import planbot.storage.DigestSubscription;
import planbot.storage.SubscriptionSpec;

/**
 * {@code planbot digests}: which channels get the weekly digest; {@code digests add CHANNEL} and
 * {@code digests remove CHANNEL} change that.
 */
@Command(name = "digests", mixinStandardHelpOptions = true,
        description = {"List digest subscriptions, or add/remove one: digests add console [--plan P] [--section S]"
                + " [--day monday] [--time 09:00]; digests remove console."})
public final class SubscribeCommand implements Callable<Integer> {
    @ParentCommand
    PlanbotCommand root;

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..2", paramLabel = "add|remove CHANNEL")
    java.util.List<String> args = new java.util.ArrayList<>();

    @Option(names = "--plan", paramLabel = "NAME", description = "Only this plan.")
    String plan;

    @Option(names = "--section", paramLabel = "NAME", description = "Only this section.")
    String section;

    @Option(names = "--day", paramLabel = "DAY", defaultValue = "monday", description = "Day of the week (default: ${DEFAULT-VALUE}).")
    String day;

    @Option(names = "--time", paramLabel = "HH:MM", defaultValue = "09:00", description = "London time (default: ${DEFAULT-VALUE}).")
    String time;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (App app = root.open(global)) {
            String tenant = root.tenant(global);
            if (args.isEmpty()) {
                java.util.List<DigestSubscription> subs = app.admin().subscriptions(tenant);
                if (subs.isEmpty()) {
                    out.println("No channel gets the weekly digest yet: planbot digests add CHANNEL");
                }
                for (DigestSubscription s : subs) {
                    out.printf("%-20s %s %s %s%s%n", s.channel(), s.day().toString().toLowerCase(Locale.ROOT), s.time(),
                            s.plan() == null ? "all plans" : "plan " + s.plan(), s.section() == null ? "" : ", section " + s.section());
                }
                return 0;
            }
            if (args.size() != 2 || !(args.get(0).equals("add") || args.get(0).equals("remove"))) {
                throw new UserError("use: planbot digests add CHANNEL [--plan P] [--section S] [--day D] [--time HH:MM],"
                        + " or planbot digests remove CHANNEL");
            }
            String channel = args.get(1);
            if (args.get(0).equals("remove")) {
                out.println(app.admin().unsubscribe(tenant, channel, plan, section, "cli", planbot.domain.Source.CLI)
                        ? channel + " no longer gets the digest." : channel + " had no such subscription.");
                return 0;
            }
            DayOfWeek weekday;
            LocalTime at;
            try {
                weekday = DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UserError("--day wants a day of the week, e.g. monday");
            }
            try {
                at = LocalTime.parse(time.strip());
            } catch (DateTimeParseException e) {
                throw new UserError("--time wants HH:MM, e.g. 09:00 (got '" + time + "')");
            }
            SubscriptionSpec spec = new SubscriptionSpec(channel, plan, section, weekday, at, App.ZONE);
            app.admin().subscribe(tenant, spec, "cli", planbot.domain.Source.CLI);
            out.println(channel + " gets the digest every " + spec.day().toString().toLowerCase(Locale.ROOT) + " at "
                    + spec.time() + ".");
        }
        return 0;
    }
}
