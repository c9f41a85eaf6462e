package planbot.command;

import java.time.LocalDate;
import java.util.Objects;
import planbot.domain.StatusKind;
import planbot.storage.ChannelPurpose;

/**
 * One parsed {@code /plan} command: what the user asked for, with everything they typed kept as typed
 * (refs, notes, names). Nothing here has been checked against the plan; the command service resolves refs,
 * people and permissions. Each record validates itself; {@link CommandParser} only builds valid ones.
 *
 * <p>Java 17 has no pattern-matching {@code switch}: dispatch with an {@code instanceof} chain.
 */
public sealed interface Command
        permits Command.Status, Command.List, Command.Mine, Command.Overdue, Command.Update, Command.Done,
        Command.Note, Command.Date, Command.Assign, Command.Snooze, Command.History, Command.Search,
        Command.DigestPreview, Command.Help, Command.LinkPerson, Command.Unlinked, Command.SetChannel,
        Command.Channels, Command.Policy, Command.SetPolicy, Command.Me, Command.RemindersOn, Command.LinkChannel,
        Command.MatchPeople, Command.ClaimAdmin, Command.Doctor, Command.Web, Command.Calendar,
        Command.Assess {

    /**
     * True for a lookup: running it changes nothing stored, so an adapter that must give a redelivered request one
     * effect needs no durable mark for it (answering twice is the worst a redelivery can do).
     */
    default boolean readOnly() {
        return false;
    }

    /**
     * True when the answer is for the asker alone, whatever it turns out to be: a platform that must choose before the
     * answer is ready (Discord's deferral) keeps it private.
     */
    default boolean answeredPrivately() {
        return readOnly();
    }

    /** {@code status <ref>}: the card for an action (with its tasks) or a task (with its history). */
    record Status(RefText ref) implements Command {
        @Override
        public boolean readOnly() {
            return true;
        }

        public Status {
            Objects.requireNonNull(ref, "ref");
        }
    }

    /** {@code list [filter]}. */
    record List(ListFilter filter) implements Command {
        @Override
        public boolean readOnly() {
            return true;
        }

        public List {
            Objects.requireNonNull(filter, "filter");
        }
    }

    /** {@code mine}: the asker's open tasks, soonest first. */
    record Mine() implements Command {
        @Override
        public boolean readOnly() {
            return true;
        }
    }

    /** {@code overdue}: every overdue task, worst first. */
    record Overdue() implements Command {
        @Override
        public boolean readOnly() {
            return true;
        }
    }

    /**
     * {@code update <ref> <status> [note]}.
     *
     * @param statusWord the status words as typed ({@code on target}, {@code Closed - no longer required}); one
     *                   of the words {@link #kind()} knows
     * @param note       what followed the status, as typed; null if nothing
     */
    record Update(RefText ref, String statusWord, String note) implements Command {
        public Update {
            Objects.requireNonNull(ref, "ref");
            statusWord = Texts.required(statusWord, "status word");
            note = Texts.optional(note);
        }

        /** What the status word means. */
        public StatusKind kind() {
            return StatusKind.of(statusWord);
        }
    }

    /** {@code done <ref> [note]} or {@code complete <ref> [note]}: mark completed. @param note as typed; null if none */
    record Done(RefText ref, String note) implements Command {
        public Done {
            Objects.requireNonNull(ref, "ref");
            note = Texts.optional(note);
        }
    }

    /** {@code note <ref> <text>}: a progress note, as typed. */
    record Note(RefText ref, String text) implements Command {
        public Note {
            Objects.requireNonNull(ref, "ref");
            text = Texts.required(text, "note");
        }
    }

    /** {@code date <ref> <date> [reason]}: revise a target date. @param reason as typed; null if none */
    record Date(RefText ref, LocalDate date, String reason) implements Command {
        public Date {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(date, "date");
            reason = Texts.optional(reason);
        }
    }

    /** {@code assign <ref> <@user|name>}. */
    record Assign(RefText ref, Assignee assignee) implements Command {
        public Assign {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(assignee, "assignee");
        }
    }

    /**
     * {@code snooze <ref> <1d|3d|1w|2w|dd/mm/yyyy> [reason]}.
     *
     * @param reason anything typed after the spec ({@code snooze EN3/1 2w on leave}), as typed; null if none.
     *               Kept rather than refused so that no word the user typed is lost
     */
    record Snooze(RefText ref, SnoozeSpec spec, String reason) implements Command {
        public Snooze {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(spec, "spec");
            reason = Texts.optional(reason);
        }

        public Snooze(RefText ref, SnoozeSpec spec) {
            this(ref, spec, null);
        }
    }

    /** {@code history <ref>}. */
    record History(RefText ref) implements Command {
        @Override
        public boolean readOnly() {
            return true;
        }

        public History {
            Objects.requireNonNull(ref, "ref");
        }
    }

    /** {@code search <words>}: the words as typed. */
    record Search(String words) implements Command {
        @Override
        public boolean readOnly() {
            return true;
        }

        public Search {
            words = Texts.required(words, "search words");
        }
    }

    /** {@code digest} or {@code digest preview}: show the weekly digest now, to the asker only. */
    record DigestPreview() implements Command {
        @Override
        public boolean readOnly() {
            return true;
        }
    }

    /**
     * {@code help [command]}.
     *
     * @param topic the command to explain, lower-case and one of {@link HelpText#names()}; null for the overview
     */
    record Help(String topic) implements Command {
        @Override
        public boolean readOnly() {
            return true;
        }

        public Help {
            if (topic != null && HelpText.find(topic).isEmpty()) {
                throw new IllegalArgumentException("no help for " + topic);
            }
            topic = topic == null ? null : HelpText.find(topic).get().name();
        }

        public static Help overview() {
            return new Help(null);
        }
    }

    /**
     * {@code people link <name> <@user>} or {@code people link <name> <email>} (admin): links a tracker name to a chat
     * account.
     *
     * @param name    the person's name as typed, without surrounding quotes ({@code HoP}, {@code Patsy Dell})
     * @param mention the mention as typed ({@code <@U123|sam>}), or an email address the platform's directory is
     *                asked about; the service reads the account from it
     */
    record LinkPerson(String name, String mention) implements Command {
        public LinkPerson {
            name = Texts.required(name, "name");
            mention = Texts.required(mention, "mention");
        }
    }

    /**
     * {@code people link <name> <#channel>} (admin): an owner that is a team or a role gets its reminders in a channel.
     *
     * @param name    the name as typed, without surrounding quotes ({@code Planning / legal / democratic services})
     * @param channel the channel mention as typed ({@code <#C123|planning-legal>}); the service reads the id from it
     */
    record LinkChannel(String name, String channel) implements Command {
        public LinkChannel {
            name = Texts.required(name, "name");
            channel = Texts.required(channel, "channel");
        }
    }

    /**
     * {@code people match} (admin): proposes links from the workspace's members; {@code people match confirm CODE} makes
     * exactly the links shown with that code.
     *
     * @param code the code as typed; null to propose
     */
    record MatchPeople(String code) implements Command {
        public MatchPeople {
            code = Texts.optional(code);
        }
    }

    /** {@code people unlinked} (lead and up): the tracker names with no account on the asker's platform. */
    record Unlinked() implements Command {
        @Override
        public boolean readOnly() {
            return true;
        }
    }

    /**
     * {@code channel plan|manager|admin [<#channel>]} (admin): where the tenant's notices of that purpose go on
     * the asker's platform.
     *
     * @param channel the channel as typed ({@code <#C123|plans>}); the service reads the channel id from it; null for
     *                the channel the command is typed in
     */
    record SetChannel(ChannelPurpose purpose, String channel) implements Command {
        public SetChannel {
            Objects.requireNonNull(purpose, "purpose");
            channel = channel == null ? null : Texts.required(channel, "channel");
        }
    }

    /** {@code channel}: the tenant's channels on the asker's platform, per purpose. */
    record Channels() implements Command {
        @Override
        public boolean readOnly() {
            return true;
        }
    }

    /** {@code policy}: the tenant's reminder policy, in words (anyone may read it). */
    record Policy() implements Command {
        @Override
        public boolean readOnly() {
            return true;
        }
    }

    /**
     * {@code policy set KEY=VALUE …} (admin): changes these settings of the tenant's reminder policy; the rest stay.
     *
     * @param settings the settings as typed ({@code lead=10,5,1 send-at=08:30}); the service checks their values
     */
    record SetPolicy(String settings) implements Command {
        public SetPolicy {
            settings = Texts.required(settings, "settings");
        }
    }

    /** {@code me}: the caller's linked chat accounts, and where their reminders go. */
    record Me() implements Command {
        @Override
        public boolean readOnly() {
            return true;
        }
    }

    /**
     * {@code me reminders <platform>|auto}: the platform the caller's reminders go to when they are linked on several;
     * auto (null) is "where I last used planbot".
     *
     * @param platform a lower-case platform name ("slack"), or null for auto
     */
    record RemindersOn(String platform) implements Command {
        public RemindersOn {
            if (platform != null) {
                platform = Texts.required(platform, "platform").toLowerCase(java.util.Locale.ROOT);
            }
        }
    }

    /**
     * {@code admin claim <code>}: makes the caller an admin of the council their workspace is bound to, with a one-time
     * code from {@code ./planbot admin code}.
     *
     * @param code the code {@linkplain #normalise normalised}: as it is stored, whatever the caller's spacing or case
     */
    record ClaimAdmin(String code) implements Command {
        public ClaimAdmin {
            code = normalise(Texts.required(code, "code"));
            if (code.isEmpty()) {
                throw new IllegalArgumentException("a code has letters or digits");
            }
        }

        /**
         * A code as typed ({@code k7qm-4xpr}, {@code K7QM 4XPR}) in the one form it is stored in ({@code K7QM4XPR}): its
         * letters and digits, upper-cased.
         */
        public static String normalise(String typed) {
            return typed.replaceAll("[^\\p{L}\\p{N}]", "").toUpperCase(java.util.Locale.ROOT);
        }
    }

    /** {@code doctor} (admin): the council's set-up checked, as a checklist of what stops reminders and what is optional. */
    record Doctor() implements Command {
        @Override
        public boolean readOnly() {
            return true;
        }
    }

    /** {@code web}: a sign-in link to the web pages, for the asker alone. Not read-only: it stores the link. */
    record Web() implements Command {
        /** What a platform that cannot answer privately where {@code web} was typed says instead. */
        public static final String ONLY_PRIVATELY = "A sign-in link is for you alone, so I don't post one here: ask me for"
                + " web in a personal chat with planbot.";

        @Override
        public boolean answeredPrivately() {
            return true;
        }
    }

    /**
     * {@code calendar}: the address of the caller's own calendar feed (the target dates of their open tasks), for the asker
     * alone: the address is a secret. Not read-only: each call stores a new address and stops the caller's earlier one.
     */
    record Calendar() implements Command {
        /** What a platform that cannot answer privately where {@code calendar} was typed says instead. */
        public static final String ONLY_PRIVATELY = "Your calendar's address is for you alone, so I don't post it here: ask"
                + " me for calendar in a personal chat with planbot.";

        @Override
        public boolean answeredPrivately() {
            return true;
        }
    }

    /** {@code assess …}: one step of an assessment session in the channel it is typed in. */
    record Assess(AssessStep step) implements Command {
        @Override
        public boolean readOnly() {
            return step instanceof AssessStep.Status || step instanceof AssessStep.Templates;
        }

        public Assess {
            Objects.requireNonNull(step, "step");
        }
    }
}
