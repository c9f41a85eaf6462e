package planbot.command;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import planbot.domain.AuditEvent;
import planbot.domain.Person;
import planbot.domain.Role;
import planbot.domain.Source;
import planbot.domain.UserFixableException;
import planbot.reply.Confirmation;
import planbot.reply.Failure;
import planbot.reply.Reply;
import planbot.storage.AuditRepository;
import planbot.storage.ChatIdentity;
import planbot.storage.ClaimCode;
import planbot.storage.ClaimCodeRepository;
import planbot.storage.Database;
import planbot.storage.OutboxRepository;
import planbot.storage.PersonRepository;
import planbot.storage.Tenant;

/**
 * The first admin of a council: one-time claim codes (issued at the terminal, claimed in chat with
 * {@code admin claim CODE}), and making a chat account an admin, which {@code ./planbot admin add} shares.
 *
 * <p>A code is {@value #CODE_LENGTH} characters from an alphabet with no look-alikes (0/O, 1/I/L), good for
 * {@link #LIFETIME} and once, and stored only as a hash. Every claim is audited in the caller's council, refused or
 * not. A refused claim (a wrong, used or expired code, or another council's) changes nothing but its audit entry and a
 * failure row; after {@value #MAX_FAILURES} of them from one workspace within {@link #WINDOW}, the workspace must wait
 * until the oldest of those is {@link #WINDOW} old, and no code is checked meanwhile: with ~10^12 possible codes and
 * 5 guesses a quarter of an hour, guessing one in its half hour is hopeless.
 *
 * <p>Called by {@link CommandService} (chat) and {@code AdminService} (the command line). Thread-safe; storage
 * failures propagate.
 */
public final class AdminClaimService {
    public static final Duration LIFETIME = Duration.ofMinutes(30);
    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    static final int CODE_LENGTH = 8;
    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    static final String WRONG = "That code is not one I know: check it against what `./planbot admin code` printed. Nothing was changed.";
    static final String USED = "That code has been used already: each code works once. Ask for a new one (`./planbot admin code`).";
    static final String LINKED_ELSEWHERE = "That account is linked to someone in another council's plan, so it can't be "
            + "an admin here. Nothing was changed.";
    static final String EXPIRED = "That code has expired: a code works for " + LIFETIME.toMinutes()
            + " minutes. Ask for a new one (`./planbot admin code`).";

    private final Database db;
    private final OutboxRepository outbox;
    private final PersonRepository people;
    private final AuditRepository audit;
    private final ClaimCodeRepository codes;
    private final Clock clock;
    private final ZoneId zone;
    private final SecureRandom random = new SecureRandom();

    public AdminClaimService(Database db, PersonRepository people, AuditRepository audit, ClaimCodeRepository codes,
                             OutboxRepository outbox, Clock clock, ZoneId zone) {
        this.db = Objects.requireNonNull(db, "db");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.people = Objects.requireNonNull(people, "people");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.codes = Objects.requireNonNull(codes, "codes");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** A code just issued: the text to hand over (shown once, never stored) and when it stops working. */
    public record IssuedCode(String code, Instant expiresAt) {
        public IssuedCode {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    /** Issues a new code for the tenant, audited (without the code). */
    public IssuedCode issue(Tenant tenant, String by, Source source) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        Instant now = clock.instant();
        Instant expires = now.plus(LIFETIME);
        db.transaction(() -> {
            codes.add(tenant, code.toString(), now, expires);
            audit.append(tenant, new AuditEvent(now, by, source, "admin claim", "code", "issued", null,
                    "valid until " + expires, null));
            return null;
        });
        return new IssuedCode(code.substring(0, CODE_LENGTH / 2) + "-" + code.substring(CODE_LENGTH / 2), expires);
    }

    /**
     * {@code admin claim CODE} from a chat account of a workspace bound to {@code tenant}: makes the account's person
     * (the one it is linked to, else a person named as the caller is shown) an admin.
     *
     * @param code the code {@linkplain Command.ClaimAdmin#normalise normalised}
     */
    public Reply claim(Tenant tenant, Actor caller, Source source, ChatIdentity account, String code) {
        Instant now = clock.instant();
        List<Instant> failures = codes.failuresSince(account.platform(), account.workspace(), now.minus(WINDOW));
        if (failures.size() >= MAX_FAILURES) {
            Instant until = failures.get(failures.size() - MAX_FAILURES).plus(WINDOW);
            audit.append(tenant, attempt(now, caller, source, account, "refused", "too many wrong codes; waiting"));
            return Failure.of("Too many wrong codes have been tried in this workspace: try again after "
                    + HOUR.format(until.atZone(zone)) + ". Nothing was changed.");
        }
        Optional<ClaimCode> found = codes.find(code);
        String refusal = found.isEmpty() ? WRONG
                : found.get().tenantId() != tenant.id() ? otherCouncil(tenant)
                : found.get().used() ? USED
                : !now.isBefore(found.get().expiresAt()) ? EXPIRED
                : null;
        if (refusal != null) {
            return refuse(tenant, caller, source, account, now, refusal);
        }
        if (caller.role() == Role.ADMIN) {
            audit.append(tenant, attempt(now, caller, source, account, "not needed", "already an admin; code left unused"));
            return new Confirmation("You are already an admin of " + tenant.name() + ": nothing to change, and the code "
                    + "is left unused.", null, null, false);
        }
        String name = caller.person() != null ? caller.person().name() : nameFor(tenant, caller.displayName(), account);
        Reply done;
        try {
            done = db.transaction(() -> {
                if (!codes.use(found.get().id(), accountText(account), now)) {
                    return null; // claimed by someone else a moment ago
                }
                Made made = makeAdmin(tenant, account, name, caller.displayName(), source, "claimed with a one-time code");
                return new Confirmation(made.person() + " is now an admin of " + tenant.name() + ", linked to this "
                        + account.platform() + " account.", null, null, false);
            });
        } catch (UserFixableException e) {
            return refuse(tenant, caller, source, account, now, LINKED_ELSEWHERE);
        }
        return done != null ? done : refuse(tenant, caller, source, account, now, USED);
    }

    /** What {@link #makeAdmin} did: the person, and their role before (null when they were added). */
    public record Made(String person, Role before) {
        public Made {
            Objects.requireNonNull(person, "person");
        }
    }

    /**
     * Makes the person of this name (added if the plan has nobody so named) an admin linked to the account, audited,
     * in one transaction (joining the caller's).
     *
     * @throws UserFixableException when the account is linked in another tenant (nothing is changed)
     */
    public Made makeAdmin(Tenant tenant, ChatIdentity account, String name, String by, Source source, String note) {
        return db.transaction(() -> {
            Optional<Person> before = people.find(tenant, name);
            String who = before.map(Person::name).orElse(new Person(name, Role.ADMIN).name());
            if (before.isEmpty()) {
                people.upsert(tenant, List.of(who), Role.ADMIN);
            } else {
                people.setRole(tenant, who, Role.ADMIN);
            }
            people.link(tenant, who, account);
            outbox.releaseHeld(tenant, clock.instant()); // what waited for a reachable admin (or this person) may go now
            audit.append(tenant, new AuditEvent(clock.instant(), by, source, "person", who, "made admin",
                    before.map(p -> p.role().word()).orElse(null), "admin, " + accountText(account), note));
            return new Made(who, before.map(Person::role).orElse(null));
        });
    }

    /** "slack T0123/U0123": how the audit trail and a used code name an account. */
    public static String accountText(ChatIdentity account) {
        return account.platform() + " " + account.workspace() + "/" + account.userId();
    }

    private Reply refuse(Tenant tenant, Actor caller, Source source, ChatIdentity account, Instant now, String refusal) {
        db.transaction(() -> {
            codes.recordFailure(account, now);
            audit.append(tenant, attempt(now, caller, source, account, "refused", refusal));
            return null;
        });
        return Failure.of(refusal);
    }

    /**
     * The caller's name for a new person; when the plan's person of that name has another account on this platform,
     * the account's id is added, so that nobody takes over someone else's name.
     */
    private String nameFor(Tenant tenant, String displayName, ChatIdentity account) {
        Optional<Person> same = people.find(tenant, displayName);
        if (same.isPresent() && people.identity(tenant, same.get().name(), account.platform()).isPresent()) {
            return displayName + " (" + account.userId() + ")";
        }
        return displayName;
    }

    private static AuditEvent attempt(Instant at, Actor caller, Source source, ChatIdentity account, String change, String note) {
        return new AuditEvent(at, caller.displayName(), source, "admin claim", accountText(account), change, null, null, note);
    }

    private static String otherCouncil(Tenant tenant) {
        return "That code was made for another council, not for " + tenant.name() + " (the council this workspace is bound "
                + "to): ask for a code made with `./planbot admin code --tenant " + tenant.slug() + "`. Nothing was changed.";
    }
}
