package planbot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import planbot.storage.StorageException;

/**
 * {@code planbot backup --out FILE}: a consistent copy of a SQLite database, safe while {@code planbot serve} writes
 * to it. SQLite's {@code VACUUM INTO} reads the whole database in one read transaction (one snapshot; in WAL mode
 * it blocks no writer), into a temporary file beside FILE; the copy is then opened read-only and checked
 * ({@code PRAGMA integrity_check}, Flyway's schema version equal to the source's) before it is renamed onto FILE,
 * so FILE is either a checked copy or untouched. PostgreSQL is refused with the {@code pg_dump} line to use.
 *
 * <p>It opens the database directly, not through {@code App}: a backup must never migrate what it copies.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Copy a SQLite database consistently, also while planbot serves it (PostgreSQL: use pg_dump).")
public final class BackupCommand implements Callable<Integer> {
    private static final String SQLITE = "jdbc:sqlite:";

    @ParentCommand
    PlanbotCommand root;

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where the copy goes (a new file).")
    Path out;

    @Option(names = "--force", description = "Replace FILE if it exists.")
    boolean force;

    @Option(names = "--json", description = "Print what was copied as JSON.")
    boolean json;

    /** What the checked copy holds. */
    record Copy(long bytes, long tasks, String schemaVersion) {
    }

    @Override
    public Integer call() throws IOException {
        String url = root.dbUrl(global);
        if (url.startsWith("jdbc:postgresql:")) {
            throw new UserError(pgDumpAdvice(url, out));
        }
        if (!url.startsWith(SQLITE)) {
            throw new UserError("planbot backup copies a SQLite database (jdbc:sqlite:FILE); PostgreSQL is backed up with pg_dump");
        }
        Path source = Path.of(url.substring(SQLITE.length()).replaceFirst("\\?.*$", "").replaceFirst("^file:", ""))
                .toAbsolutePath().normalize();
        if (!Files.isRegularFile(source)) {
            throw new UserError("there is no SQLite database at " + source);
        }
        Path target = out.toAbsolutePath().normalize();
        Path dir = target.getParent();
        if (target.equals(source)) {
            throw new UserError("--out names the database itself: give another file");
        }
        if (!Files.isDirectory(dir)) {
            throw new UserError("no such folder: " + dir);
        }
        if (Files.exists(target) && !force) {
            throw new UserError(target + " already exists: give a new file, or --force to replace it");
        }
        // VACUUM INTO wants a file that does not exist or is empty: a new empty temp file beside FILE, for the rename
        Path tmp = Files.createTempFile(dir, ".planbot-backup", ".tmp");
        Copy copy;
        try {
            String sourceVersion;
            try (Connection c = DriverManager.getConnection(SQLITE + source, sqlite(false))) {
                sourceVersion = schemaVersion(c);
                try (PreparedStatement vacuum = c.prepareStatement("VACUUM INTO ?")) {
                    vacuum.setString(1, tmp.toString());
                    vacuum.execute();
                }
            }
            copy = check(tmp, sourceVersion);
            if (force) {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (SQLException e) {
            throw new StorageException("cannot back up " + source + ": " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(tmp);
        }
        print(source, target, copy);
        return 0;
    }

    /** Opens the copy read-only and checks it whole; throws when it is not a sound copy at the source's version. */
    private static Copy check(Path file, String sourceVersion) throws SQLException, IOException {
        try (Connection c = DriverManager.getConnection(SQLITE + file, sqlite(true)); Statement s = c.createStatement()) {
            String integrity;
            try (ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
                integrity = r.next() ? r.getString(1) : "no answer";
            }
            if (!"ok".equals(integrity)) {
                throw new StorageException("the copy failed SQLite's integrity check (" + integrity + "): nothing was written");
            }
            String version = schemaVersion(c);
            if (!version.equals(sourceVersion)) {
                throw new StorageException("the database's schema changed during the backup (version " + sourceVersion
                        + " → " + version + "): nothing was written; run the backup again");
            }
            long tasks;
            try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM task")) {
                r.next();
                tasks = r.getLong(1);
            }
            return new Copy(Files.size(file), tasks, version);
        }
    }

    /** Flyway's latest applied version ({@code "none"} before any migration). */
    private static String schemaVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT version FROM flyway_schema_history"
                + " WHERE success = 1 AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
            return r.next() ? r.getString(1) : "none";
        }
    }

    private static Properties sqlite(boolean readOnly) {
        Properties p = new Properties();
        // wait for a writer's lock rather than fail at once (WAL readers rarely meet one)
        p.setProperty("busy_timeout", "5000");
        if (readOnly) {
            p.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY: the check cannot change the copy
        }
        return p;
    }

    private void print(Path source, Path target, Copy copy) {
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            ObjectNode o = new ObjectMapper().createObjectNode();
            o.put("source", source.toString());
            o.put("file", target.toString());
            o.put("bytes", copy.bytes());
            o.put("tasks", copy.tasks());
            o.put("schemaVersion", copy.schemaVersion());
            o.put("integrity", "ok");
            w.println(o);
        } else {
            w.println("Backed up " + source + " to " + target + ": " + String.format(Locale.ROOT, "%,d", copy.bytes())
                    + " bytes, " + copy.tasks() + " tasks, schema version " + copy.schemaVersion() + ", integrity check ok.");
        }
        w.flush();
    }

    /** One sentence with the pg_dump line for this URL's server and database; the password is never repeated. */
    static String pgDumpAdvice(String url, Path out) {
        String host = "HOST";
        String port = "5432";
        String db = "DB";
        String user = null;
        try {
            URI uri = URI.create(url.substring("jdbc:".length()));
            String authority = uri.getRawAuthority();
            if (authority != null) {
                int at = authority.lastIndexOf('@');
                if (at >= 0) {
                    user = authority.substring(0, at).split(":", 2)[0];
                    authority = authority.substring(at + 1);
                }
                int colon = authority.lastIndexOf(':');
                host = colon > 0 ? authority.substring(0, colon) : authority;
                port = colon > 0 ? authority.substring(colon + 1) : port;
            }
            if (uri.getPath() != null && uri.getPath().length() > 1) {
                db = uri.getPath().substring(1);
            }
            if (uri.getRawQuery() != null) {
                for (String pair : uri.getRawQuery().split("&")) {
                    if (pair.startsWith("user=")) {
                        user = pair.substring("user=".length());
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            // an odd URL still gets the advice, with placeholders
        }
        String file = out == null ? "planbot.dump" : out.toString();
        return "planbot backup copies SQLite only: back up PostgreSQL with pg_dump, e.g. pg_dump --host=" + host
                + " --port=" + port + (user == null || user.isEmpty() ? "" : " --username=" + user)
                + " --format=custom --file=" + file + " " + db + " (give the password through PGPASSWORD or ~/.pgpass)";
    }
}
