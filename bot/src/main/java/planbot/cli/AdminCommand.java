package planbot.cli;

import java.io.PrintWriter;
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
import planbot.admin.AdminService;
import planbot.command.AdminClaimService;
import planbot.domain.Role;
import planbot.domain.Source;
import planbot.platform.ChatPlatform;
import planbot.platform.Directory;
import planbot.platform.PlatformException;
import planbot.storage.ChatIdentity;

/**
 * {@code planbot admin}: a council's admins and their chat accounts; {@code admin add} makes a chat account an admin
 * (by its user id, or by email through the platform's {@link Directory}); {@code admin code} prints a one-time code
 * that makes whoever claims it in chat ({@code /plan admin claim CODE}) an admin. The way in for a council whose chat
 * users are all guests. Every change is audited with the source CLI.
 *
 * <p>The account lives in the workspace bound to the --tenant on the platform (or the --team among several); a
 * tenant with none bound is told how to bind one. A failed email lookup (nobody, a missing scope, Slack down) is one
 * line, exit 1, and changes nothing.
 */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = {"List the admins of the --tenant, make a chat account an admin, or print a one-time code to claim in chat:",
                "admin [list]",
                "admin add --platform slack --user U0123 [--person \"HoP\"] [--team T0123]",
                "admin add --platform slack --email sam@council.gov.uk [--person \"HoP\"]",
                "admin code        (then in chat: /plan admin claim CODE)"})
public final class AdminCommand implements Callable<Integer> {
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("HH:mm");

    @ParentCommand
    PlanbotCommand root;

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "list|add|code", description = "What to do (default: list).")
    String action;

    @Option(names = "--platform", paramLabel = "PLATFORM", description = "The chat platform (default: slack).")
    String platform = "slack";

    @Option(names = "--user", paramLabel = "USER_ID", description = "The chat account's user id (Slack: U…).")
    String user;

    @Option(names = "--email", paramLabel = "EMAIL", description = "Find the chat account by email (Slack: needs the users:read.email scope).")
    String email;

    @Option(names = "--person", paramLabel = "NAME",
            description = "The person of the plan to make admin (added if the plan has nobody so named); default: the"
                    + " person the account is linked to, else one named after the account.")
    String person;

    @Option(names = "--team", paramLabel = "TEAM_ID", description = "The workspace, when several are bound to the tenant.")
    String team;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (App app = root.open(global)) {
            String tenant = root.tenant(global);
            if (action == null || action.equals("list")) {
                list(app.admin(), tenant, out);
            } else if (action.equals("add")) {
                add(app, tenant, out);
            } else if (action.equals("code")) {
                code(app.admin(), tenant, out);
            } else {
                throw new UserError("use: planbot admin [list] | admin add --user U… | admin code");
            }
        }
        return 0;
    }

    private static void list(AdminService admin, String tenant, PrintWriter out) {
        List<AdminService.Admin> admins = admin.admins(tenant);
        if (admins.isEmpty()) {
            out.println("No admin of " + tenant + " yet: name one with `./planbot admin add --platform slack --user U…` (or"
                    + " --email), or hand someone a code from `./planbot admin code`.");
            return;
        }
        out.println("Admins of " + tenant + ":");
        for (AdminService.Admin a : admins) {
            List<String> accounts = a.accounts().stream().map(AdminClaimService::accountText).toList();
            out.printf("  %-24s %s%n", a.name(), accounts.isEmpty() ? "(no chat account linked)" : String.join(", ", accounts));
        }
    }

    private void add(App app, String tenant, PrintWriter out) {
        String userId = blankToNull(user);
        String address = blankToNull(email);
        if ((userId == null) == (address == null)) {
            throw new UserError("say whose account: --user U0123, or --email name@council.gov.uk");
        }
        String workspace = app.admin().workspace(tenant, platform, blankToNull(team));
        Directory.Member member = userId != null ? new Directory.Member(userId, "", "", "") : lookUp(app, address);
        ChatIdentity account = new ChatIdentity(platform, workspace, member.userId());
        String nameIfNew = !member.realName().isBlank() ? member.realName()
                : !member.displayName().isBlank() ? member.displayName() : member.userId();
        Optional<AdminClaimService.Made> made = app.admin().addAdmin(tenant, account, blankToNull(person), nameIfNew, "cli",
                Source.CLI);
        String linked = "linked to " + AdminClaimService.accountText(account);
        if (made.isEmpty()) {
            out.println("That account's person is an admin of " + tenant + " already, " + linked + "; nothing changed.");
        } else if (made.get().before() == null) {
            out.println("Added " + made.get().person() + " to the people of " + tenant + " as an admin, " + linked + ".");
        } else {
            out.println(made.get().person() + (made.get().before() == Role.ADMIN ? ", an admin of " + tenant + " already, is now "
                    : " (" + made.get().before().word() + " until now) is an admin of " + tenant + ", ") + linked + ".");
        }
    }

    /** The platform's member with this email, through its directory; any failure is one line and changes nothing. */
    private Directory.Member lookUp(App app, String address) {
        List<ChatPlatform> platforms = app.configuredPlatforms(root.settings);
        try {
            ChatPlatform p = platforms.stream().filter(x -> x.name().equals(platform)).findFirst()
                    .orElseThrow(() -> new UserError(platform + " is not configured here (README → Slack, step 3), so I can't"
                            + " look up " + address + ": configure it, or use --user; nothing was changed"));
            Directory directory = p.directory()
                    .orElseThrow(() -> new UserError(platform + " cannot look people up by email: use --user; nothing was changed"));
            return directory.byEmail(address).orElseThrow(() -> new UserError("nobody in the " + platform
                    + " workspace has the email " + address + ": check it, or use --user; nothing was changed"));
        } catch (PlatformException e) {
            throw new UserError(e.getMessage() + "; nothing was changed");
        } finally {
            platforms.forEach(ChatPlatform::close);
        }
    }

    private static void code(AdminService admin, String tenant, PrintWriter out) {
        AdminClaimService.IssuedCode code = admin.claimCode(tenant, "cli", Source.CLI);
        out.println("A one-time admin code for " + tenant + ", good for one use until "
                + UNTIL.format(code.expiresAt().atZone(App.ZONE)) + " (London time, " + AdminClaimService.LIFETIME.toMinutes()
                + " minutes from now).");
        out.println("Whoever types `/plan admin claim` and this code in a chat workspace bound to " + tenant
                + " becomes its admin: give it to that person only.");
        out.println(code.code());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
