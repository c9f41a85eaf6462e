package planbot.command;

import java.util.Objects;
import java.util.Optional;
import planbot.domain.Source;

/**
 * One command as a platform adapter hands it to the core: which council, who, from where, and the text as
 * typed (including any leading {@code /plan}).
 *
 * @param chat the chat platform and workspace it was typed in; null where there is none (the console, the CLI).
 *             Commands that name chat accounts or channels ({@code people link}, {@code channel}) need it
 */
public record CommandRequest(String tenant, Actor actor, Source source, String text, ChatContext chat) {
    public CommandRequest {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(source, "source");
        text = text == null ? "" : text;
    }

    /** A request typed outside any chat platform. */
    public CommandRequest(String tenant, Actor actor, Source source, String text) {
        this(tenant, actor, source, text, null);
    }

    /** The chat platform and workspace, when the request came from one. */
    public Optional<ChatContext> chatContext() {
        return Optional.ofNullable(chat);
    }

    /** The same request with other text (a button's reply, a modal's answer). */
    public CommandRequest withText(String newText) {
        return new CommandRequest(tenant, actor, source, newText, chat);
    }
}
