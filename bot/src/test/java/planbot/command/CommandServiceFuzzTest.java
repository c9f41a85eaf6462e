package planbot.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static planbot.command.SamplePeople.ADA;
import static planbot.command.SamplePeople.VERA;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.reply.Confirmation;
import planbot.reply.Failure;
import planbot.reply.Reply;
import planbot.testing.TestBot;

/**
 * Throws random and hostile text at the command service itself (parser, ref resolver, permissions,
 * storage), as a viewer, a guest and an officer who owns nothing: nothing may throw, change the database, or answer with the
 * generic failure, and every answer is a clean sentence. Then, as an admin, hostile notes are stored
 * exactly as typed.
 */
class CommandServiceFuzzTest {
    private static final long SEED = 20230515L;
    /** An officer who owns no task: may change nothing, but gets past the viewer's up-front refusal. */
    private static final String NOBODY = "Otto Nobody";
    private static final int CASES = 10_000;

    private static final String[] HOSTILE = {
            "'; DROP TABLE task; --", "' OR 1=1 --", "\"", "'", "\\", "%", "_", "%s%n", "${jndi:ldap://x/a}", "{{7*7}}",
            "<!channel>", "<!here>", "<!everyone>", "@everyone", "@here", "<@U123>", "<@U123|sam>", "<@!81234>", "<@&1>",
            "*bold*", "_it_", "~strike~", "`code`", "```block```", "> quote", "[link](http://x)", "<http://x|y>",
            "<script>alert(1)</script>", "&amp;", "\u202Eevil\u202C", "\u200F\u200E", "\u2066x\u2069", "\u200B", "\uFEFF",
            "مرحبا بالعالم", "שלום", "\uD800", "\uDC00", "\uDBFF\uDFFF", "\u0000", "\u0007", "\u001B[31mred\u001B[0m",
            "\r\n", "\t", "\u2028", "😀👍🏽", "e\u0301", "İı", "ß", "３１/０５/２０２３", "٣", "𝟑", "NaN", "-1", "99999999999999999999",
    };

    private static final String[] WORDS = {
            "/plan", "plan", "status", "list", "mine", "overdue", "update", "done", "complete", "note", "date", "assign",
            "snooze", "history", "search", "digest", "preview", "help", "section", "due", "owner", "status", "all",
            "ENF003", "ENFORCEMENT", "003", "enforcement 3", "EN003", "EN3", "EN003/01", "EN3/1", "EN3/", "/1", "CO1",
            "E3", "XYZ999", "IT012/01", "on target", "at risk", "completed", "closed - no longer required", "30/06/2023",
            "31/02/2023", "1w", "3d", "0d", "friday", "end of june", "14d", "Olivia Officer", "in", "until",
    };

    /** Valid commands up to where junk starts: the deeper paths (resolve, permission, write) get the junk. */
    private static final String[] PREFIXES = {
            "update EN003/01 ", "update EN3/1 at risk ", "date EN3/1 ", "date EN003/01 30/06/2023 ", "note EN3/1 ",
            "note EN003/01 ", "done EN3/1 ", "complete EN3/1 ", "assign EN3/1 ", "snooze EN3/1 ", "snooze EN3/1 1w ",
            "status ", "history ", "search ", "list ", "list owner ", "list section ", "list status ", "list due ",
            "help ", "digest ", "status EN3/1 ", "/plan update ENF003/01 ",
    };

    @TempDir
    Path dir;
    TestBot bot;

    @BeforeEach
    void open() {
        bot = SamplePeople.open(dir).person(NOBODY, planbot.domain.Role.OFFICER);
    }

    @AfterEach
    void close() {
        bot.close();
    }

    @Test
    void givenTenThousandRandomAndHostileStrings_whenSentByPeopleWhoMayChangeNothing_thenEveryAnswerIsACleanSentenceAndNothingChanges() {
        List<String> inputs = inputs();
        assertThat(inputs).hasSizeGreaterThanOrEqualTo(CASES);
        Map<String, ?> before = bot.dump();
        int[] answered = new int[2];

        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < inputs.size(); i++) {
                String input = inputs.get(i);
                Reply reply;
                try {
                    // Mostly a viewer (refused before any lookup); also a guest, and an officer who owns nothing,
                    // whose changes are refused only after the ref is resolved, inside the write transaction.
                    reply = i % 5 == 4 ? bot.sendAsGuest("guest", input)
                            : i % 5 == 3 ? bot.send(NOBODY, input) : bot.send(VERA, input);
                } catch (RuntimeException e) {
                    throw new AssertionError("the service threw on " + describe(input), e);
                }
                check(reply, input);
                answered[reply instanceof Failure ? 0 : 1]++;
                if (i % 10 == 0) {
                    Reply r = bot.replyToReminder(VERA, "EN003/01", input);
                    check(r, "reply: " + input);
                }
            }
        });

        assertThat(bot.dump()).as("the database after the fuzz").isEqualTo(before);
        // Both kinds of answer were exercised, so the checks above looked at replies and refusals alike.
        assertThat(answered[0]).isGreaterThan(1000);
        assertThat(answered[1]).isGreaterThan(1000);
    }

    @Test
    void givenHostileText_whenAnAdminNotesIt_thenTheNoteIsStoredExactlyAsTypedAndShownWithoutDrivingTheTerminal() {
        List<String> notes = new ArrayList<>(List.of(HOSTILE));
        notes.add("'; DROP TABLE task; -- and <!channel> @everyone *really* \u202Eevil\u202C 😀 in one note");
        notes.add("line one\nline two\r\nline three");
        notes.add("x".repeat(CommandParser.MAX_LENGTH - "note EN003/01 ".length()));
        notes.removeIf(n -> Tokens.isBlank(n) || Tokens.isSeparator(n) || Texts.hasUnstorableChar(n));
        String prefix = "15/05/2023 Ada Admin: ";

        for (String note : notes) {
            Reply reply = bot.send(ADA, "note EN003/01 " + note);

            assertThat(reply).as("reply to %s", describe(note)).isInstanceOf(Confirmation.class);
            String stored = bot.task("EN003/01").notes();
            assertThat(stored.substring(stored.lastIndexOf(prefix) + prefix.length()))
                    .as("stored note for %s", describe(note)).isEqualTo(Tokens.strip(note));
            assertThat(bot.audit("EN003/01").get(0).after()).isEqualTo(Tokens.strip(note));
            String card = bot.sendText(ADA, "status EN003/01");
            assertThat(card.chars().filter(c -> Character.isISOControl(c) && c != '\n' && c != '\t'))
                    .as("control characters in the card after %s", describe(note)).isEmpty();
        }
        assertThat(notes).hasSizeGreaterThan(45);
    }

    @Test
    void givenTextWithALoneSurrogateOrANul_whenAnAdminNotesIt_thenItIsRefusedWithAReasonRatherThanStoredAltered() {
        for (String note : List.of("half \uD83D of an emoji", "\uDC00", "nul \u0000 inside", "end \uD800")) {
            var before = bot.dump();

            Reply reply = bot.send(ADA, "note EN003/01 " + note);

            assertThat(reply).as(describe(note)).isInstanceOf(Failure.class);
            assertThat(((Failure) reply).message()).isEqualTo(Texts.UNSTORABLE);
            assertThat(bot.dump()).isEqualTo(before);
            assertThat(bot.replyToReminder(ADA, "EN003/01", note)).isEqualTo(Failure.of(Texts.UNSTORABLE));
        }
        bot.send(ADA, "note EN003/01 a whole emoji \uD83D\uDE00 is fine");
        assertThat(bot.task("EN003/01").notes()).endsWith("a whole emoji 😀 is fine");
    }

    // ---- checks

    private void check(Reply reply, String input) {
        assertThat(reply).as("reply to %s", describe(input)).isNotNull();
        String text = bot.render(reply);
        assertThat(text).as("rendered reply to %s", describe(input)).isNotBlank();
        if (reply instanceof Failure) {
            Failure f = (Failure) reply;
            assertThat(f.message()).as("refusal of %s", describe(input))
                    .isNotEqualTo(Failure.GENERIC)
                    .isNotEqualTo(CommandParser.INTERNAL_ERROR);
            assertSentence(f.message(), input);
            f.suggestions().forEach(s -> assertClean(s, input));
        }
        assertClean(text, input);
    }

    private static void assertSentence(String message, String input) {
        String end = message.strip();
        if (!(end.endsWith(".") || end.endsWith("?") || end.endsWith("`") || end.endsWith(")"))) {
            fail("not a sentence: <" + message + "> for " + describe(input));
        }
    }

    /** No control characters but line breaks, no invisible format characters, no broken surrogate pairs. */
    private static void assertClean(String text, String input) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            boolean bad = (type == Character.CONTROL && cp != '\n') || type == Character.FORMAT || type == Character.SURROGATE;
            if (bad) {
                fail(String.format("U+%04X in <%s> for %s", cp, text, describe(input)));
            }
        }
    }

    private static String describe(String input) {
        StringBuilder b = new StringBuilder("<");
        input.codePoints().limit(120).forEach(cp -> {
            if (cp < 32 || cp > 126) {
                b.append(String.format("\\u%04X", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.append(input.length() > 120 ? "…> (" + input.length() + " chars)" : ">").toString();
    }

    // ---- inputs

    private static List<String> inputs() {
        Random random = new Random(SEED);
        List<String> inputs = new ArrayList<>(List.of("", " ", "\n", "/plan", "\u0000", "\uD800", "\u202E",
                " ".repeat(100_000), "x".repeat(100_000), "note EN3/1 " + "y".repeat(100_000),
                "status " + "EN3/1 ".repeat(20_000), randomChars(random, 100_000), "<!channel> ".repeat(10_000),
                "update EN003/01 '; DROP TABLE task; --", "note EN3/1 '; DROP TABLE task; --", "assign EN3/1 @everyone",
                "assign EN3/1 <!channel>", "search '; DROP TABLE task; --", "list owner ' OR 1=1 --", "status ' OR 1=1 --"));
        for (String h : HOSTILE) {
            inputs.add(h);
            for (String p : PREFIXES) {
                inputs.add(p + h);
            }
        }
        while (inputs.size() < CASES) {
            int kind = random.nextInt(10);
            if (kind < 4) {
                inputs.add(PREFIXES[random.nextInt(PREFIXES.length)] + junk(random));
            } else if (kind < 6) {
                inputs.add(words(random, 1 + random.nextInt(8)));
            } else if (kind < 8) {
                inputs.add(WORDS[random.nextInt(23)] + " " + junk(random));
            } else if (kind < 9) {
                inputs.add(randomChars(random, random.nextInt(80)));
            } else {
                inputs.add(mutate(random, PREFIXES[random.nextInt(PREFIXES.length)] + words(random, 1 + random.nextInt(4))));
            }
        }
        return inputs;
    }

    private static String junk(Random random) {
        switch (random.nextInt(4)) {
            case 0: return HOSTILE[random.nextInt(HOSTILE.length)];
            case 1: return randomChars(random, 1 + random.nextInt(40));
            case 2: return words(random, 1 + random.nextInt(5)) + HOSTILE[random.nextInt(HOSTILE.length)];
            default: return HOSTILE[random.nextInt(HOSTILE.length)] + " " + words(random, random.nextInt(4));
        }
    }

    private static String words(Random random, int count) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            b.append(i == 0 ? "" : random.nextInt(5) == 0 ? "  " : " ").append(WORDS[random.nextInt(WORDS.length)]);
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
            int op = random.nextInt(3);
            if (op == 0) {
                b.deleteCharAt(at);
            } else if (op == 1) {
                b.insert(at, b.charAt(at));
            } else {
                char c = b.charAt(at);
                b.setCharAt(at, b.charAt(at + 1));
                b.setCharAt(at + 1, c);
            }
        }
        return b.toString();
    }
}
