package planbot.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import planbot.App;
import planbot.storage.WorkspaceBinding;

/**
 * {@code planbot workspace}: which chat workspaces serve which council; {@code planbot workspace bind --team T…
 * [--enterprise E…] --tenant SLUG} binds one (or moves it), audited in the tenant it is bound to.
 *
 * <p>Binding is the operator's act, at the terminal, and never a chat command: a chat admin of one council must not be
 * able to claim a workspace for their plan (or take one from another council). A planbot with a single tenant binds its
 * first Slack workspace by itself on its first request; every other workspace waits for this command.
 */
@Command(name = "workspace", mixinStandardHelpOptions = true,
        description = {"List the chat workspaces bound to councils, or bind one to the --tenant:",
                "workspace bind --team T0123 [--enterprise E0123] [--platform slack] --tenant welwyn-hatfield"})
public final class WorkspaceCommand implements Callable<Integer> {
    @ParentCommand
    PlanbotCommand root;

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "bind", description = "Bind the workspace to the tenant.")
    String action;

    @Option(names = "--platform", paramLabel = "PLATFORM", description = "The chat platform (default: slack).")
    String platform = "slack";

    @Option(names = "--team", paramLabel = "TEAM_ID", description = "The Slack team (workspace) id, T…; none for an org-wide install.")
    String team = "";

    @Option(names = "--enterprise", paramLabel = "ENTERPRISE_ID", description = "The Enterprise Grid id, E…, if any.")
    String enterprise = "";

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (App app = root.open(global)) {
            if (action == null) {
                java.util.List<WorkspaceBinding> bound = app.workspaces().list(platform);
                if (bound.isEmpty()) {
                    out.println("No " + platform + " workspace is bound yet.");
                }
                bound.forEach(b -> out.printf("%-24s %s%n", describe(b.enterpriseId(), b.teamId()), b.tenant().slug()));
                return 0;
            }
            if (!action.equals("bind")) {
                throw new UserError("use: planbot workspace bind --team T… [--enterprise E…] --tenant SLUG");
            }
            if (team.isBlank() && enterprise.isBlank()) {
                throw new UserError("say which workspace: --team T… (and --enterprise E… for Enterprise Grid)");
            }
            String tenant = root.tenant(global);
            app.admin().bindWorkspace(tenant, platform, enterprise.strip(), team.strip(), "cli", planbot.domain.Source.CLI);
            out.println(platform + " workspace " + describe(enterprise.strip(), team.strip()) + " now serves " + tenant + ".");
        }
        return 0;
    }

    private static String describe(String enterprise, String team) {
        return enterprise.isEmpty() ? team : team.isEmpty() ? enterprise : enterprise + "/" + team;
    }
}
