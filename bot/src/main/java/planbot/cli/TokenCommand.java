package planbot.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import planbot.App;
import planbot.access.ApiTokens;
import planbot.domain.Role;
import planbot.domain.Source;
import planbot.storage.ApiToken;

/**
 * {@code planbot token}: the REST API's integration tokens of the --tenant. {@code token create NAME --role ROLE}
 * prints the token once (exit 2, nothing stored, when the name is taken); {@code token list} shows name, role,
 * created, last used and revoked, never a token; {@code token revoke NAME}. Creating and revoking are audited with
 * the source CLI.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = {"Tokens for integrations calling the REST API (/api/v1):",
                "token create NAME --role viewer|officer|lead|manager|admin   (prints the token once)",
                "token list",
                "token revoke NAME"})
public final class TokenCommand implements Callable<Integer> {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);

    @ParentCommand
    PlanbotCommand root;

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..2", paramLabel = "create NAME|list|revoke NAME", description = "What to do (default: list).")
    List<String> args = new java.util.ArrayList<>();

    @Option(names = "--role", paramLabel = "ROLE", description = "What the integration may do, as a person of that role (create only).")
    String role;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String action = args.isEmpty() ? "list" : args.get(0);
        String name = args.size() > 1 ? args.get(1) : null;
        boolean named = action.equals("create") || action.equals("revoke");
        if (!action.equals("list") && !named || named != (name != null) || action.equals("list") && args.size() > 1) {
            throw new UserError("use: planbot token create NAME --role ROLE | token list | token revoke NAME");
        }
        if (action.equals("create") && role == null) {
            throw new UserError("say what the token may do: --role viewer, officer, lead, manager or admin");
        }
        try (App app = root.open(global)) {
            String tenant = root.tenant(global);
            ApiTokens tokens = app.apiTokens();
            if (action.equals("list")) {
                list(tokens.list(tenant), tenant, out);
            } else if (action.equals("revoke")) {
                boolean revoked = tokens.revoke(tenant, name, "cli", Source.CLI);
                out.println(revoked ? "Revoked " + name + ": the API refuses it from now on."
                        : name + " was revoked already; nothing changed.");
            } else {
                Role r = Role.parse(role);
                Optional<String> created = tokens.create(tenant, name, r, "cli", Source.CLI);
                if (created.isEmpty()) {
                    spec.commandLine().getErr().println("planbot: " + tenant + " already has a token called " + name
                            + ": choose another name (a revoked token keeps its name); nothing was changed.");
                    return 2;
                }
                String token = created.get();
                out.println("Token for " + name + " (" + r.word() + " of " + tenant + "), shown this once; keep it secret:");
                out.println(token);
                out.println("Call the API with the header: Authorization: Bearer <token>");
            }
        }
        return 0;
    }

    private static void list(List<ApiToken> tokens, String tenant, PrintWriter out) {
        if (tokens.isEmpty()) {
            out.println("No API token for " + tenant + " yet: planbot token create NAME --role viewer");
            return;
        }
        out.printf("%-24s %-8s %-18s %-18s %s%n", "NAME", "ROLE", "CREATED", "LAST USED", "REVOKED");
        for (ApiToken t : tokens) {
            out.printf("%-24s %-8s %-18s %-18s %s%n", t.name(), t.role().word(), when(t.createdAt()), when(t.lastUsedAt()),
                    when(t.revokedAt()));
        }
    }

    private static String when(Instant at) {
        return at == null ? "-" : WHEN.format(at);
    }
}
