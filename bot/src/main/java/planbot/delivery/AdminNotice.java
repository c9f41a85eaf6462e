package planbot.delivery;

import java.util.Objects;

/**
 * "A message could not be delivered": what the dispatcher tells the tenant's admin when it marks an outbox row
 * dead, once per row (its key is {@code dead:{outbox id}}).
 *
 * @param outboxId  this notice's own outbox row
 * @param outboxKey its key
 * @param failedKey the key of the row that died
 * @param what      what that row was, in words ("the OVERDUE reminder about EN003/01 for HoP")
 * @param reason    why it died, as the messenger or the dispatcher put it
 * @param attempts  how many times it was tried
 */
public record AdminNotice(long outboxId, String outboxKey, String failedKey, String what, String reason, int attempts)
        implements Notice {

    public AdminNotice {
        Objects.requireNonNull(outboxKey, "outboxKey");
        Objects.requireNonNull(failedKey, "failedKey");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String heading() {
        return "For the admin: a message could not be delivered";
    }

    @Override
    public String text() {
        String r = reason.strip();
        return "I could not deliver " + what + ": " + r + (r.endsWith(".") ? "" : ".") + " I tried "
                + ReminderNotice.count(attempts, "time") + " and have given up on it (outbox key " + failedKey + ").";
    }
}
