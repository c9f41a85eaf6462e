package planbot.delivery;

/**
 * Nobody can be reached for an outbox row <i>yet</i>: its person has no chat account linked and there is no channel to
 * fall back on, or the channel it needs is not set. Set-up fixes it, so unlike its parent {@link Undeliverable} (which
 * {@link Routing} also throws for what can never be delivered) the dispatcher holds the row with {@link #reason()}
 * instead of giving up on it, and sends it once a link or a channel makes it reachable, if it is still due.
 */
public final class NotReachableYet extends Undeliverable {
    private static final long serialVersionUID = 1L;

    /** @param reason what is missing and the command that fixes it, as a sentence for an admin */
    public NotReachableYet(String reason) {
        super(reason);
    }
}
