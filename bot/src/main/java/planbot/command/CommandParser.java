package planbot.command;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import planbot.storage.ChannelPurpose;

/**
 * Turns the text of a {@code /plan} command into a {@link Command}, or into a friendly sentence saying what
 * is wrong and how to write it (DESIGN §6). One grammar for every platform; adapters pass the text after the
 * slash command or bot mention. A leading {@code /plan} or {@code plan} is accepted and dropped; keywords
 * are case-insensitive; everything else the user typed (refs, notes, names, search words) is kept as typed,
 * only surrounding whitespace removed.
 *
 * <p>Refs are kept as typed ({@link RefText}); a ref is the leading words up to and including the first
 * word with a digit in it ({@code enforcement 3}, {@code IT INFRASTRUCTURE 012}, {@code EN3/1}), at most
 * {@value RefSyntax#MAX_WORDS} words. {@code status} and {@code history} also take a ref with no number
 * ({@code status COMMS}) for the resolver to suggest from.
 *
 * <p>A ref may name its plan, for a tenant whose plans share refs: before it, {@code south:EN003/01} or
 * {@code "north east":EN003/01}; or after it, {@code EN003/01 in south}, {@code EN003/01 in "north east"}. After
 * a ref, {@code in} starts a plan's name only when it is quoted, or is one of the tenant's plans (so that
 * {@code update EN3/1 in progress} and {@code done EN3/1 in time for committee} keep their meaning), or, for
 * {@code status} and {@code history}, whatever follows. This is the only place a plan is read from a command.
 *
 * <p>Never throws, for any input: failures are {@link ParseResult.Failed} with a non-blank message. Text
 * longer than {@value #MAX_LENGTH} characters is refused up front, and so is text with a character no database
 * stores as typed (a lone surrogate, NUL), since what is typed is kept verbatim; every step after that looks at each
 * character a bounded number of times (no backtracking regular expressions), so parsing is linear in the
 * length of the text. Stateless apart from its {@link DateParser}; thread-safe.
 */
public final class CommandParser {

    /** The longest command accepted, in chars. A chat command longer than this is a paste, not a command. */
    public static final int MAX_LENGTH = 4000;

    /** What the user sees if the parser itself has a bug; tests assert that no input produces it. */
    static final String INTERNAL_ERROR = "Sorry, something went wrong reading that command. Try `help` to see how to write it.";

    private static final System.Logger LOG = System.getLogger(CommandParser.class.getName());
    private static final String REF_SHAPES = "A ref looks like ENF003, EN3, enforcement 3 or EN003/01.";

    private final DateParser dates;

    public CommandParser(DateParser dates) {
        this.dates = Objects.requireNonNull(dates, "dates");
    }

    /** The command in the text, or why there is none, knowing no plan names. */
    public ParseResult parse(String text) {
        return parse(text, java.util.List::of);
    }

    /**
     * The command in the text, or why there is none. Blank text (a bare {@code /plan}) asks for help.
     *
     * @param planNames the tenant's plan names, asked only when a ref is followed by {@code in}
     */
    public ParseResult parse(String text, java.util.function.Supplier<java.util.List<String>> planNames) {
        try {
            return new ParseResult.Parsed(command(text, planNames));
        } catch (Refusal r) {
            return r.failed;
        } catch (RuntimeException e) {
            // A bug here must not reach chat as a stack trace; log it with context, answer briefly.
            LOG.log(System.Logger.Level.ERROR, "command parser failed on a " + (text == null ? 0 : text.length())
                    + "-character message", e);
            return new ParseResult.Failed(INTERNAL_ERROR);
        }
    }

    private Command command(String text, java.util.function.Supplier<java.util.List<String>> planNames) throws Refusal {
        if (text == null) {
            return Command.Help.overview();
        }
        if (text.length() > MAX_LENGTH) {
            throw new Refusal(String.format("That's too long for a command: %,d characters, and I take up to %,d. "
                    + "Put long notes in the tracker, or send them in parts.", text.length(), MAX_LENGTH));
        }
        if (Texts.hasUnstorableChar(text)) {
            throw new Refusal(Texts.UNSTORABLE);
        }
        Input in = new Input(text, planNames);
        int k = 0;
        if (in.has(0) && (in.word(0).equals("/plan") || in.word(0).equals("plan"))) {
            k = 1;
        }
        if (!in.has(k)) {
            return Command.Help.overview();
        }
        Input args = in.from(k);
        String keyword = args.word(0);
        switch (keyword) {
            case "status":
                return new Command.Status(singleRef(args, "status"));
            case "history":
                return new Command.History(singleRef(args, "history"));
            case "list":
                return new Command.List(listFilter(args));
            case "mine":
                nothingAfter(args, 1, "mine");
                return new Command.Mine();
            case "overdue":
                nothingAfter(args, 1, "overdue");
                return new Command.Overdue();
            case "update":
                return update(args);
            case "done":
            case "complete": {
                RefAt r = ref(args, 1, keyword, false);
                return new Command.Done(r.ref, args.note(r.next));
            }
            case "note": {
                RefAt r = ref(args, 1, "note", false);
                String note = args.note(r.next);
                if (note == null) {
                    throw refusal("What's the note for " + Quote.of(r.ref.text()) + "?", "note");
                }
                return new Command.Note(r.ref, note);
            }
            case "date":
                return date(args);
            case "assign":
                return assign(args);
            case "snooze":
                return snooze(args);
            case "search": {
                if (!args.has(1)) {
                    throw refusal("What should I search for?", "search");
                }
                return new Command.Search(args.rest(1));
            }
            case "digest":
                if (args.has(1) && !(args.word(1).equals("preview") && !args.has(2))) {
                    throw refusal("`digest` shows a preview; I don't know what to do with " + Quote.of(args.rest(1)) + ".", "digest");
                }
                return new Command.DigestPreview();
            case "help":
                return help(args);
            case "people":
                return people(args);
            case "channel":
            case "channels":
                return channel(args);
            case "policy":
                return policy(args);
            case "me":
                return me(args);
            case "admin":
                return admin(args);
            case "doctor":
                nothingAfter(args, 1, "doctor");
                return new Command.Doctor();
            case "calendar":
                nothingAfter(args, 1, "calendar");
                return new Command.Calendar();
            case "web":
                nothingAfter(args, 1, "web");
                return new Command.Web();
            case "assess":
            case "assessment":
                return new Command.Assess(AssessGrammar.parse(args, dates));
            default:
                throw unknown(args);
        }
    }

    // ---- commands with arguments

    private static RefText singleRef(Input in, String command) throws Refusal {
        RefAt r = ref(in, 1, command, true);
        if (in.has(r.next)) {
            throw refusal("`" + command + "` takes one ref; I don't know what to do with " + Quote.of(in.rest(r.next)) + ".", command);
        }
        return r.ref;
    }

    private static ListFilter listFilter(Input in) throws Refusal {
        if (!in.has(1)) {
            return new ListFilter.All();
        }
        String filter = in.word(1);
        switch (filter) {
            case "all":
                nothingAfter(in, 2, "list");
                return new ListFilter.All();
            case "mine":
                nothingAfter(in, 2, "list");
                return new ListFilter.Mine();
            case "overdue":
                nothingAfter(in, 2, "list");
                return new ListFilter.Overdue();
            case "section":
                return new ListFilter.Section(required(in, 2, "Which section? Give its name, like `list section enforcement`."));
            case "status":
                return new ListFilter.WithStatus(required(in, 2, "Which status? Say one of " + StatusPhrases.OFFERED + "."));
            case "owner":
                return new ListFilter.Owner(required(in, 2, "Whose tasks? Give a name or mention, like `list owner @sam`."));
            case "due":
                return new ListFilter.DueWithin(dueDays(in));
            default: {
                java.util.List<String> close = Suggest.closest(filter, java.util.List.of("all", "section", "mine", "overdue", "due", "status", "owner"), 2);
                java.util.List<String> suggestions = close.stream().map(f -> "list " + f).toList();
                String didYouMean = suggestions.isEmpty() ? "" : " Did you mean " + orList(suggestions) + "?";
                throw new Refusal("I don't know the list filter " + Quote.of(in.token(1)) + "." + didYouMean + " "
                        + HelpText.usageSentence("list"), suggestions);
            }
        }
    }

    private static int dueDays(Input in) throws Refusal {
        int i = 2;
        if (in.has(i) && (in.word(i).equals("in") || in.word(i).equals("within"))) {
            i++;
        }
        DateParser.Amount amount = DateParser.Amount.read(in.words(), i, false);
        if (amount == null) {
            amount = DateParser.Amount.bareDays(in.words(), i);
        }
        if (amount == null) {
            throw refusal("Due within how long? Say a number of days or weeks, like `list due 14d` or `list due 2w`.", "list");
        }
        nothingAfter(in, i + amount.used, "list");
        int days = amount.days();
        if (days < 1 || days > ListFilter.MAX_DUE_DAYS) {
            throw refusal("I can look 1 to " + ListFilter.MAX_DUE_DAYS + " days ahead, not " + days + ".", "list");
        }
        return days;
    }

    private static Command update(Input in) throws Refusal {
        RefAt r = ref(in, 1, "update", false);
        int i = r.next;
        if (!in.has(i)) {
            throw refusal("What's the new status for " + Quote.of(r.ref.text()) + "? Say " + StatusPhrases.OFFERED + ".", "update");
        }
        if (in.word(i).equals("to") && StatusPhrases.match(in.text, in.tokens, i + 1) != null) {
            i++;
        }
        StatusPhrases.Match status = StatusPhrases.match(in.text, in.tokens, i);
        if (status == null) {
            String close = StatusPhrases.closest(in.tokens, i);
            String ref = Quote.oneLine(r.ref.toString());
            java.util.List<String> suggestions = close == null || ref == null
                    ? java.util.List.of()
                    : java.util.List.of("update " + ref + " " + close);
            throw new Refusal("I don't know the status " + Quote.of(in.rest(i, Math.min(in.tokens.size(), i + 3))) + "."
                    + (close == null ? "" : " Did you mean `" + close + "`?")
                    + " Say " + StatusPhrases.OFFERED + ". " + HelpText.usageSentence("update"), suggestions);
        }
        return new Command.Update(r.ref, status.typed(), in.note(status.next()));
    }

    private Command date(Input in) throws Refusal {
        RefAt r = ref(in, 1, "date", false);
        if (!in.has(r.next)) {
            throw refusal("What's the new target date for " + Quote.of(r.ref.text()) + "?", "date");
        }
        DateResult d = dates.parseAt(in.text, in.tokens.get(r.next).start());
        if (d instanceof DateResult.Ok) {
            DateResult.Ok ok = (DateResult.Ok) d;
            return new Command.Date(r.ref, ok.date(), in.noteFromOffset(ok.end()));
        }
        if (d instanceof DateResult.Invalid) {
            throw new Refusal(((DateResult.Invalid) d).message());
        }
        throw refusal(((DateResult.NotADate) d).message(), "date");
    }

    private static Command assign(Input in) throws Refusal {
        RefAt r = ref(in, 1, "assign", false);
        if (!in.has(r.next)) {
            throw refusal("Who should " + Quote.of(r.ref.text()) + " go to? Mention them or type their name.", "assign");
        }
        String first = in.tokens.get(r.next).text();
        String rest = in.rest(r.next);
        if (Mentions.looksLikeMention(first) && !Mentions.isGroup(first) && Mentions.isPersonMention(Tokens.strip(first))) {
            if (in.has(r.next + 1)) {
                throw refusal("A task goes to one person: I read " + Quote.of(first) + " but not "
                        + Quote.of(in.rest(r.next + 1)) + ".", "assign");
            }
            return new Command.Assign(r.ref, new Assignee.Mention(first));
        }
        String problem = Mentions.nameProblem(rest);
        if (problem != null) {
            throw refusal(problem, "assign");
        }
        return new Command.Assign(r.ref, new Assignee.Name(rest));
    }

    private static Command people(Input in) throws Refusal {
        String sub = in.has(1) ? in.word(1) : "";
        if (sub.equals("unlinked")) {
            nothingAfter(in, 2, "people");
            return new Command.Unlinked();
        }
        if (sub.equals("match")) {
            if (!in.has(2)) {
                return new Command.MatchPeople(null);
            }
            if (!in.word(2).equals("confirm") || !in.has(3) || in.has(4)) {
                throw refusal("Say `people match` to see the proposed links, then `people match confirm CODE` with the code "
                        + "it gave.", "people");
            }
            return new Command.MatchPeople(in.token(3));
        }
        if (!sub.equals("link")) {
            throw refusal(sub.isEmpty() ? "Say `people link`, `people unlinked` or `people match`."
                    : "I don't know `people " + Quote.clean(in.token(1)) + "`: say `people link`, `people unlinked` or "
                    + "`people match`.", "people");
        }
        if (!in.has(3)) {
            throw refusal("Say the name as the plan writes it, then mention the person or the channel.", "people");
        }
        int last = in.tokens.size() - 1;
        String mention = in.token(last);
        if (Mentions.channelId(Tokens.strip(mention)).isPresent()) {
            String team = unquote(in.rest(2, last));
            if (team.isEmpty()) {
                throw refusal("Which name in the plan (a team or a role) should get its reminders in " + Quote.of(mention) + "?", "people");
            }
            return new Command.LinkChannel(team, Tokens.strip(mention));
        }
        if (Mentions.isGroup(mention)) {
            throw refusal("I link a name to one person's account or to a channel (like #planning), not a group.", "people");
        }
        boolean email = Mentions.isEmail(mention);
        if (!email && (!Mentions.looksLikeMention(mention) || !Mentions.isPersonMention(Tokens.strip(mention)))) {
            throw refusal("End with a mention of the person to link, or their email address (" + Quote.of(mention)
                    + " is neither).", "people");
        }
        String name = unquote(in.rest(2, last));
        if (name.isEmpty()) {
            throw refusal("Which name in the plan should " + Quote.of(mention) + " be linked to?", "people");
        }
        return new Command.LinkPerson(name, mention);
    }

    private static Command channel(Input in) throws Refusal {
        if (!in.has(1)) {
            return new Command.Channels();
        }
        ChannelPurpose purpose;
        switch (in.word(1)) {
            case "plan":
                purpose = ChannelPurpose.PLAN;
                break;
            case "manager":
            case "managers":
                purpose = ChannelPurpose.MANAGER;
                break;
            case "admin":
                purpose = ChannelPurpose.ADMIN;
                break;
            default:
                throw refusal("I don't know the channel kind " + Quote.of(in.token(1)) + ": say plan, manager or admin.", "channel");
        }
        if (!in.has(2)) {
            return new Command.SetChannel(purpose, null); // the channel it is typed in
        }
        nothingAfter(in, 3, "channel");
        if (!Mentions.channelId(in.token(2)).isPresent()) {
            throw refusal("Mention the channel so that it shows as a link (" + Quote.of(in.token(2)) + " isn't one).", "channel");
        }
        return new Command.SetChannel(purpose, in.token(2));
    }

    private static Command me(Input in) throws Refusal {
        if (!in.has(1)) {
            return new Command.Me();
        }
        if (!in.word(1).equals("reminders") || !in.has(2) || in.has(3)) {
            throw refusal("Say `me` to see where your reminders go, or `me reminders slack` (or teams, discord, auto) to choose.", "me");
        }
        String platform = in.word(2);
        if (platform.equals("auto")) {
            return new Command.RemindersOn(null);
        }
        if (!PLATFORMS.contains(platform)) {
            throw refusal("I don't know the platform " + Quote.of(in.token(2)) + ": say slack, teams, discord or auto.", "me");
        }
        return new Command.RemindersOn(platform);
    }

    private static Command admin(Input in) throws Refusal {
        if (!in.has(1) || !in.word(1).equals("claim")) {
            throw refusal("Say `admin claim CODE` with the one-time code an operator made with `./planbot admin code`.", "admin");
        }
        if (!in.has(2) || Command.ClaimAdmin.normalise(in.rest(2)).isEmpty()) {
            throw refusal("Which code? Type it after `admin claim`, as the operator's `./planbot admin code` printed it.", "admin");
        }
        return new Command.ClaimAdmin(in.rest(2));
    }

    /** The chat platforms a person's reminders can be sent to. */
    private static final java.util.List<String> PLATFORMS = java.util.List.of("slack", "teams", "discord");

    private static Command policy(Input in) throws Refusal {
        if (!in.has(1)) {
            return new Command.Policy();
        }
        if (!in.word(1).equals("set")) {
            throw refusal("I don't know `policy " + Quote.clean(in.token(1)) + "`: say `policy` to see it or `policy set` to change it.", "policy");
        }
        if (!in.has(2)) {
            throw refusal("Which settings? Write them as key=value.", "policy");
        }
        for (int i = 2; i < in.tokens.size(); i++) {
            if (in.token(i).indexOf('=') <= 0) {
                throw refusal(Quote.of(in.token(i)) + " is not a setting: write key=value, like `lead=10,5,1`.", "policy");
            }
        }
        return new Command.SetPolicy(in.rest(2));
    }

    /** The text without one pair of surrounding straight or curly quotes. */
    private static String unquote(String s) {
        String t = Tokens.strip(s);
        if (t.length() >= 2 && "\"“'‘".indexOf(t.charAt(0)) >= 0 && "\"”'’".indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = Tokens.strip(t.substring(1, t.length() - 1));
        }
        return t;
    }

    private Command snooze(Input in) throws Refusal {
        RefAt r = ref(in, 1, "snooze", false);
        int i = r.next;
        if (!in.has(i)) {
            throw refusal("How long should I snooze " + Quote.of(r.ref.text()) + " for?", "snooze");
        }
        Spec spec = snoozeSpec(in, i, dates, HelpText.usageSentence("snooze"));
        return new Command.Snooze(r.ref, spec.spec, spec.next < 0 ? null : in.note(spec.next));
    }

    /**
     * A snooze spec at token {@code i}: {@code 1w}, {@code 3 days}, {@code for 2 weeks}, {@code until 30/06/2024},
     * {@code friday}. A refusal says what is wrong, then {@code how}.
     */
    static Spec snoozeSpec(Input in, int i, DateParser dates, String how) throws Refusal {
        boolean untilOnly = false;
        if (in.has(i) && in.word(i).equals("for") && in.has(i + 1)) {
            i++;
        } else if (in.has(i) && (in.word(i).equals("until") || in.word(i).equals("till") || in.word(i).equals("til")) && in.has(i + 1)) {
            untilOnly = true;
            i++;
        }
        DateParser.Amount amount = untilOnly ? null : DateParser.Amount.read(in.words(), i, false);
        if (amount != null) {
            if (amount.days() < 1 || amount.days() > SnoozeSpec.MAX_DAYS) {
                throw new Refusal("I can snooze for 1 to " + SnoozeSpec.MAX_DAYS + " days, not " + amount.days() + ". " + how);
            }
            return new Spec(SnoozeSpec.For.days(amount.days()), i + amount.used);
        }
        DateResult d = dates.parseAt(in.text, in.tokens.get(i).start());
        if (d instanceof DateResult.Invalid) {
            throw new Refusal(((DateResult.Invalid) d).message());
        }
        if (d instanceof DateResult.NotADate) {
            throw new Refusal("I can't read " + Quote.of(in.rest(i)) + " as a snooze: say how long (1d, 3d, 1w, 2w) or until when (dd/mm/yyyy). " + how);
        }
        DateResult.Ok ok = (DateResult.Ok) d;
        LocalDate today = dates.today();
        if (!ok.date().isAfter(today)) {
            throw new Refusal("A snooze has to end after today, and " + DateFormats.uk(ok.date()) + " doesn't. " + how);
        }
        if (ok.date().isAfter(today.plusDays(SnoozeSpec.MAX_DAYS))) {
            throw new Refusal("I can snooze for at most " + SnoozeSpec.MAX_DAYS + " days, so not until " + DateFormats.uk(ok.date()) + ". " + how);
        }
        return new Spec(new SnoozeSpec.Until(ok.date()), in.tokenAtOrAfter(ok.end()));
    }

    /** A snooze spec and the index of the token after it (the size when nothing follows). */
    record Spec(SnoozeSpec spec, int next) {
    }

    private static Command help(Input in) throws Refusal {
        if (!in.has(1)) {
            return Command.Help.overview();
        }
        String topic = in.word(1);
        if (topic.equals("/plan") || topic.equals("plan")) {
            return Command.Help.overview();
        }
        Optional<HelpText.Entry> entry = HelpText.find(topic);
        if (entry.isPresent() && !in.has(2)) {
            return new Command.Help(entry.get().name());
        }
        java.util.List<String> close = Suggest.closest(topic, HelpText.names(), 2);
        java.util.List<String> suggestions = close.stream().map(c -> "help " + c).toList();
        throw new Refusal("I don't have help for " + Quote.of(in.rest(1)) + "."
                + (suggestions.isEmpty() ? " Type `help` for the list of commands." : " Did you mean " + orList(suggestions) + "?"),
                suggestions);
    }

    private static Refusal unknown(Input in) {
        String typed = in.token(0);
        java.util.List<String> close = Suggest.closest(in.word(0), HelpText.names(), 3);
        if (!close.isEmpty()) {
            return new Refusal("I don't know " + Quote.of(typed) + ". Did you mean " + orList(close) + "?", close);
        }
        RefAt asRef = leadingRef(in, 0);
        String ref = asRef == null ? null : Quote.oneLine(asRef.ref.text());
        if (ref != null && asRef.next == in.tokens.size() && asRef.ref.form().isPresent() && !mentionsKeyword(in, asRef.next)) {
            // Just a ref on its own ("/plan ENF003"): they most likely want its card.
            String suggestion = "status " + ref;
            return new Refusal("I don't know " + Quote.of(typed) + " as a command. Did you mean `" + suggestion + "`?",
                    java.util.List.of(suggestion));
        }
        return new Refusal("I don't know " + Quote.of(typed) + ". Type `help` to see what I can do.");
    }

    /** True when one of the first {@code n} words is a command keyword or the prefix: a muddled command, not a ref. */
    private static boolean mentionsKeyword(Input in, int n) {
        for (int k = 0; k < n; k++) {
            if (HelpText.find(in.word(k)).isPresent() || in.word(k).equals("plan") || in.word(k).equals("/plan")) {
                return true;
            }
        }
        return false;
    }

    // ---- refs

    /** A ref and the index of the token after it. */
    private record RefAt(RefText ref, int next) {
    }

    /**
     * The ref at token {@code from}: the leading words up to and including the first word with a digit.
     * With {@code wholeRest}, a short run of words with no number at all is taken whole.
     */
    private static RefAt ref(Input in, int from, String command, boolean wholeRest) throws Refusal {
        if (!in.has(from)) {
            throw refusal("Which action or task? " + REF_SHAPES, command);
        }
        PlanFirst first = planFirst(in, from);
        if (first != null) {
            RefAt r = leadingRef(in, first.token, first.refStart);
            if (r != null) {
                return new RefAt(new RefText(r.ref.text(), first.plan), r.next);
            }
        }
        RefAt r = leadingRef(in, from);
        if (r != null) {
            return planAfter(in, r, wholeRest);
        }
        int count = in.tokens.size() - from;
        if (wholeRest && count <= RefSyntax.MAX_WORDS) {
            boolean words = true;
            for (int k = from; k < in.tokens.size(); k++) {
                words &= isRefWord(in.tokens.get(k).text());
            }
            if (words) {
                return new RefAt(new RefText(trimRef(in.rest(from))), in.tokens.size());
            }
        }
        throw refusal("I couldn't find a ref at the start of " + Quote.of(in.rest(from)) + ". " + REF_SHAPES, command);
    }

    /** Words then a word with a digit, starting at {@code from}; null if there is no such run. */
    private static RefAt leadingRef(Input in, int from) {
        return leadingRef(in, from, in.tokens.get(from).start());
    }

    /** As {@link #leadingRef(Input, int)}, with token {@code from} read from offset {@code start} of the text on. */
    private static RefAt leadingRef(Input in, int from, int start) {
        for (int k = from; k < in.tokens.size() && k < from + RefSyntax.MAX_WORDS; k++) {
            Tokens.Token t = in.tokens.get(k);
            String word = in.text.substring(Math.max(start, t.start()), t.end());
            if (hasAsciiDigit(word)) {
                if (!isRefNumber(word)) {
                    return null;
                }
                String text = trimRef(in.text.substring(start, t.end()));
                return text.isEmpty() ? null : new RefAt(new RefText(text), k + 1);
            }
            if (!isRefWord(word)) {
                return null;
            }
        }
        return null;
    }

    private static boolean hasAsciiDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                return true;
            }
        }
        return false;
    }

    /** A plan named before a ref: its name, and where the ref starts (token, offset in the text). */
    private record PlanFirst(String plan, int token, int refStart) {
    }

    /**
     * {@code south:EN3/1} or {@code "north east":EN3/1} at token {@code from}; null when the ref names no plan first.
     * An unquoted plan must not itself look like a ref, so that {@code EN3/1:} stays a ref.
     */
    private static PlanFirst planFirst(Input in, int from) {
        Tokens.Token t = in.tokens.get(from);
        if (isOpenQuote(t.text().charAt(0))) {
            int close = closeQuote(in.text, t.start() + 1);
            int k = close < 0 ? -1 : in.tokenAt(close);
            if (k < 0 || close + 2 >= in.tokens.get(k).end() || in.text.charAt(close + 1) != ':') {
                return null;
            }
            String plan = Tokens.strip(in.text.substring(t.start() + 1, close));
            return plan.isEmpty() ? null : new PlanFirst(plan, k, close + 2);
        }
        int colon = t.text().indexOf(':');
        if (colon <= 0 || colon == t.text().length() - 1) {
            return null;
        }
        String plan = t.text().substring(0, colon);
        if (!isRefNumber(plan) || RefSyntax.looksLikeRef(plan)) {
            return null;
        }
        return new PlanFirst(plan, from, t.start() + colon + 1);
    }

    /**
     * The ref with the plan named after it ({@code in south}, {@code in "north east"}), or as it was. Unquoted, the
     * longest of the tenant's plan names that the words after {@code in} spell; else, with {@code wholeRest}, all of them.
     */
    private static RefAt planAfter(Input in, RefAt r, boolean wholeRest) {
        int i = r.next;
        if (!in.has(i + 1) || !in.word(i).equals("in")) {
            return r;
        }
        Tokens.Token first = in.tokens.get(i + 1);
        if (isOpenQuote(first.text().charAt(0))) {
            int close = closeQuote(in.text, first.start() + 1);
            int k = close < 0 ? -1 : in.tokenAt(close);
            if (k < 0 || !trimRef(in.text.substring(close + 1, in.tokens.get(k).end())).isEmpty()) {
                return r;
            }
            String plan = Tokens.strip(in.text.substring(first.start() + 1, close));
            return plan.isEmpty() ? r : new RefAt(new RefText(r.ref.text(), plan), k + 1);
        }
        int end = -1;
        String named = null;
        for (String plan : in.plans()) {
            int after = spells(in, i + 1, plan);
            if (after > end) {
                end = after;
                named = plan;
            }
        }
        if (named != null) {
            return new RefAt(new RefText(r.ref.text(), named), end);
        }
        return wholeRest ? new RefAt(new RefText(r.ref.text(), trimRef(in.rest(i + 1))), in.tokens.size()) : r;
    }

    /** The index of the token after {@code name}'s words when they start at token {@code i} (any case); -1 if not. */
    private static int spells(Input in, int i, String name) {
        String[] words = Tokens.strip(name).split("\\s+");
        for (int w = 0; w < words.length; w++) {
            if (!in.has(i + w)) {
                return -1;
            }
            String typed = w == words.length - 1 ? trimRef(in.token(i + w)) : in.token(i + w);
            if (!typed.equalsIgnoreCase(words[w])) {
                return -1;
            }
        }
        return i + words.length;
    }

    private static boolean isOpenQuote(char c) {
        return c == '"' || c == '\u201C';
    }

    /** The offset of the first closing double quote at or after {@code from}; -1 if none. */
    private static int closeQuote(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == '"' || text.charAt(i) == '\u201D') {
                return i;
            }
        }
        return -1;
    }

    /** A word that can be part of a ref before its number: letters, with hyphens, ampersands or apostrophes. */
    private static boolean isRefWord(String s) {
        boolean letter = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                letter = true;
            } else if (!(Tokens.isDash((char) cp) || cp == '&' || cp == '\'' || cp == '.' || cp == '_'
                    || Character.getType(cp) == Character.FORMAT)) {
                return false;
            }
        }
        return letter;
    }

    /** A word that can end a ref: letters, digits and {@code / - . _}, then perhaps sentence punctuation ({@code EN3/1:}). */
    private static boolean isRefNumber(String s) {
        String t = trimRef(s);
        if (t.isEmpty()) {
            return false;
        }
        for (int i = 0; i < t.length(); ) {
            int cp = t.codePointAt(i);
            i += Character.charCount(cp);
            if (!(Character.isLetterOrDigit(cp) || cp == '/' || cp == '.' || cp == '_' || Tokens.isDash((char) cp)
                    || Character.getType(cp) == Character.FORMAT)) {
                return false;
            }
        }
        return true;
    }

    /** Without trailing punctuation that separates a ref from what follows ({@code EN3/1:}, {@code EN3?}). */
    private static String trimRef(String s) {
        int end = s.length();
        while (end > 0 && ".,;:!?".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end);
    }

    // ---- helpers

    private static String required(Input in, int i, String question) throws Refusal {
        if (!in.has(i)) {
            throw refusal(question, "list");
        }
        return in.rest(i);
    }

    private static void nothingAfter(Input in, int i, String command) throws Refusal {
        if (in.has(i)) {
            throw refusal("I don't know what to do with " + Quote.of(in.rest(i)) + " after " + Quote.of(in.rest(0, i)) + ".", command);
        }
    }

    /** A refusal that says what is wrong, then the command's usage line. */
    static Refusal refusal(String sentence, String command) {
        return new Refusal(sentence + " " + HelpText.usageSentence(command));
    }

    static String orList(java.util.List<String> items) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                b.append(i == items.size() - 1 ? " or " : ", ");
            }
            b.append('`').append(items.get(i)).append('`');
        }
        return b.toString();
    }

    /** A user-facing failure, thrown inside the parser only and always caught in {@link #parse}. */
    static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        final transient ParseResult.Failed failed;

        Refusal(String message) {
            this(message, java.util.List.of());
        }

        Refusal(String message, java.util.List<String> suggestions) {
            super(message, null, false, false);
            this.failed = new ParseResult.Failed(message, suggestions);
        }
    }

    /** The text and its tokens, read from a given token on. */
    static final class Input {
        final String text;
        final java.util.List<Tokens.Token> tokens;
        private final java.util.function.Supplier<java.util.List<String>> planNames;
        private java.util.List<String> plans;
        private String[] words;

        Input(String text) {
            this(text, java.util.List::of);
        }

        Input(String text, java.util.function.Supplier<java.util.List<String>> planNames) {
            this(text, Tokens.split(text), planNames);
        }

        private Input(String text, java.util.List<Tokens.Token> tokens, java.util.function.Supplier<java.util.List<String>> planNames) {
            this.text = text;
            this.tokens = tokens;
            this.planNames = planNames;
        }

        Input from(int k) {
            return k == 0 ? this : new Input(text, tokens.subList(k, tokens.size()), planNames);
        }

        /** The tenant's plan names, asked once. */
        java.util.List<String> plans() {
            if (plans == null) {
                plans = java.util.List.copyOf(planNames.get());
            }
            return plans;
        }

        boolean has(int i) {
            return i >= 0 && i < tokens.size();
        }

        /** Token {@code i} for matching (see {@link Tokens.Token#word()}). */
        String word(int i) {
            return words()[i];
        }

        String[] words() {
            if (words == null) {
                words = new String[tokens.size()];
                for (int i = 0; i < words.length; i++) {
                    words[i] = tokens.get(i).word();
                }
            }
            return words;
        }

        /** Token {@code i} as typed. */
        String token(int i) {
            return tokens.get(i).text();
        }

        /** From token {@code i} to the end, as typed. */
        String rest(int i) {
            return rest(i, tokens.size());
        }

        /** Tokens {@code [i, j)} as typed, inner spacing kept. */
        String rest(int i, int j) {
            return text.substring(tokens.get(i).start(), tokens.get(j - 1).end());
        }

        /** Free text from token {@code i}, as typed, after one separating dash or colon; null when there is none. */
        String note(int i) {
            if (has(i) && Tokens.isSeparator(tokens.get(i).text())) {
                i++;
            }
            return has(i) ? rest(i) : null;
        }

        /** Free text from the first token starting at or after {@code offset}; null when there is none. */
        String noteFromOffset(int offset) {
            return note(tokenAtOrAfter(offset));
        }

        /** The index of the token with the character at {@code offset} in it; -1 when that is a space. */
        int tokenAt(int offset) {
            for (int i = 0; i < tokens.size(); i++) {
                if (tokens.get(i).start() <= offset && offset < tokens.get(i).end()) {
                    return i;
                }
            }
            return -1;
        }

        /** The index of the first token that starts at or after {@code offset}; the size when there is none. */
        int tokenAtOrAfter(int offset) {
            int i = 0;
            while (i < tokens.size() && tokens.get(i).start() < offset) {
                i++;
            }
            return i;
        }
    }
}
