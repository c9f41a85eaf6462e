package planbot.config;

import java.util.regex.Pattern;

/**
 * Which node of a cluster this process is ({@code PLANBOT_NODE_ID}): shown by the health endpoints and in every log line,
 * so that an operator can tell which of several {@code planbot serve} processes answered or wrote. Immutable.
 *
 * @param id 1 to 64 characters of {@code A-Z a-z 0-9 . _ -}
 */
public record NodeConfig(String id) {
    public static final String NODE_ID = "PLANBOT_NODE_ID";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** @throws ConfigException naming {@value #NODE_ID} when the id is not 1–64 characters of letters, digits, '.', '_', '-' */
    public NodeConfig {
        if (id == null || !VALID.matcher(id).matches()) {
            throw new ConfigException(NODE_ID + " must be 1 to 64 characters of letters, digits, '.', '_' and '-' (got '"
                    + id + "')");
        }
    }

    /**
     * The setting, or {@code <hostname>-<pid>} when unset (the host name cut to what the id allows).
     *
     * @throws ConfigException naming {@value #NODE_ID} when the value set is malformed
     */
    public static NodeConfig from(Settings settings) {
        return settings.get(NODE_ID).map(String::strip).map(NodeConfig::new).orElseGet(NodeConfig::hostAndPid);
    }

    /** {@code <hostname>-<pid>}, any character the id does not allow made '-'. */
    static NodeConfig hostAndPid() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException | RuntimeException e) {
            host = "planbot"; // no resolvable host name: the pid still tells processes on one machine apart
        }
        String pid = "-" + ProcessHandle.current().pid();
        host = host.replaceAll("[^A-Za-z0-9._-]", "-");
        if (host.isEmpty()) {
            host = "planbot";
        }
        return new NodeConfig(host.substring(0, Math.min(host.length(), 64 - pid.length())) + pid);
    }
}
