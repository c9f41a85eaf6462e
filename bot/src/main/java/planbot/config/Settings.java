package planbot.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Raw settings: the process environment over a {@code .env} file. Immutable and thread-safe.
 *
 * <p>The {@code .env} format is {@code KEY=value} per line; blank lines and lines starting with {@code #}
 * are ignored; a value may be wrapped in single or double quotes.
 */
public final class Settings {
    /** Where the database is: a JDBC URL. */
    public static final String DB_URL = "PLANBOT_DB_URL";
    /** The tenant (council) the CLI acts on when --tenant is not given. */
    public static final String TENANT = "PLANBOT_TENANT";
    /** The installation's default reminder policy ({@code lead=10,5,1 send-at=08:30}); see {@link ReminderConfig}. */
    public static final String REMINDER_POLICY = "PLANBOT_REMINDER_POLICY";

    public static final String DEFAULT_DB_URL = "jdbc:sqlite:data/planbot.db";
    public static final String DEFAULT_TENANT = "default";

    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** The environment over {@code .env} in the working folder (if there is one). */
    public static Settings load() {
        return load(System.getenv(), Path.of(".env"));
    }

    /**
     * The given environment over the given {@code .env} file.
     *
     * @throws ConfigException when the file exists but cannot be read or has a malformed line
     */
    public static Settings load(Map<String, String> environment, Path dotEnv) {
        Map<String, String> merged = new HashMap<>();
        if (Files.isRegularFile(dotEnv)) {
            merged.putAll(parseDotEnv(dotEnv));
        }
        environment.forEach((k, v) -> {
            if (k.startsWith("PLANBOT_") || k.startsWith("SLACK_") || k.startsWith("DISCORD_") || k.startsWith("TEAMS_")) {
                merged.put(k, v);
            }
        });
        merged.values().removeIf(String::isBlank);
        return new Settings(merged);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public String getOrDefault(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    private static Map<String, String> parseDotEnv(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage());
        }
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring(7).strip();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException(file + " line " + (i + 1) + " is not KEY=value");
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            out.put(key, value);
        }
        return out;
    }
}
