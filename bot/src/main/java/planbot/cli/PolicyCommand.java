package planbot.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code planbot policy}: the tenant's reminder policy; {@code planbot policy set KEY=VALUE …} changes it
 * (audited). Settings not named keep their value.
 */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = {"Show the reminder policy, or change it: policy set lead=10,5,1 send-at=08:30 region=scotland",
                "Keys: lead, on-the-day, overdue-every, escalate-lead, escalate-manager, tbc-every, stale-after, snooze,",
                "send-at, zone, region (england-and-wales, scotland, northern-ireland), closed (dd/mm/yyyy,…)."})
public final class PolicyCommand implements Callable<Integer> {
    @ParentCommand
    PlanbotCommand root;

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "set KEY=VALUE", description = "Change these settings.")
    java.util.List<String> args = new java.util.ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (planbot.App app = root.open(global)) {
            String tenant = root.tenant(global);
            if (args.isEmpty()) {
                out.println(app.admin().policy(tenant).format());
                return 0;
            }
            if (!args.get(0).equals("set") || args.size() < 2) {
                throw new UserError("use: planbot policy set KEY=VALUE [KEY=VALUE …], e.g. policy set lead=10,5,1");
            }
            out.println("Reminder policy is now: " + app.admin().changePolicy(tenant, String.join(" ", args.subList(1, args.size())), "cli", planbot.domain.Source.CLI).format());
        }
        return 0;
    }
}
