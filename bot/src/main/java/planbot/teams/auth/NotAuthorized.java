package planbot.teams.auth;

/**
 * An inbound request whose token does not prove that the Bot Connector sent it for this bot. The message is a short
 * reason for the log ("expired", "wrong audience"); it never holds the token. Answered with HTTP 401 and no effect.
 */
public final class NotAuthorized extends Exception {
    private static final long serialVersionUID = 1L;

    public NotAuthorized(String reason) {
        super(reason, null, false, false);
    }
}
