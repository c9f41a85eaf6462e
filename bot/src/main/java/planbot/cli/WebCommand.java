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
import planbot.access.SignInLinks;
import planbot.config.PublicUrlConfig;
import planbot.domain.Person;
import planbot.domain.Role;
import planbot.domain.Source;
import planbot.domain.UserFixableException;

/**
 * {@code planbot web link [--as PERSON]}: prints one sign-in link to the web pages for a person of the --tenant (by
 * default its first admin by name), starting at {@code PLANBOT_PUBLIC_URL}; issuing it is audited with source CLI. The
 * link is printed and nowhere else: it is a secret for that person. An unknown person or tenant, or a tenant with no
 * admin when no --as is given, is one sentence on stderr and exit 2.
 */
@Command(name = "web", mixinStandardHelpOptions = true,
        description = {"Print a sign-in link to the web pages (works once, for 15 minutes):",
                "web link [--as \"HoP\"]        (default: the council's first admin)"})
public final class WebCommand implements Callable<Integer> {
    /** The exit code for a person or council that cannot be signed in as. */
    static final int NOBODY = 2;

    @ParentCommand
    PlanbotCommand root;

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1", paramLabel = "link", description = "What to do: link.")
    String action;

    @Option(names = "--as", paramLabel = "PERSON", description = "The person of the plan the link signs in as (default: the first admin).")
    String as;

    @Override
    public Integer call() {
        if (!action.equals("link")) {
            throw new UserError("web knows one action, link (got '" + action + "')");
        }
        PublicUrlConfig url = PublicUrlConfig.from(root.settings); // a bad setting stops us here, naming its key
        try (App app = root.open(global)) {
            app.usePublicUrl(url);
            String tenant = root.tenant(global);
            Person person;
            try {
                person = as != null ? app.admin().person(tenant, as) : firstAdmin(app, tenant);
            } catch (UserFixableException e) {
                spec.commandLine().getErr().println("planbot: " + e.getMessage());
                return NOBODY;
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(app.signInLinks().issue(tenant, person, Source.CLI));
            out.println("Signs in " + person.name() + " (" + person.role().word() + ") once, within "
                    + SignInLinks.VALID_FOR.toMinutes() + " minutes.");
            return 0;
        }
    }

    private static Person firstAdmin(App app, String tenant) {
        app.admin().tenant(tenant); // an unknown council is named as such
        return app.admin().people(tenant).stream().filter(p -> p.role() == Role.ADMIN).findFirst()
                .orElseThrow(() -> new UserFixableException("the council '" + tenant + "' has no admin yet: name a person"
                        + " with --as \"NAME\" (./planbot people lists them)"));
    }
}
