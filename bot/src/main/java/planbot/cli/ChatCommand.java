package planbot.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import planbot.App;
import planbot.chat.ConsoleChat;
import planbot.command.Actor;
import planbot.reply.PlainTextRenderer;

/** {@code planbot chat}: the command language on the terminal, or from piped standard input. */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = {"Talk to planbot on the terminal: type /plan commands (the /plan is optional).",
                "Piped input is read line by line; planbot exits at the end of it."})
public final class ChatCommand implements Callable<Integer> {
    @ParentCommand
    PlanbotCommand root;

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--as", paramLabel = "NAME", description = "Act as this person of the plan, with their role (default: an admin).")
    String as;

    @Option(names = "--at", paramLabel = "DATETIME",
            description = "Pretend it is this moment (London time), e.g. 2023-05-15T09:00, 2023-05-15 or '15/05/2023 09:00'.")
    String at;

    @Override
    public Integer call() throws Exception {
        Clock clock = at == null ? Clock.system(App.ZONE) : clockAt(at);
        try (App app = root.open(global, clock)) {
            chat(app, root.tenant(global), as, spec.commandLine().getOut());
        }
        return 0;
    }

    /** Runs a console chat on standard input until its end or {@code quit}. */
    static void chat(App app, String tenant, String as, PrintWriter out) throws Exception {
        Actor actor = app.consoleActor(tenant, as);
        ConsoleChat chat = new ConsoleChat(app.commands(), app.reminderReplies(), new PlainTextRenderer(App.ZONE), tenant, actor);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        chat.run(in, out, System.console() != null);
    }

    /** A clock that starts at the given London moment and then runs at the normal pace. */
    static Clock clockAt(String text) {
        ZonedDateTime start;
        String t = text.strip();
        try {
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                start = LocalDate.parse(t).atTime(9, 0).atZone(App.ZONE);
            } else if (t.matches("\\d{1,2}/\\d{1,2}/\\d{4}( \\d{1,2}:\\d{2})?")) {
                String withTime = t.contains(" ") ? t : t + " 09:00";
                start = LocalDateTime.parse(withTime, DateTimeFormatter.ofPattern("d/M/uuuu H:mm")
                        .withResolverStyle(java.time.format.ResolverStyle.STRICT)).atZone(App.ZONE);
            } else {
                start = LocalDateTime.parse(t.replace(' ', 'T')).atZone(App.ZONE);
            }
        } catch (DateTimeParseException e) {
            throw new UserError("--at wants a date and time such as 2023-05-15T09:00 or '15/05/2023 09:00' (got '" + text + "')");
        }
        Clock system = Clock.system(App.ZONE);
        return Clock.offset(system, Duration.between(system.instant(), start.toInstant()));
    }
}
