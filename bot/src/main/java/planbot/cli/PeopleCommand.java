package planbot.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import planbot.App;
import planbot.domain.Person;
import planbot.domain.Role;

/**
 * {@code planbot people}: who is in the plan and what they may do; {@code planbot people role NAME ROLE}
 * sets a role (viewer, officer, lead, manager, admin); {@code planbot people import FILE} links them in bulk
 * ({@link PeopleImportCommand}). People come from the tracker's owners and leads.
 */
@Command(name = "people", mixinStandardHelpOptions = true, subcommands = PeopleImportCommand.class,
        description = {"List the people of the plan with their roles, or set one: people role \"HoP\" manager;"
                + " link them in bulk from a file: people import people.csv [--dry-run].",
                "Roles: viewer (reads), officer (updates own tasks), lead (also tasks of actions led), manager, admin."})
public final class PeopleCommand implements Callable<Integer> {
    @ParentCommand
    PlanbotCommand root;

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..3", paramLabel = "role NAME ROLE", description = "Set NAME's role to ROLE.")
    java.util.List<String> args = new java.util.ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (App app = root.open(global)) {
            String tenant = root.tenant(global);
            if (args.isEmpty()) {
                java.util.List<Person> people = app.admin().people(tenant);
                if (people.isEmpty()) {
                    out.println("Nobody yet: people come from the owners and leads of an imported tracker.");
                }
                people.forEach(p -> out.printf("%-9s %s%n", p.role().word(), p.name()));
                return 0;
            }
            if (args.size() != 3 || !args.get(0).equals("role")) {
                throw new UserError("use: planbot people role \"NAME\" ROLE   (ROLE: viewer, officer, lead, manager or admin)");
            }
            Role role = Role.parse(args.get(2));
            app.admin().setRole(tenant, args.get(1), role, "cli", planbot.domain.Source.CLI);
            out.println(args.get(1) + " is now " + (role == Role.ADMIN || role == Role.OFFICER ? "an " : "a ") + role.word() + ".");
        }
        return 0;
    }
}
