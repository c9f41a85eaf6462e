package planbot.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Where people reach planbot's web pages from outside ({@code PLANBOT_PUBLIC_URL}): the base of sign-in links and feed
 * URLs. Not a secret. Defaults to {@code http://localhost:<PLANBOT_HTTP_PORT>}, right for the demo and a laptop.
 *
 * @param uri an absolute http or https URL with a host and nothing after it but an optional {@code /}: the web pages
 *            link to each other by absolute paths ({@code /signin}), so planbot must own the host's root
 */
public record PublicUrlConfig(URI uri) {
    public static final String KEY = "PLANBOT_PUBLIC_URL";
    private static final String MUST = KEY + " must be an absolute http or https URL with no path or query,"
            + " such as https://planbot.council.gov.uk";

    /** @throws ConfigException naming {@value #KEY} when the URL is not an absolute http(s) URL without path or query */
    public PublicUrlConfig {
        Objects.requireNonNull(uri, "uri");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getRawQuery() != null
                || uri.getRawFragment() != null || uri.getRawUserInfo() != null || !(path.isEmpty() || path.equals("/"))) {
            throw new ConfigException(MUST + " (got '" + uri + "')");
        }
        uri = URI.create(scheme + "://" + uri.getRawAuthority()); // one spelling: no trailing slash, scheme lower-case
    }

    /** The default for a server on this port. */
    public static PublicUrlConfig localhost(int port) {
        return new PublicUrlConfig(URI.create("http://localhost:" + port));
    }

    /** @throws ConfigException naming {@value #KEY} (or {@value HttpConfig#PORT} for the default) when malformed */
    public static PublicUrlConfig from(Settings settings) {
        String raw = settings.get(KEY).map(String::strip).orElse(null);
        if (raw == null) {
            return localhost(HttpConfig.from(settings).port());
        }
        try {
            return new PublicUrlConfig(new URI(raw));
        } catch (URISyntaxException e) {
            throw new ConfigException(MUST + " (got '" + raw + "')");
        }
    }

    /** True when people reach planbot over HTTPS (then the session cookie is Secure). */
    public boolean https() {
        return uri.getScheme().equalsIgnoreCase("https");
    }
}
