package planbot.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Throws random and hostile text at every parser. Whatever comes in, nothing throws, every failure is a
 * clean non-blank sentence (no control, invisible or broken characters, never the internal-error fallback),
 * and whatever a command keeps as typed really is a piece of what was typed.
 */
class ParserFuzzTest {

    private static final long SEED = 20240515L;
    private static final int CASES = 12_000;

    private static final String[] FRAGMENTS = {
            // the language itself
            "/plan", "plan", "status", "list", "mine", "overdue", "update", "done", "complete", "note", "date", "assign",
            "snooze", "history", "search", "digest", "preview", "help", "section", "due", "owner", "all", "until", "for",
            "stauts", "updte", "STATUS", "Update",
            // refs
            "ENF003", "ENFORCEMENT", "003", "enforcement 3", "EN003", "EN3", "EN003/01", "EN3/1", "en3/1", "IT",
            "INFRASTRUCTURE", "012", "MEMBER TRAINING 001", "PRE-APP", "EN3/", "/1", "EN", "0", "9999999999999999999",
            // statuses
            "on target", "in progress", "at risk", "not started", "delayed", "completed", "closed", "-", "–", "—",
            "closed - no longer required", "no longer required", "done?", "done.",
            // dates and amounts
            "31/02/2023", "29/02/2024", "05/31/2023", "31/05/2023", "31/5/23", "31-05-2023", "31 May 2023", "31st",
            "May", "june", "end of", "end of june", "end of month", "in", "2", "weeks", "10 days", "1d", "3d", "1w", "2w",
            "friday", "next", "today", "tomorrow", "0d", "60w", "2023-05-31", "1/1/1", "31/", "/05/", "..", "//",
            // mentions and markup
            "<@U123>", "<@U123|sam>", "<@!81234>", "<@&1>", "<!channel>", "<!here>", "<!subteam^S1>", "@everyone",
            "@here", "@sam", "@", "<@", "<", ">", "&amp;", "<b>", "</b>", "*bold*", "_it_", "~x~", "`", "```", "> quote",
            "[link](http://x)", "<http://x|y>",
            // injection-ish and odd text
            "'", "\"", "'; DROP TABLE tasks; --", "' OR 1=1 --", "\\", "%s", "%n", "${jndi:ldap://x}", "{{x}}",
            // invisible, control and broken characters
            "\u202E", "\u202D", "\u200F", "\u200E", "\u200B", "\uFEFF", "\u2066", "\uD800", "\uDC00", "\uDBFF\uDFFF",
            "\u0000", "\u0007", "\u001B[31m", "\r\n", "\t", "\u00A0", "\u3000", "\u2028", "😀", "e\u0301", "İ", "ß",
            "ﬁ", "٣", "３", "𝟑",
    };

    private static final String[] JOINERS = {" ", " ", " ", "", "\n", "\u00A0", "  ", "\t", ",", ":"};

    @Test
    void givenTwelveThousandRandomAndHostileStrings_whenParsedByEveryParser_thenNothingThrowsAndEveryFailureIsASentence() {
        List<String> inputs = inputs();
        assertThat(inputs).hasSizeGreaterThanOrEqualTo(10_000);

        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (String input : inputs) {
                checkCommand(input);
                checkReply(input);
                checkDate(input);
                RefSyntax.parse(input);
            }
        });
    }

    @Test
    void givenWorstCaseInputsJustUnderTheLimit_whenParsedRepeatedly_thenTheTimeStaysSmall() {
        int n = CommandParser.MAX_LENGTH;
        List<String> worst = List.of(
                pad("status ", "a ", n), pad("update EN3 ", "closed - ", n), pad("date EN3 ", "end of ", n),
                pad("note ", "a-b ", n), pad("snooze EN3 ", "in ", n), pad("", "x", n), pad("", "-", n),
                pad("update EN3/1 ", "on ", n), pad("assign EN3 ", "@", n), pad("help ", "stauts ", n),
                pad("", "1/", n), pad("", "\uD800", n), pad("new date ", "1", n), pad("", " ", n));

        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int round = 0; round < 50; round++) {
                for (String input : worst) {
                    assertThat(input.length()).isLessThanOrEqualTo(n);
                    checkCommand(input);
                    checkReply(input);
                    checkDate(input);
                }
            }
        });
    }

    private static List<String> inputs() {
        Random random = new Random(SEED);
        List<String> inputs = new ArrayList<>();
        inputs.add("");
        inputs.add(" ");
        inputs.add("\u0000");
        inputs.add("\uD800");
        inputs.add(" ".repeat(100_000));
        inputs.add("status " + "EN3/1 ".repeat(20_000));
        inputs.add(randomChars(random, 100_000));
        inputs.add(pad("note EN3/1 ", "x", CommandParser.MAX_LENGTH));
        inputs.add(pad("note EN3/1 ", "x", CommandParser.MAX_LENGTH + 1));
        inputs.add("<!channel> ".repeat(10_000));
        while (inputs.size() < CASES) {
            int kind = random.nextInt(10);
            if (kind < 3) {
                inputs.add(fragments(random, 1 + random.nextInt(12)));
            } else if (kind < 6) {
                inputs.add(shaped(random));
            } else if (kind < 7) {
                inputs.add(FRAGMENTS[random.nextInt(25)] + " " + fragments(random, random.nextInt(8)));
            } else if (kind < 8) {
                inputs.add(randomChars(random, random.nextInt(60)));
            } else {
                inputs.add(mutate(random, random.nextBoolean() ? shaped(random) : fragments(random, 2 + random.nextInt(6))));
            }
        }
        return inputs;
    }

    /** Close to a real command, so that the deeper parsing paths run: a keyword, a ref, then a random tail. */
    private static String shaped(Random random) {
        String keyword = HelpText.names().get(random.nextInt(HelpText.names().size()));
        String ref = REFS[random.nextInt(REFS.length)];
        String tail = random.nextBoolean() ? TAILS[random.nextInt(TAILS.length)] + " " : "";
        return (random.nextInt(4) == 0 ? "/plan " : "") + keyword + " " + ref + " " + tail + fragments(random, random.nextInt(5));
    }

    private static final String[] REFS = {"ENF003", "ENFORCEMENT 003", "enforcement 3", "EN003", "EN3", "EN003/01", "EN3/1",
            "IT INFRASTRUCTURE 012", "MEMBER TRAINING 001", "en3/1", "<@U1>", "31/05/2024", "COMMS"};
    private static final String[] TAILS = {"on target", "Closed - no longer required", "at risk", "done", "30/06/2024",
            "31/02/2023", "05/31/2023", "end of june", "in 2 weeks", "next friday", "1w", "3d", "0d", "until 01/01/2020",
            "@sam", "<@U123>", "@everyone", "<!channel>", "Patsy Dell", "section", "due 14d", "owner", "status at risk",
            "preview", "mine", "- note:", "‮", "'; DROP TABLE tasks; --"};

    private static String fragments(Random random, int count) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            b.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            b.append(JOINERS[random.nextInt(JOINERS.length)]);
        }
        return b.toString();
    }

    /** Any UTF-16 unit, lone surrogates included, with a bias toward ASCII. */
    private static String randomChars(Random random, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(random.nextInt(3) == 0 ? (char) random.nextInt(0x10000) : (char) (32 + random.nextInt(95)));
        }
        return b.toString();
    }

    /** Deletes, doubles or swaps a few characters: what typing on a phone does. */
    private static String mutate(Random random, String s) {
        StringBuilder b = new StringBuilder(s);
        for (int i = 0; i < 3 && b.length() > 1; i++) {
            int at = random.nextInt(b.length() - 1);
            switch (random.nextInt(3)) {
                case 0: b.deleteCharAt(at); break;
                case 1: b.insert(at, b.charAt(at)); break;
                default: char c = b.charAt(at); b.setCharAt(at, b.charAt(at + 1)); b.setCharAt(at + 1, c); break;
            }
        }
        return b.toString();
    }

    private static String pad(String prefix, String unit, int length) {
        StringBuilder b = new StringBuilder(prefix);
        while (b.length() + unit.length() <= length) {
            b.append(unit);
        }
        while (b.length() < length) {
            b.append('x');
        }
        return b.toString();
    }

    private static void checkCommand(String input) {
        ParseResult r = Fixtures.COMMANDS.parse(input);
        if (r instanceof ParseResult.Failed) {
            ParseResult.Failed f = (ParseResult.Failed) r;
            assertCleanSentence(f.message(), input);
            for (String suggestion : f.suggestions()) {
                assertCleanSentence(suggestion, input);
            }
        } else {
            for (String typed : typedParts(((ParseResult.Parsed) r).command())) {
                if (!input.contains(typed)) {
                    assertThat(input).as("kept as typed: " + describe(input)).contains(typed);
                }
            }
        }
    }

    private static void checkReply(String input) {
        ReminderReply r = Fixtures.REPLIES.parse(input);
        if (r instanceof ReminderReply.Failed) {
            assertCleanSentence(((ReminderReply.Failed) r).message(), input);
        } else if (r instanceof ReminderReply.FreeText) {
            assertThat(input).contains(((ReminderReply.FreeText) r).text());
        } else if (r instanceof ReminderReply.SetStatus) {
            ReminderReply.SetStatus s = (ReminderReply.SetStatus) r;
            assertThat(input).contains(s.statusWord());
            assertThat(s.note() == null || input.contains(s.note())).isTrue();
        }
    }

    private static void checkDate(String input) {
        DateResult r = Fixtures.DATES.parse(input);
        if (r instanceof DateResult.Invalid) {
            assertCleanSentence(((DateResult.Invalid) r).message(), input);
        } else if (r instanceof DateResult.NotADate) {
            assertCleanSentence(((DateResult.NotADate) r).message(), input);
        }
        DateResult leading = Fixtures.DATES.parseLeading(input);
        if (leading instanceof DateResult.Ok) {
            assertThat(((DateResult.Ok) leading).end()).isBetween(1, input.length());
        }
    }

    private static void assertCleanSentence(String message, String input) {
        boolean clean = message != null && !message.isBlank() && !message.equals(CommandParser.INTERNAL_ERROR)
                && message.length() < 1_000;
        for (int i = 0; clean && i < message.length(); ) {
            int cp = message.codePointAt(i);
            int type = Character.getType(cp);
            clean = type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE;
            i += Character.charCount(cp);
        }
        if (!clean) {
            assertThat(message).as("a short, clean, non-blank sentence (no control, format or surrogate characters) for "
                    + describe(input)).isEqualTo("<that>");
        }
    }

    /** Everything a command keeps as the user typed it. */
    private static List<String> typedParts(Command c) {
        List<String> parts = new ArrayList<>();
        if (c instanceof Command.Status) {
            parts.add(((Command.Status) c).ref().text());
        } else if (c instanceof Command.History) {
            parts.add(((Command.History) c).ref().text());
        } else if (c instanceof Command.Update) {
            Command.Update u = (Command.Update) c;
            parts.add(u.ref().text());
            parts.add(u.statusWord());
            parts.add(u.note());
        } else if (c instanceof Command.Done) {
            parts.add(((Command.Done) c).ref().text());
            parts.add(((Command.Done) c).note());
        } else if (c instanceof Command.Note) {
            parts.add(((Command.Note) c).ref().text());
            parts.add(((Command.Note) c).text());
        } else if (c instanceof Command.Date) {
            parts.add(((Command.Date) c).ref().text());
            parts.add(((Command.Date) c).reason());
        } else if (c instanceof Command.Assign) {
            parts.add(((Command.Assign) c).ref().text());
            parts.add(((Command.Assign) c).assignee().text());
        } else if (c instanceof Command.Snooze) {
            parts.add(((Command.Snooze) c).ref().text());
            parts.add(((Command.Snooze) c).reason());
        } else if (c instanceof Command.Search) {
            parts.add(((Command.Search) c).words());
        } else if (c instanceof Command.List) {
            ListFilter f = ((Command.List) c).filter();
            if (f instanceof ListFilter.Section) {
                parts.add(((ListFilter.Section) f).name());
            } else if (f instanceof ListFilter.WithStatus) {
                parts.add(((ListFilter.WithStatus) f).word());
            } else if (f instanceof ListFilter.Owner) {
                parts.add(((ListFilter.Owner) f).name());
            }
        }
        parts.removeIf(p -> p == null);
        return parts;
    }

    private static String describe(String input) {
        String head = input.length() > 80 ? input.substring(0, 80) + "… (" + input.length() + " chars)" : input;
        StringBuilder b = new StringBuilder("input <");
        head.chars().forEach(ch -> b.append(ch < 32 || (ch >= 0xD800 && ch <= 0xDFFF) || ch > 126
                ? String.format("\\u%04X", ch) : String.valueOf((char) ch)));
        return b.append('>').toString();
    }
}
