package planbot.people;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import planbot.domain.AuditEvent;
import planbot.domain.Person;
import planbot.domain.Role;
import planbot.domain.Source;
import planbot.domain.UserFixableException;
import planbot.people.PeopleImportReport.Kind;
import planbot.people.PeopleImportReport.Line;
import planbot.storage.AuditRepository;
import planbot.storage.ChatIdentity;
import planbot.storage.Database;
import planbot.storage.PersonChannel;
import planbot.storage.PersonReach;
import planbot.storage.OutboxRepository;
import planbot.storage.PersonRepository;
import planbot.storage.Tenant;
import planbot.storage.WorkspaceBinding;
import planbot.storage.WorkspaceRepository;

/**
 * {@code ./planbot people import FILE}: links the plan's people to chat accounts, emails, roles and channels from the
 * council's people file, a CSV with a header row. Columns (header words in any case, spaces ignored): {@code name} (as
 * the tracker writes it; required), {@code email}, {@code role}, {@code channel} ({@code slack:C0123}: a team's or a
 * role's reminders go there) and one per platform holding the chat user id ({@code slack}, {@code teams},
 * {@code discord}). A blank cell leaves what is stored; nothing is ever unlinked.
 *
 * <p>Only names that are a person of the plan once normalised ({@link Names#key}) are linked; near misses are reported
 * with the line to fix, other names as not in the plan. A user id lives in the tenant's bound workspace of its
 * platform. A file with any problem (not CSV, too big, a bad role word or email, a user id twice or linked in another
 * tenant, a platform with no workspace bound) is reported, a line per problem, and nothing is written; otherwise the
 * whole file is applied in one transaction, each change audited. Importing the same file again changes nothing.
 *
 * <p>Called by the CLI. Thread-safe; storage failures propagate.
 */
public final class PeopleImportService {
    /** The biggest file read: a council's people list is a few hundred lines. */
    public static final int MAX_BYTES = 1 << 20;
    /** The most rows read. */
    public static final int MAX_ROWS = 10_000;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    /** What a column of the file holds. */
    private enum Column {
        NAME, EMAIL, ROLE, CHANNEL, SLACK, TEAMS, DISCORD;

        /** The columns holding a platform's user ids. */
        static final List<Column> PLATFORMS = List.of(SLACK, TEAMS, DISCORD);

        /** The column's word, which for a platform's column is the platform's name. */
        String platform() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Column> of(String header) {
            String k = header.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "");
            for (Column c : values()) {
                String w = c.platform();
                if (k.equals(w) || k.equals(w + "id") || k.equals(w + "userid") || (c == NAME && k.equals("person"))
                        || (c == EMAIL && k.equals("emailaddress"))) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }
    }

    /** A row of the file: its line number and its cells by column (blank cells left out). */
    private record Row(int line, Map<Column, String> cells) {
        String get(Column c) {
            return cells.get(c);
        }
    }

    /** Rolls the transaction back while keeping the report. */
    private static final class Rollback extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Rollback() {
            super(null, null, false, false);
        }
    }

    private final Database db;
    private final OutboxRepository outbox;
    private final PersonRepository people;
    private final WorkspaceRepository workspaces;
    private final AuditRepository audit;
    private final Clock clock;

    public PeopleImportService(Database db, PersonRepository people, WorkspaceRepository workspaces, AuditRepository audit,
                               OutboxRepository outbox, Clock clock) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.db = Objects.requireNonNull(db, "db");
        this.people = Objects.requireNonNull(people, "people");
        this.workspaces = Objects.requireNonNull(workspaces, "workspaces");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Reads the file and links what it says, or (on a dry run, or when there is any problem) only reports it.
     *
     * @param fileName the file's name, for the audit trail's note
     * @param actor    who runs it, for the audit trail
     */
    public PeopleImportReport run(Tenant tenant, String fileName, byte[] content, boolean dryRun, String actor) {
        List<Line> fileProblems = new ArrayList<>();
        List<Row> rows = read(content, fileProblems);
        if (!fileProblems.isEmpty()) {
            return new PeopleImportReport(false, dryRun, fileProblems);
        }
        Map<String, String> workspaceOf = workspaces(tenant, rows, fileProblems);
        List<Line> lines = new ArrayList<>();
        try {
            db.transaction(() -> {
                apply(tenant, rows, workspaceOf, "people import " + fileName, actor, lines);
                if (dryRun || !fileProblems.isEmpty() || lines.stream().anyMatch(l -> l.kind() == Kind.PROBLEM)) {
                    throw new Rollback();
                }
                if (lines.stream().anyMatch(l -> l.kind() == Kind.CHANGED)) {
                    outbox.releaseHeld(tenant, clock.instant()); // what waited for a way to reach these people may go now
                }
                return null;
            });
        } catch (Rollback rolledBack) {
            lines.addAll(fileProblems);
            return new PeopleImportReport(false, dryRun, lines);
        }
        return new PeopleImportReport(lines.stream().anyMatch(l -> l.kind() == Kind.CHANGED), false, lines);
    }

    // ---- reading

    /** The file's rows, or file-level problems added to {@code problems} (then no rows). */
    private static List<Row> read(byte[] content, List<Line> problems) {
        if (content.length > MAX_BYTES) {
            problems.add(fileProblem("the file is over " + MAX_BYTES + " bytes, the most a people file may be: split it"));
            return List.of();
        }
        String text = decode(content);
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
            problems.add(fileProblem("this is not a CSV file: it contains binary data"));
            return List.of();
        }
        List<CSVRecord> records;
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter(text)).build().parse(new StringReader(text))) {
            records = parser.getRecords();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            problems.add(fileProblem("this is not a CSV file planbot can read: its lines cannot be split into cells"
                    + " (a quote that is never closed?)"));
            return List.of();
        }
        if (records.size() > MAX_ROWS + 1) {
            problems.add(fileProblem("the file has " + (records.size() - 1) + " rows, and a people file has at most " + MAX_ROWS));
            return List.of();
        }
        if (records.isEmpty()) {
            problems.add(fileProblem("the file is empty: it needs a header row with a name column"));
            return List.of();
        }
        Map<Integer, Column> columns = header(records.get(0), problems);
        List<Row> rows = new ArrayList<>();
        for (CSVRecord r : records.subList(1, records.size())) {
            Map<Column, String> cells = new EnumMap<>(Column.class);
            columns.forEach((i, c) -> {
                if (i < r.size() && !r.get(i).isBlank()) {
                    cells.put(c, r.get(i).strip());
                }
            });
            if (!cells.isEmpty()) {
                rows.add(new Row((int) r.getRecordNumber(), cells));
            }
        }
        return rows;
    }

    private static Map<Integer, Column> header(CSVRecord header, List<Line> problems) {
        Map<Integer, Column> columns = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            Optional<Column> c = Column.of(header.get(i));
            if (c.isEmpty()) {
                if (!header.get(i).isBlank()) {
                    unknown.add("'" + header.get(i).strip() + "'");
                }
            } else if (columns.containsValue(c.get())) {
                problems.add(fileProblem("the header has two " + c.get().platform() + " columns: keep one"));
            } else {
                columns.put(i, c.get());
            }
        }
        if (!columns.containsValue(Column.NAME)) {
            problems.add(fileProblem("the header row has no name column; the columns planbot reads are name, email, role,"
                    + " channel, slack, teams and discord" + (unknown.isEmpty() ? "" : " (it has " + String.join(", ", unknown) + ")")));
        }
        return columns;
    }

    /** UTF-8 (with or without a byte-order mark) unless the bytes are not UTF-8: then Windows-1252, as Excel saves. */
    private static String decode(byte[] content) {
        if (content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB && (content[2] & 0xFF) == 0xBF) {
            return new String(content, 3, content.length - 3, StandardCharsets.UTF_8);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return new String(content, WINDOWS_1252);
        }
    }

    /** Whichever of comma, semicolon or tab the header line uses most (Excel in some locales saves semicolons). */
    private static char delimiter(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        char best = ',';
        long most = first.chars().filter(c -> c == ',').count();
        for (char c : new char[] {';', '\t'}) {
            long n = first.chars().filter(x -> x == c).count();
            if (n > most) {
                best = c;
                most = n;
            }
        }
        return best;
    }

    // ---- checking and applying

    /** The workspace the user ids of each platform column live in: the tenant's one bound workspace there. */
    private Map<String, String> workspaces(Tenant tenant, List<Row> rows, List<Line> problems) {
        Map<String, String> workspaceOf = new HashMap<>();
        for (Column column : Column.PLATFORMS) {
            String platform = column.platform();
            if (rows.stream().noneMatch(r -> r.get(column) != null)) {
                continue;
            }
            List<String> bound = new ArrayList<>();
            for (WorkspaceBinding b : workspaces.list(platform)) {
                if (b.tenant().id() == tenant.id()) {
                    bound.add(b.teamId().isEmpty() ? b.enterpriseId() : b.teamId());
                }
            }
            if (bound.size() == 1) {
                workspaceOf.put(platform, bound.get(0));
            } else {
                problems.add(fileProblem(bound.isEmpty()
                        ? "the file has " + platform + " user ids, but no " + platform + " workspace is bound to this council"
                        + " yet: use planbot once in the workspace (the first one binds itself), or `./planbot workspace bind"
                        + " --platform " + platform + " --team ID --tenant " + tenant.slug() + "`"
                        : "the file has " + platform + " user ids, and " + bound.size() + " " + platform + " workspaces are"
                        + " bound to this council (" + String.join(", ", bound) + "): planbot cannot tell which one they are in"));
            }
        }
        return workspaceOf;
    }

    private void apply(Tenant tenant, List<Row> rows, Map<String, String> workspaceOf, String note, String actor,
                       List<Line> lines) {
        List<Person> everyone = people.list(tenant);
        Map<String, Person> byKey = new HashMap<>();
        everyone.forEach(p -> byKey.merge(Names.key(p.name()), p, (a, b) -> a));
        Map<String, String> emails = people.emails(tenant);
        Map<String, Integer> seenNames = new HashMap<>();
        Map<String, Integer> seenIds = new HashMap<>();
        for (Row row : rows) {
            String name = row.get(Column.NAME);
            if (name == null) {
                lines.add(new Line(row.line(), "", Kind.PROBLEM, "line " + row.line() + ": no name: every row names a person of the plan"));
                continue;
            }
            List<String> problems = problems(row, seenIds, workspaceOf);
            Integer twice = seenNames.putIfAbsent(Names.key(name), row.line());
            if (twice != null) {
                problems.add("the name is on line " + twice + " too: keep one row per person");
            }
            if (!problems.isEmpty()) {
                problems.forEach(p -> lines.add(new Line(row.line(), name, Kind.PROBLEM, "line " + row.line() + ": " + name + ": " + p)));
                continue;
            }
            Person person = byKey.get(Names.key(name));
            if (person == null) {
                lines.add(notInPlan(row.line(), name, everyone));
                continue;
            }
            List<String> changes = new ArrayList<>();
            try {
                change(tenant, person, emails.get(person.name()), row, workspaceOf, note, actor, changes);
            } catch (UserFixableException e) {
                lines.add(new Line(row.line(), name, Kind.PROBLEM, "line " + row.line() + ": " + name + ": " + e.getMessage()
                        + ": unlink it there first"));
                continue;
            }
            String as = person.name().equals(name) ? "" : " (the plan writes \"" + person.name() + "\")";
            lines.add(changes.isEmpty()
                    ? new Line(row.line(), name, Kind.UNCHANGED, "line " + row.line() + ": " + name + as + ": nothing to change")
                    : new Line(row.line(), name, Kind.CHANGED, "line " + row.line() + ": " + name + as + ": " + String.join(", ", changes)));
        }
    }

    /** What is wrong with a row's cells, as phrases. */
    private static List<String> problems(Row row, Map<String, Integer> seenIds, Map<String, String> workspaceOf) {
        List<String> problems = new ArrayList<>();
        String role = row.get(Column.ROLE);
        if (role != null) {
            try {
                Role.parse(role);
            } catch (UserFixableException e) {
                problems.add(e.getMessage());
            }
        }
        String email = row.get(Column.EMAIL);
        if (email != null && !EMAIL.matcher(email).matches()) {
            problems.add("'" + email + "' is not an email address");
        }
        String channel = row.get(Column.CHANNEL);
        if (channel != null && channel(channel).isEmpty()) {
            problems.add("'" + channel + "' is not a channel: write the platform and the channel id, like slack:C0123ABCD");
        }
        for (Column column : Column.PLATFORMS) {
            String platform = column.platform();
            String id = row.get(column);
            if (id == null || !workspaceOf.containsKey(platform)) {
                continue;
            }
            if (!ID.matcher(id).matches()) {
                problems.add("'" + id + "' is not a " + platform + " user id");
            }
            Integer twice = seenIds.putIfAbsent(platform + ":" + id, row.line());
            if (twice != null) {
                problems.add("the " + platform + " user id " + id + " is on line " + twice + " too: an account is one person's");
            }
        }
        return problems;
    }

    private static Optional<PersonChannel> channel(String cell) {
        int colon = cell.indexOf(':');
        String platform = colon < 0 ? "" : cell.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        String id = cell.substring(colon + 1).strip().replaceFirst("^#", "");
        boolean known = Column.PLATFORMS.stream().anyMatch(c -> c.platform().equals(platform));
        return known && ID.matcher(id).matches() ? Optional.of(new PersonChannel(platform, id)) : Optional.empty();
    }

    /**
     * Writes what the row changes about the person, each change audited, and names it in {@code changes}.
     *
     * @param had the person's stored email; null when none
     */
    private void change(Tenant tenant, Person person, String had, Row row, Map<String, String> workspaceOf, String note,
                        String actor, List<String> changes) {
        String who = person.name();
        String role = row.get(Column.ROLE);
        if (role != null && Role.parse(role) != person.role()) {
            people.setRole(tenant, who, Role.parse(role));
            audited(tenant, who, "role", person.role().word(), Role.parse(role).word(), note, actor);
            changes.add("role " + Role.parse(role).word());
        }
        String email = row.get(Column.EMAIL);
        if (email != null && !email.equalsIgnoreCase(had)) {
            people.setEmail(tenant, who, email);
            audited(tenant, who, "email", had, email, note, actor);
            changes.add("email " + email);
        }
        PersonReach reach = people.reach(tenant, who);
        for (Column column : Column.PLATFORMS) {
            String platform = column.platform();
            String id = row.get(column);
            if (id == null || !workspaceOf.containsKey(platform)) {
                continue; // no workspace bound: reported for the whole file, and nothing is written
            }
            ChatIdentity identity = new ChatIdentity(platform, workspaceOf.get(platform), id);
            if (!reach.identities().contains(identity)) {
                Optional<String> before = people.identity(tenant, who, platform).map(PeopleImportService::account);
                Optional<String> movedFrom = people.findByIdentity(tenant, identity).map(Person::name);
                people.link(tenant, who, identity);
                audited(tenant, who, "linked", before.orElse(null), account(identity),
                        note + movedFrom.map(m -> "; was " + m + "'s").orElse(""), actor);
                changes.add("linked " + platform + " " + id + movedFrom.map(m -> " (was " + m + "'s)").orElse(""));
            }
        }
        Optional<PersonChannel> channel = Optional.ofNullable(row.get(Column.CHANNEL)).flatMap(PeopleImportService::channel);
        if (channel.isPresent() && !channel.get().equals(reach.channel())) {
            people.linkChannel(tenant, who, channel.get());
            audited(tenant, who, "channel", reach.channel() == null ? null : reach.channel().toString(),
                    channel.get().toString(), note, actor);
            changes.add("reminders to channel " + channel.get());
        }
    }

    private void audited(Tenant tenant, String who, String change, String before, String after, String note, String actor) {
        audit.append(tenant, new AuditEvent(clock.instant(), actor, Source.CLI, "person", who, change, before, after, note));
    }

    /** An account as the audit trail writes it ("slack T0123/U0456"), as {@code people link} does. */
    private static String account(ChatIdentity identity) {
        return identity.platform() + " " + identity.workspace() + "/" + identity.userId();
    }

    /** A name not in the plan: a near miss names the person it may be, else it says so. */
    private static Line notInPlan(int line, String name, List<Person> everyone) {
        List<String> close = new ArrayList<>();
        for (Person p : everyone) {
            Names.nearMiss(name, p.name()).ifPresent(why -> close.add("\"" + p.name() + "\" (" + why + ")"));
        }
        if (close.isEmpty()) {
            return new Line(line, name, Kind.NO_MATCH, "line " + line + ": \"" + name + "\" is not in the plan"
                    + " (`./planbot people` lists who is): not linked");
        }
        return new Line(line, name, Kind.NEAR_MISS, "line " + line + ": \"" + name + "\" is not in the plan; did you mean "
                + String.join(" or ", close) + "? Write the name as the plan does; not linked");
    }

    private static Line fileProblem(String text) {
        return new Line(0, "", Kind.PROBLEM, text);
    }
}
