package planbot.config;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * How planbot's log lines look ({@code PLANBOT_LOG_FORMAT}): {@code text}, one line as it always was, or {@code json},
 * one JSON object a line (Logback with logstash-logback-encoder, see {@code logback.xml}) carrying the node, and the
 * tenant and outbox id where the code knows them. The logging starts from the environment alone;
 * {@link #apply} sets it again once the settings (with {@code .env}) are read. Immutable.
 */
public record LogConfig(Format format) {
    public static final String FORMAT = "PLANBOT_LOG_FORMAT";
    /** The field (a Logback context property) that names the node on every JSON line. */
    public static final String NODE_FIELD = "node";

    public enum Format { TEXT, JSON }

    public LogConfig {
        java.util.Objects.requireNonNull(format, "format");
    }

    /** @throws ConfigException naming {@value #FORMAT} when it is neither text nor json */
    public static LogConfig from(Settings settings) {
        String raw = settings.getOrDefault(FORMAT, "text").strip();
        for (Format f : Format.values()) {
            if (f.name().equalsIgnoreCase(raw)) {
                return new LogConfig(f);
            }
        }
        throw new ConfigException(FORMAT + " must be text or json (got '" + raw + "')");
    }

    /**
     * Reconfigures Logback from {@code logback.xml} in this format, and names {@code node} on every line from now on.
     * Called once at start-up, before the work starts (lines written meanwhile may be lost). Does nothing when
     * Logback is not the slf4j binding (a tool embedding planbot).
     *
     * @throws ConfigException when the logging configuration cannot be read (it is planbot's own, so a build fault)
     */
    public void apply(NodeConfig node) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext)) {
            return;
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        // logback.xml reads the format as a variable: a system property wins over the environment's
        System.setProperty(FORMAT, format.name().toLowerCase(Locale.ROOT));
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        context.reset();
        try {
            configurator.doConfigure(LogConfig.class.getResource("/logback.xml"));
        } catch (JoranException e) {
            throw new ConfigException("cannot set up logging: " + e.getMessage());
        }
        context.putProperty(NODE_FIELD, node.id());
    }
}
