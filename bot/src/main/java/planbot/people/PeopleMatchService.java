package planbot.people;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import planbot.domain.AuditEvent;
import planbot.domain.Person;
import planbot.domain.Source;
import planbot.domain.UserFixableException;
import planbot.platform.Directory;
import planbot.platform.PlatformException;
import planbot.storage.AuditRepository;
import planbot.storage.ChatIdentity;
import planbot.storage.Database;
import planbot.storage.OutboxRepository;
import planbot.storage.PersonRepository;
import planbot.storage.Tenant;

/**
 * Proposes links between the plan's unlinked people and the members of a chat workspace ({@code /plan people match}),
 * and applies them when an admin confirms. A member is proposed for a person when the person's stored email is theirs,
 * or else when their real or display name is the person's name ({@link Names#key}); a person with several such members,
 * or a member proposed for several people, is left to the admin, and so is a near miss ("S. Jones").
 *
 * <p>What is confirmed is what was shown, with nothing stored in between: the proposals carry a short code computed
 * from exactly the links they list; {@link #confirm} computes the proposals again and applies them only when the code
 * is the same (someone linked meanwhile, or the member list changed: refused, nothing written).
 *
 * <p>Called by the command service for an admin. Thread-safe; storage failures propagate.
 */
public final class PeopleMatchService {
    /** At most this many lines about links not proposed, so that a reply stays readable. */
    static final int MAX_NOTES = 20;

    /**
     * One proposed link.
     *
     * @param person the person of the plan, as the plan writes the name
     * @param member the workspace member proposed
     * @param by     what matched: "email", "real name" or "display name"
     */
    public record Proposal(String person, Directory.Member member, String by) {
        public Proposal {
            Objects.requireNonNull(person, "person");
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(by, "by");
        }
    }

    /**
     * What {@code people match} shows.
     *
     * @param links the links proposed, by person
     * @param notes sentences about people not proposed (several candidates, near misses), at most {@value #MAX_NOTES}
     * @param code  what confirms exactly these links; empty when there are none
     */
    public record Proposals(List<Proposal> links, List<String> notes, String code) {
        public Proposals {
            links = List.copyOf(links);
            notes = List.copyOf(notes);
            Objects.requireNonNull(code, "code");
        }
    }

    private final Database db;
    private final OutboxRepository outbox;
    private final PersonRepository people;
    private final AuditRepository audit;
    private final Directories directories;
    private final Clock clock;

    public PeopleMatchService(Database db, PersonRepository people, AuditRepository audit, OutboxRepository outbox,
                              Directories directories, Clock clock) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.db = Objects.requireNonNull(db, "db");
        this.people = Objects.requireNonNull(people, "people");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.directories = Objects.requireNonNull(directories, "directories");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The links proposed for the tenant's people with no account on {@code platform}, from the members of
     * {@code workspace}.
     *
     * @throws UserFixableException when the platform cannot list its members
     * @throws PlatformException    when the platform could not be asked (a sentence for the admin)
     */
    public Proposals propose(Tenant tenant, String platform, String workspace) throws PlatformException {
        Directory directory = directories.of(platform).orElseThrow(() -> new UserFixableException(
                "planbot cannot list the members of this " + platform + " workspace; link people one by one with "
                        + "`people link \"NAME\" @someone`, or import a people file at the terminal"));
        List<Directory.Member> members = directory.members();
        Proposals matched = match(people.unlinked(tenant, platform), people.emails(tenant), members,
                m -> people.findByIdentity(tenant, new ChatIdentity(platform, workspace, m.userId())).isPresent());
        return new Proposals(matched.links(), matched.notes(), code(tenant, platform, workspace, matched.links()));
    }

    /**
     * The member of the platform's workspace with this email address (Teams: the members API; Slack:
     * {@code users.lookupByEmail}), for {@code people link "HoP" sam@council.gov.uk}; empty when there is none.
     *
     * @throws UserFixableException when the platform cannot look people up by email
     * @throws PlatformException    when the platform could not be asked (a sentence for the admin)
     */
    public java.util.Optional<Directory.Member> byEmail(String platform, String email) throws PlatformException {
        Directory directory = directories.of(platform).orElseThrow(() -> new UserFixableException(
                "planbot cannot look people up by email on " + platform + "; link them with `people link \"NAME\" @someone`"));
        return directory.byEmail(email);
    }

    /**
     * Links exactly the proposals shown with {@code code}, each audited, in one transaction.
     *
     * @return the links made
     * @throws UserFixableException when the proposals are no longer those the code was shown with, or an account is
     *                              linked in another tenant (nothing is written)
     * @throws PlatformException    as {@link #propose}
     */
    public List<Proposal> confirm(Tenant tenant, String platform, String workspace, String code, String actor, Source source)
            throws PlatformException {
        Proposals now = propose(tenant, platform, workspace);
        if (now.links().isEmpty() || !now.code().equalsIgnoreCase(code.strip())) {
            throw new UserFixableException("those proposals are not the ones planbot would make now (someone was linked, "
                    + "or the member list changed, or the code is wrong): run `people match` again to see them");
        }
        return db.transaction(() -> {
            for (Proposal p : now.links()) {
                ChatIdentity identity = new ChatIdentity(platform, workspace, p.member().userId());
                people.link(tenant, p.person(), identity);
                audit.append(tenant, new AuditEvent(clock.instant(), actor, source, "person", p.person(), "linked", null,
                        platform + " " + workspace + "/" + identity.userId(), "people match (" + p.by() + ")"));
            }
            outbox.releaseHeld(tenant, clock.instant()); // what waited for a way to reach these people may go now
            return now.links();
        });
    }

    /**
     * The proposals for these people from these members (the code left empty): pure, for any list.
     *
     * @param emails   the people's stored email addresses, by name
     * @param isLinked true for a member already linked to someone of the tenant (never proposed again)
     */
    static Proposals match(List<Person> unlinked, Map<String, String> emails, List<Directory.Member> members,
                           Predicate<Directory.Member> isLinked) {
        Map<String, List<Proposal>> byMember = new HashMap<>();
        List<Proposal> single = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        // each member's names normalised once, not once per person
        List<String[]> keys = new ArrayList<>();
        members.forEach(m -> keys.add(new String[] {Names.key(m.realName()), Names.key(m.displayName())}));
        for (Person person : unlinked) {
            List<Proposal> candidates = candidates(person, emails.get(person.name()), members, keys);
            candidates.removeIf(c -> isLinked.test(c.member()));
            if (candidates.size() == 1) {
                single.add(candidates.get(0));
                byMember.computeIfAbsent(candidates.get(0).member().userId(), k -> new ArrayList<>()).add(candidates.get(0));
            } else if (candidates.size() > 1) {
                List<String> who = new ArrayList<>();
                candidates.forEach(c -> who.add(shown(c.member())));
                notes.add(person.name() + ": not proposed, several members match (" + String.join(", ", who)
                        + "); link the right one with `people link`");
            } else {
                nearMisses(person, members, isLinked).ifPresent(notes::add);
            }
        }
        List<Proposal> links = new ArrayList<>();
        for (Proposal p : single) {
            List<Proposal> same = byMember.get(p.member().userId());
            if (same.size() == 1) {
                links.add(p);
            } else if (same.get(0) == p) {
                List<String> who = new ArrayList<>();
                same.forEach(s -> who.add(s.person()));
                notes.add(shown(p.member()) + ": not proposed, matches several people (" + String.join(", ", who)
                        + "); link the right one with `people link`");
            }
        }
        return new Proposals(links, notes.subList(0, Math.min(MAX_NOTES, notes.size())), "");
    }

    /** The members an email or an exact name gives: by email when it gives any, else by name. */
    private static List<Proposal> candidates(Person person, String email, List<Directory.Member> members, List<String[]> keys) {
        List<Proposal> byEmail = new ArrayList<>();
        List<Proposal> byName = new ArrayList<>();
        String key = Names.key(person.name());
        for (int i = 0; i < members.size(); i++) {
            Directory.Member m = members.get(i);
            if (email != null && !m.email().isEmpty() && m.email().equalsIgnoreCase(email.strip())) {
                byEmail.add(new Proposal(person.name(), m, "email"));
            } else if (keys.get(i)[0].equals(key)) {
                byName.add(new Proposal(person.name(), m, "real name"));
            } else if (keys.get(i)[1].equals(key)) {
                byName.add(new Proposal(person.name(), m, "display name"));
            }
        }
        return byEmail.isEmpty() ? byName : byEmail;
    }

    private static Optional<String> nearMisses(Person person, List<Directory.Member> members,
                                                         Predicate<Directory.Member> isLinked) {
        List<String> close = new ArrayList<>();
        for (Directory.Member m : members) {
            Optional<String> why = Names.nearMiss(m.realName(), person.name())
                    .or(() -> Names.nearMiss(m.displayName(), person.name()));
            if (why.isPresent() && close.size() < 3 && !isLinked.test(m)) {
                close.add(shown(m) + " (" + why.get() + ")");
            }
        }
        return close.isEmpty() ? Optional.empty() : Optional.of(person.name()
                + ": not proposed, a near miss: " + String.join(", ", close) + "; if it is them, `people link \""
                + person.name() + "\" @them`");
    }

    /** A member as a reply names them: "@sam (Sam Jones, U0SAM)". */
    public static String shown(Directory.Member m) {
        String handle = !m.displayName().isEmpty() ? m.displayName() : !m.realName().isEmpty() ? m.realName() : m.userId();
        String real = !m.realName().isEmpty() && !m.realName().equals(handle) ? m.realName() + ", " : "";
        return "@" + handle + " (" + real + m.userId() + ")";
    }

    /** Six hex digits of a hash of exactly these links in this workspace of this tenant; "" for none. */
    private static String code(Tenant tenant, String platform, String workspace, List<Proposal> links) {
        if (links.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder().append(tenant.id()).append('\n').append(platform).append('\n').append(workspace);
        links.forEach(p -> b.append('\n').append(p.person()).append('\u0000').append(p.member().userId()));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 3).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
