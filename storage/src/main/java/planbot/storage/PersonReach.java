package planbot.storage;

import java.util.List;
import java.util.Objects;

/**
 * How a person can be reached in chat: their linked accounts (newest first) and which platform their reminders
 * should go to.
 *
 * @param identities   every linked chat account of the person, newest link first; empty when none
 * @param chosen       the platform they chose for reminders ({@code /plan me reminders slack}); null when they did not
 * @param lastUsed     the platform they last used planbot on; null when never
 * @param channel      the channel a team or role is linked to ({@code people link "HoP" #planning}); null when none
 */
public record PersonReach(List<ChatIdentity> identities, String chosen, String lastUsed, PersonChannel channel) {
    public PersonReach {
        identities = List.copyOf(Objects.requireNonNull(identities, "identities"));
    }

    /** A person with no channel linked. */
    public PersonReach(List<ChatIdentity> identities, String chosen, String lastUsed) {
        this(identities, chosen, lastUsed, null);
    }

    /** Nobody linked, nothing chosen. */
    public static PersonReach none() {
        return new PersonReach(List.of(), null, null);
    }
}
