package planbot.chat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Objects;
import planbot.command.Actor;
import planbot.command.CommandRequest;
import planbot.command.CommandService;
import planbot.command.ReminderReplyService;
import planbot.domain.Source;
import planbot.reply.PlainTextRenderer;
import planbot.reply.Question;
import planbot.reply.Reply;

/**
 * A chat on the terminal: each line is a {@code /plan} command (the {@code /plan} is optional), and each
 * reply is printed as plain text. Two console-only forms stand in for what a chat platform does with its
 * own gestures: {@code reply <ref> <text>} answers a reminder about that task, and {@code yes}/{@code no}
 * answer planbot's last question.
 *
 * <p>One conversation, one thread; not thread-safe.
 */
public final class ConsoleChat {
    private final CommandService commands;
    private final ReminderReplyService replies;
    private final PlainTextRenderer renderer;
    private final String tenant;
    private final Actor actor;
    private Question pending;

    public ConsoleChat(CommandService commands, ReminderReplyService replies, PlainTextRenderer renderer, String tenant,
                       Actor actor) {
        this.commands = Objects.requireNonNull(commands, "commands");
        this.replies = Objects.requireNonNull(replies, "replies");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.actor = Objects.requireNonNull(actor, "actor");
    }

    /**
     * Reads lines until the end of input or {@code quit}. Interactive: a prompt before each line. Piped: each
     * line is echoed after the prompt, so the output reads as a transcript.
     */
    public void run(BufferedReader in, PrintWriter out, boolean interactive) throws IOException {
        if (interactive) {
            out.println("You are " + actor.displayName() + " (" + actor.role().word() + "). Type `help` for what I understand, `quit` to leave.");
        }
        while (true) {
            if (interactive) {
                out.print("plan> ");
                out.flush();
            }
            String line = in.readLine();
            if (line == null) {
                break;
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (!interactive) {
                out.println("plan> " + trimmed);
            }
            String lower = trimmed.toLowerCase(Locale.ROOT);
            if (lower.equals("quit") || lower.equals("exit")) {
                break;
            }
            out.println(respond(trimmed));
            out.flush();
        }
        out.flush();
    }

    /** One line in, the reply's text out. */
    public String respond(String line) {
        String lower = line.strip().toLowerCase(Locale.ROOT);
        Question asked = pending;
        pending = null;
        if (asked != null && (lower.equals("yes") || lower.equals("y"))) {
            return show(commands.handle(request(asked.choices().get(0).command())));
        }
        if (asked != null && (lower.equals("no") || lower.equals("n") || lower.equals("cancel"))) {
            return "OK, nothing was changed.\n";
        }
        if (lower.startsWith("reply ")) {
            String rest = line.strip().substring(6).strip();
            int space = rest.indexOf(' ');
            if (space < 0) {
                return "✗ Reply to a reminder like this: reply EN003/01 done\n";
            }
            return show(replies.reply(request(rest.substring(space + 1)), rest.substring(0, space)));
        }
        return show(commands.handle(request(line)));
    }

    private CommandRequest request(String text) {
        return new CommandRequest(tenant, actor, Source.CONSOLE, text);
    }

    private String show(Reply reply) {
        if (reply instanceof Question) {
            pending = (Question) reply;
        }
        return renderer.render(reply);
    }
}
