package planbot.command;

import java.time.LocalDate;
import java.util.Locale;
import java.util.OptionalInt;
import planbot.assess.Scale;
import planbot.command.CommandParser.Input;
import planbot.command.CommandParser.Refusal;

/**
 * The {@code assess …} part of the grammar, for {@link CommandParser}: the words after {@code assess} into an
 * {@link AssessStep}, or a refusal with one sentence and the usage. Names and titles may be quoted (straight or curly
 * quotes) or not ({@code owner HoP by 30/06/2027}); dates are read by the same {@link DateParser} as {@code date}, so a
 * date that does not exist gets the same sentence. Stateless; thread-safe.
 */
final class AssessGrammar {
    private static final String USAGE = "assess";

    private AssessGrammar() {
    }

    static AssessStep parse(Input in, DateParser dates) throws Refusal {
        if (!in.has(1)) {
            throw CommandParser.refusal("Say what to do: `assess start \"<template>\"`, `assess vote 3`, `assess status` ….", USAGE);
        }
        String verb = in.word(1);
        switch (verb) {
            case "start":
            case "begin":
            case "run":
                return start(in);
            case "vote":
            case "score":
                return vote(in);
            case "abstain":
                nothingAfter(in, 2);
                return new AssessStep.Vote(null);
            case "reveal":
            case "show":
                nothingAfter(in, 2);
                return new AssessStep.Reveal();
            case "agree":
            case "agreed":
            case "record": {
                Score score = score(in, 2, "agree");
                return new AssessStep.Agree(score.value, score.scale, reason(in, 3, "Say why the group agreed " + score
                        + ": `assess agree " + score + " because …`."));
            }
            case "target": {
                Score score = score(in, 2, "target");
                String why = reason(in, 3, score.value == score.scale.highest() ? null
                        : "Say why the target is not " + score.scale.best() + ": `assess target " + score + " because …`.");
                return new AssessStep.Target(score.value, score.scale, why);
            }
            case "adopt":
            case "accept":
            case "take": {
                int at = tipAt(in);
                int tip = tip(in, at, "adopt");
                Owned o = owned(in, at + 1, dates, "adopt " + tip);
                return new AssessStep.Adopt(tip, o.owner, o.by, o.rest);
            }
            case "dismiss":
            case "reject":
            case "decline": {
                int at = tipAt(in);
                int tip = tip(in, at, "dismiss");
                return new AssessStep.Dismiss(tip, reason(in, at + 1, "Say why tip " + tip
                        + " is not for you: `assess dismiss " + tip + " because we already do this`."));
            }
            case "action":
            case "add": {
                Phrase title = phrase(in, 2, "owner");
                if (title == null) {
                    throw CommandParser.refusal("What is the action? `assess action \"Review validation checklist\" owner \"HoP\" by 30/06/2027`.", USAGE);
                }
                Owned o = owned(in, title.next, dates, "action");
                if (o.rest != null) {
                    throw CommandParser.refusal("I don't know what to do with " + Quote.of(o.rest) + " after the date.", USAGE);
                }
                return new AssessStep.AddAction(title.text, o.owner, o.by);
            }
            case "next":
            case "continue":
                nothingAfter(in, 2);
                return new AssessStep.Next();
            case "end":
            case "finish":
            case "stop":
            case "close":
                nothingAfter(in, 2);
                return new AssessStep.End();
            case "status":
            case "where":
                nothingAfter(in, 2);
                return new AssessStep.Status();
            case "templates":
                nothingAfter(in, 2);
                return new AssessStep.Templates();
            default:
                java.util.List<String> close = Suggest.closest(verb, java.util.List.of("start", "vote", "reveal", "agree",
                        "target", "adopt", "dismiss", "action", "next", "end", "status", "templates"), 2);
                java.util.List<String> suggestions = close.stream().map(v -> "assess " + v).toList();
                throw new Refusal("I don't know `assess " + Quote.clean(in.token(1)) + "`."
                        + (suggestions.isEmpty() ? "" : " Did you mean " + CommandParser.orList(suggestions) + "?") + " "
                        + HelpText.usageSentence(USAGE), suggestions);
        }
    }

    private static AssessStep start(Input in) throws Refusal {
        Phrase name = phrase(in, 2, "anonymous", "named", "plan");
        if (name == null) {
            throw CommandParser.refusal("Which template? `assess start \"Processes, IT and administration\"` (`assess templates` lists them).", USAGE);
        }
        boolean anonymous = false;
        String plan = null;
        int i = name.next;
        while (in.has(i)) {
            String w = in.word(i);
            if (w.equals("anonymous") || w.equals("anonymously")) {
                anonymous = true;
                i++;
            } else if (w.equals("named")) {
                i++;
            } else if (w.equals("plan") && in.has(i + 1)) {
                Phrase p = phrase(in, i + 1, "anonymous", "named");
                plan = p.text;
                i = p.next;
            } else {
                throw CommandParser.refusal("I don't know what to do with " + Quote.of(in.rest(i)) + " after the template's name.", USAGE);
            }
        }
        return new AssessStep.Start(name.text, anonymous, plan);
    }

    private static AssessStep vote(Input in) throws Refusal {
        if (in.has(2) && in.word(2).equals("abstain")) {
            nothingAfter(in, 3);
            return new AssessStep.Vote(null);
        }
        Score score = score(in, 2, "vote");
        nothingAfter(in, 3);
        return new AssessStep.Vote(score.value, score.scale);
    }

    /** A score as typed: its number on its scale; says itself as the scale's word. */
    private record Score(int value, Scale scale) {
        @Override
        public String toString() {
            return scale.word(value);
        }
    }

    /** A number 1 to 5, or a colour (red, amber, green, or r, a, g; any case); which one fits is the session's call. */
    private static Score score(Input in, int i, String verb) throws Refusal {
        String example = verb.equals("vote") ? "`assess vote 3` (or `assess vote abstain`)" : "`assess " + verb + " 3 because …`";
        if (!in.has(i)) {
            throw CommandParser.refusal("Which score? " + example + ".", USAGE);
        }
        String word = in.word(i);
        Integer n = number(word);
        if (n != null && Scale.ONE_TO_FIVE.fits(n)) {
            return new Score(n, Scale.ONE_TO_FIVE);
        }
        OptionalInt colour = n == null ? Scale.RAG.score(word) : OptionalInt.empty();
        if (colour.isPresent()) {
            return new Score(colour.getAsInt(), Scale.RAG);
        }
        throw new Refusal("A score is a whole number from 1 to 5" + (n == null ? " (red, amber or green on a red/amber/green template)" : "")
                + (verb.equals("vote") ? ", or abstain" : "") + ", not " + Quote.of(in.token(i)) + ": " + example + ".");
    }

    /** Where the tip number is: after the verb, or after "tip" ({@code assess adopt tip 3 …}). */
    private static int tipAt(Input in) {
        return in.has(2) && in.word(2).equals("tip") ? 3 : 2;
    }

    private static int tip(Input in, int at, String verb) throws Refusal {
        Integer n = in.has(at) ? number(in.word(at)) : null;
        if (n == null || n < 1) {
            throw CommandParser.refusal("Which tip? Give its number, like `assess " + verb + " 2 …`.", USAGE);
        }
        return n;
    }

    /** A small whole number as typed ("3", "3."), or null. */
    private static Integer number(String word) {
        if (word.isEmpty() || word.length() > 3) {
            return null;
        }
        for (int k = 0; k < word.length(); k++) {
            if (word.charAt(k) < '0' || word.charAt(k) > '9') {
                return null;
            }
        }
        return Integer.parseInt(word);
    }

    /** Free text from token {@code i}, after an optional "because"; refused with {@code missing} when there is none (unless null). */
    private static String reason(Input in, int i, String missing) throws Refusal {
        int at = in.has(i) && (in.word(i).equals("because") || in.word(i).equals("as")) ? i + 1 : i;
        String text = in.note(at);
        if (text == null && missing != null) {
            throw CommandParser.refusal(missing, USAGE);
        }
        return text;
    }

    private record Owned(String owner, LocalDate by, String rest) {
    }

    /** {@code owner "<name>" by <date> [because …]} from token {@code i}. */
    private static Owned owned(Input in, int i, DateParser dates, String what) throws Refusal {
        String example = "`assess " + what + " owner \"Officer 0001\" by 31/03/2027`";
        if (!in.has(i) || !in.word(i).equals("owner")) {
            throw CommandParser.refusal("Who owns it, and by when? " + example + ".", USAGE);
        }
        Phrase owner = phrase(in, i + 1, "by");
        if (owner == null || !in.has(owner.next) || !in.word(owner.next).equals("by") || !in.has(owner.next + 1)) {
            throw CommandParser.refusal("Give an owner and a target date: " + example + ".", USAGE);
        }
        DateResult d = dates.parseAt(in.text, in.tokens.get(owner.next + 1).start());
        if (d instanceof DateResult.Invalid) {
            throw new Refusal(((DateResult.Invalid) d).message());
        }
        if (d instanceof DateResult.NotADate) {
            throw CommandParser.refusal(((DateResult.NotADate) d).message(), USAGE);
        }
        DateResult.Ok ok = (DateResult.Ok) d;
        int next = in.tokenAtOrAfter(ok.end());
        return new Owned(owner.text, ok.date(), reason(in, next, null));
    }

    /** Some words as typed and the token after them. */
    private record Phrase(String text, int next) {
    }

    /**
     * The quoted text starting at token {@code i}, or else the words up to (not including) the first of {@code stops};
     * null when there is nothing there.
     */
    private static Phrase phrase(Input in, int i, String... stops) throws Refusal {
        if (!in.has(i)) {
            return null;
        }
        int start = in.tokens.get(i).start();
        char open = in.text.charAt(start);
        if ("\"“'‘".indexOf(open) >= 0) {
            int close = -1;
            for (int k = start + 1; k < in.text.length(); k++) {
                if ("\"”'’".indexOf(in.text.charAt(k)) >= 0 && (k + 1 == in.text.length() || Tokens.isSpace(in.text.codePointAt(k + 1)))) {
                    close = k;
                    break;
                }
            }
            if (close < 0) {
                throw CommandParser.refusal("A quote opened at " + Quote.of(in.token(i)) + " is never closed.", USAGE);
            }
            String text = Tokens.strip(in.text.substring(start + 1, close));
            return text.isEmpty() ? null : new Phrase(text, in.tokenAtOrAfter(close + 1));
        }
        int j = i;
        while (in.has(j) && !java.util.Arrays.asList(stops).contains(in.word(j).toLowerCase(Locale.ROOT))) {
            j++;
        }
        return j == i ? null : new Phrase(in.rest(i, j), j);
    }

    private static void nothingAfter(Input in, int i) throws Refusal {
        if (in.has(i)) {
            throw CommandParser.refusal("I don't know what to do with " + Quote.of(in.rest(i)) + " after "
                    + Quote.of(in.rest(0, i)) + ".", USAGE);
        }
    }
}
