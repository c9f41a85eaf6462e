package planbot.command;

import java.util.Objects;
import planbot.domain.Source;

/**
 * One command as a platform adapter hands it to the core: which council, who, from where, and the text as
 * typed (including any leading {@code /plan}).
 */
public record CommandRequest(String tenant, Actor actor, Source source, String text) {
    public CommandRequest {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(source, "source");
        text = text == null ? "" : text;
    }
}
