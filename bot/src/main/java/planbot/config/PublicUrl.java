package planbot.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where people reach planbot's web ({@code PLANBOT_PUBLIC_URL}): the start of every link planbot hands out (calendar
 * feeds, task pages). Not a secret. Defaults to {@code http://localhost:<PLANBOT_HTTP_PORT>}, right only on the machine
 * itself: behind a proxy, set it to the address the proxy serves.
 */
public final class PublicUrl {
    public static final String KEY = "PLANBOT_PUBLIC_URL";

    private PublicUrl() {
    }

    /**
     * The configured address, without a trailing slash; empty when it is not set (the app then uses its own HTTP
     * server's, {@code http://localhost:<port>}).
     *
     * @throws ConfigException naming {@value #KEY} when it is not an absolute http or https address
     */
    public static Optional<URI> from(Settings settings) {
        String raw = settings.get(KEY).map(String::strip).orElse("");
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getQuery() != null
                    || uri.getFragment() != null) {
                throw new URISyntaxException(raw, "not an http(s) address");
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            throw new ConfigException(KEY + " must be the address people open planbot at, like https://planbot.council.gov.uk"
                    + " (got '" + raw + "')");
        }
    }
}
