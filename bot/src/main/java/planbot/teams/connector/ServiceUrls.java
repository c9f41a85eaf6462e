package planbot.teams.connector;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code serviceUrl}s planbot may call: those it has seen in verified activities (and those stored from
 * earlier ones, trusted again at start-up). A forged or stale {@code serviceUrl} would otherwise make planbot send
 * its bearer token to whoever named it. Compared exactly, except that a trailing slash does not matter (Teams
 * sends both forms). Thread-safe.
 */
public final class ServiceUrls {
    private final Set<String> trusted = ConcurrentHashMap.newKeySet();

    /** Trusts a serviceUrl from a verified activity (or one stored from an earlier verified activity). */
    public void trust(String serviceUrl) {
        trusted.add(key(Objects.requireNonNull(serviceUrl, "serviceUrl")));
    }

    public boolean trusted(String serviceUrl) {
        return serviceUrl != null && trusted.contains(key(serviceUrl));
    }

    private static String key(String serviceUrl) {
        return serviceUrl.endsWith("/") ? serviceUrl.substring(0, serviceUrl.length() - 1) : serviceUrl;
    }
}
