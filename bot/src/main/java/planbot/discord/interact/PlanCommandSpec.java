package planbot.discord.interact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import planbot.command.HelpText;
import planbot.discord.render.DiscordText;

/**
 * The one definition of Discord's {@code /plan}: its subcommands and their options, for registering the command
 * ({@link #registration()}, the gateway's bulk overwrite) and for reading an invocation back into the command text the
 * parser knows ({@link #commandText}), so the two cannot drift apart. Each subcommand is a command of the language;
 * a ref is always the option {@value #REF}, with autocomplete. Stateless and thread-safe.
 */
public final class PlanCommandSpec {
    /** The command's name: {@code /plan}. */
    public static final String NAME = "plan";
    /** The option that holds a ref, on every subcommand that takes one; autocompleted. */
    public static final String REF = "ref";

    static final int SUB_COMMAND = 1;
    static final int STRING = 3;
    static final int USER = 6;
    static final int CHANNEL = 7;

    /**
     * One option of a subcommand.
     *
     * @param prefix words the command text puts before the value ({@code confirm} for {@code people match confirm CODE});
     *               "" for none
     * @param quote  true when a value with a space is quoted in the command text (a name the plan writes)
     */
    record Option(String name, int type, String description, boolean required, String prefix, boolean quote,
                  List<String> choices) {
        Option {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(prefix, "prefix");
            choices = List.copyOf(choices);
            if (name.length() > 32 || description.isEmpty() || description.length() > 100 || choices.size() > 25) {
                throw new IllegalArgumentException("beyond Discord's limits for an option: " + name);
            }
        }

        boolean autocomplete() {
            return name.equals(REF);
        }
    }

    /** A subcommand: a command of the language, its options in the order the command text takes them. */
    record Sub(String name, String description, List<Option> options) {
        Sub {
            Objects.requireNonNull(name, "name");
            options = List.copyOf(options);
            description = description.length() <= 100 ? description : description.substring(0, 99) + "…";
        }
    }

    private static final List<Sub> SUBS = List.of(
            sub("status", ref(true)),
            sub("list", text("filter", "mine, overdue, due 14d, section <name>, status <word> or owner <name>", false)),
            sub("mine"),
            sub("overdue"),
            sub("update", ref(true), choice("status", "The new status", true, "not started", "on target", "in progress",
                    "at risk", "delayed", "completed", "closed"), text("note", "A note to go with it", false)),
            sub("done", ref(true), text("note", "A note to go with it", false)),
            sub("note", ref(true), text("text", "The progress note", true)),
            sub("date", ref(true), text("date", "The new target date, day first: 30/06/2024", true),
                    text("reason", "Why it moves", false)),
            sub("assign", ref(true), new Option("user", USER, "Who it goes to", false, "", false, List.of()),
                    new Option("name", STRING, "Or their name as the plan writes it", false, "", false, List.of())),
            sub("snooze", ref(true), text("for", "1d, 3d, 1w, 2w or a date (dd/mm/yyyy)", true)),
            sub("history", ref(true)),
            sub("search", text("words", "Words to look for", true)),
            sub("digest"),
            sub("help", text("command", "A command to explain", false)),
            sub("policy", new Option("set", STRING, "Settings to change, as key=value (admins)", false, "set", false, List.of())),
            sub("people", choice("action", "link, unlinked or match", true, "link", "unlinked", "match"),
                    new Option("name", STRING, "The name as the plan writes it (link)", false, "", true, List.of()),
                    new Option("user", USER, "The person to link (link)", false, "", false, List.of()),
                    new Option("channel", CHANNEL, "The channel to link a team or role to (link)", false, "", false, List.of()),
                    text("email", "Or the person's email address (link)", false),
                    new Option("confirm", STRING, "The code people match gave, to confirm its links", false, "confirm", false,
                            List.of())),
            sub("channel", choice("purpose", "plan, manager or admin", false, "plan", "manager", "admin"),
                    new Option("channel", CHANNEL, "The channel (else the one you type this in)", false, "", false, List.of())),
            sub("me", new Option("reminders", STRING, "Where your reminders go", false, "reminders", false,
                    List.of("slack", "teams", "discord", "auto"))),
            sub("admin", new Option("claim", STRING, "The one-time code from ./planbot admin code", true, "claim", false,
                    List.of())),
            sub("doctor"),
            sub("web"),
            sub("calendar"),
            sub("assess", text("step", "start \"<template>\", vote 3, reveal, agree 3 because …, adopt 1 owner … by …, next, end",
                    true)));

    private PlanCommandSpec() {
    }

    /** The subcommands' names, in the order they are registered. */
    public static List<String> subcommands() {
        return SUBS.stream().map(Sub::name).toList();
    }

    /**
     * The {@code /plan} command object (a CHAT_INPUT command usable in guilds and in a DM with the bot); the body of
     * {@code PUT /applications/{id}/commands} is an array of these.
     */
    public static ObjectNode registration() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode command = f.objectNode().put("name", NAME).put("type", 1)
                .put("description", "Read and update the action plan");
        command.putArray("contexts").add(0).add(1); // GUILD, BOT_DM
        command.putArray("integration_types").add(0); // installed to a guild
        ArrayNode subs = command.putArray("options");
        for (Sub s : SUBS) {
            ObjectNode sub = subs.addObject().put("type", SUB_COMMAND).put("name", s.name()).put("description", s.description());
            if (s.options().isEmpty()) {
                continue;
            }
            ArrayNode options = sub.putArray("options");
            for (Option o : s.options()) {
                ObjectNode option = options.addObject().put("type", o.type()).put("name", o.name())
                        .put("description", o.description()).put("required", o.required());
                if (o.autocomplete()) {
                    option.put("autocomplete", true);
                }
                o.choices().forEach(c -> option.withArray("choices").addObject().put("name", c).put("value", c));
            }
        }
        return command;
    }

    /**
     * The command text an invocation of {@code /plan} stands for ({@code status EN003/01},
     * {@code update EN003/02 completed signed off}): the subcommand, then its options in the order the language takes
     * them, whatever order they were given in; typed text made neutral ({@link DiscordText#neutral}); a user option
     * as a mention {@code <@id>}, a channel option as {@code <#id>}. An unknown subcommand is passed as typed, for the
     * parser to answer with its help; no subcommand at all is "help".
     *
     * @param data the interaction's {@code data}
     */
    public static String commandText(JsonNode data) {
        JsonNode sub = subcommand(data);
        String name = sub.path("name").asText("");
        if (name.isEmpty()) {
            return "help";
        }
        Optional<Sub> spec = SUBS.stream().filter(s -> s.name().equals(name)).findFirst();
        StringBuilder text = new StringBuilder(name);
        if (spec.isEmpty()) {
            return text.toString();
        }
        for (Option o : spec.get().options()) {
            Optional<String> value = value(sub.path("options"), o);
            if (value.isEmpty()) {
                continue;
            }
            text.append(' ');
            if (!o.prefix().isEmpty()) {
                text.append(o.prefix()).append(' ');
            }
            text.append(value.get());
        }
        return text.toString();
    }

    /**
     * The option being typed in an autocomplete interaction ({@code focused}, one level deeper under a subcommand):
     * its name and what has been typed so far.
     */
    static Optional<Focused> focused(JsonNode data) {
        for (JsonNode o : subcommand(data).path("options")) {
            if (o.path("focused").asBoolean(false)) {
                return Optional.of(new Focused(o.path("name").asText(""), o.path("value").asText("")));
            }
        }
        return Optional.empty();
    }

    /** The option an autocomplete asks about. @param typed what the user has typed so far */
    record Focused(String name, String typed) {
    }

    /** The subcommand given (the first option of type SUB_COMMAND), or a missing node. */
    private static JsonNode subcommand(JsonNode data) {
        for (JsonNode o : data.path("options")) {
            if (o.path("type").asInt() == SUB_COMMAND) {
                return o;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static Optional<String> value(JsonNode given, Option o) {
        for (JsonNode g : given) {
            if (!o.name().equals(g.path("name").asText())) {
                continue;
            }
            String v = g.path("value").asText("").strip();
            if (v.isEmpty()) {
                return Optional.empty();
            }
            if (o.type() == USER) {
                return Optional.of("<@" + v + ">");
            }
            if (o.type() == CHANNEL) {
                return Optional.of("<#" + v + ">");
            }
            String neutral = DiscordText.neutral(v);
            return Optional.of(o.quote() && neutral.contains(" ") && !neutral.startsWith("\"") ? "\"" + neutral + "\"" : neutral);
        }
        return Optional.empty();
    }

    private static Sub sub(String name, Option... options) {
        String description = HelpText.find(name).map(HelpText.Entry::description).orElse(name);
        return new Sub(name, description, List.of(options));
    }

    private static Option ref(boolean required) {
        return new Option(REF, STRING, "An action or task: ENF003, EN3, enforcement 3 or EN003/01", required, "", false,
                List.of());
    }

    private static Option text(String name, String description, boolean required) {
        return new Option(name, STRING, description, required, "", false, List.of());
    }

    private static Option choice(String name, String description, boolean required, String... choices) {
        return new Option(name, STRING, description, required, "", false, new ArrayList<>(List.of(choices)));
    }
}
