package planbot.delivery;

import java.util.Objects;

/**
 * An outbox row that can never be delivered as it stands: its task is gone, its payload cannot be read, a platform
 * refused it for good. The dispatcher marks it dead with {@link #reason()} and tells an admin. Its subclass
 * {@link NotReachableYet} is the one that set-up can still fix: that row is held, not dead.
 */
public class Undeliverable extends Exception {
    private static final long serialVersionUID = 1L;

    public Undeliverable(String reason) {
        super(Objects.requireNonNull(reason, "reason"));
    }

    /** Why, as a sentence for an admin. */
    public String reason() {
        return getMessage();
    }
}
