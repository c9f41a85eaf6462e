package planbot.command;

import java.util.Objects;

/** What {@link CommandParser#parse} made of a message: a command, or a sentence saying why not. */
public sealed interface ParseResult permits ParseResult.Parsed, ParseResult.Failed {

    /** The text was a command. */
    record Parsed(Command command) implements ParseResult {
        public Parsed {
            Objects.requireNonNull(command, "command");
        }
    }

    /**
     * The text was not a command.
     *
     * @param message     a friendly sentence for the user saying what is wrong and, where it helps, the usage
     *                    line; never blank. It may quote a little of what they typed, cleaned (see {@code Quote}),
     *                    but renderers must still escape it for their platform
     * @param suggestions whole commands the user might have meant ({@code status}, {@code status ENF003},
     *                    {@code update EN3/1 on target}), best first; may be empty
     */
    record Failed(String message, java.util.List<String> suggestions) implements ParseResult {
        public Failed {
            message = Texts.required(message, "message");
            suggestions = java.util.List.copyOf(suggestions);
        }

        public Failed(String message) {
            this(message, java.util.List.of());
        }
    }
}
