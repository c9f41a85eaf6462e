package planbot.config;

/**
 * Where the app's one HTTP server listens ({@code PLANBOT_HTTP_PORT}): chat platforms' webhooks and {@code GET /health}.
 *
 * @param port 0 to 65535; 0 picks a free port
 */
public record HttpConfig(int port) {
    public static final String PORT = "PLANBOT_HTTP_PORT";
    public static final int DEFAULT_PORT = 7070;

    /** @throws ConfigException naming {@value #PORT} when the port is out of range */
    public HttpConfig {
        if (port < 0 || port > 65_535) {
            throw new ConfigException(PORT + " must be a port number from 0 to 65535 (got " + port + ")");
        }
    }

    /** @throws ConfigException naming {@value #PORT} when it is not a port number */
    public static HttpConfig from(Settings settings) {
        String raw = settings.getOrDefault(PORT, String.valueOf(DEFAULT_PORT)).strip();
        try {
            return new HttpConfig(Integer.parseInt(raw));
        } catch (NumberFormatException e) {
            throw new ConfigException(PORT + " must be a port number from 0 to 65535 (got '" + raw + "')");
        }
    }
}
