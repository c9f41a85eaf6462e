package planbot.cli;

import picocli.CommandLine.Option;

/** Options every verb takes, before or after the verb's name. */
public final class GlobalOptions {
    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Database URL (default: $PLANBOT_DB_URL, else jdbc:sqlite:data/planbot.db). "
                    + "PostgreSQL: jdbc:postgresql://HOST/DB?user=U&password=P")
    String dbUrl;

    @Option(names = "--tenant", paramLabel = "TENANT",
            description = "The council (tenant) to act on (default: $PLANBOT_TENANT, else 'default').")
    String tenant;
}
