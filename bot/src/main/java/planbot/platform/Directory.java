package planbot.platform;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a chat platform can tell about the people of a workspace: to name the first admin by email, and to propose
 * links between the plan's people and chat accounts in bulk. A platform that can do neither offers no directory.
 *
 * <p>Implementations call the platform (Slack: {@code users.lookupByEmail}, {@code users.list}), keep to its rate
 * limits and paginate themselves. Thread-safe.
 */
public interface Directory {

    /**
     * A member of the workspace as the platform describes them.
     *
     * @param userId      the platform's user id ({@code U0123})
     * @param displayName the name shown in chat; may be empty
     * @param realName    the person's full name; may be empty
     * @param email       their email address; empty when the platform does not say (missing scope, or a bot)
     */
    record Member(String userId, String displayName, String realName, String email) {
        public Member {
            Objects.requireNonNull(userId, "userId");
            displayName = Objects.requireNonNullElse(displayName, "");
            realName = Objects.requireNonNullElse(realName, "");
            email = Objects.requireNonNullElse(email, "");
            if (userId.isBlank()) {
                throw new IllegalArgumentException("a member has a user id");
            }
        }
    }

    /**
     * The member with this email address; empty when there is none.
     *
     * @throws PlatformException when the platform cannot be asked (a missing scope, a refused token, no answer), with
     *                           a sentence an admin can act on
     */
    Optional<Member> byEmail(String email) throws PlatformException;

    /**
     * Every human member of the workspace (no bots, no deactivated accounts), all pages.
     *
     * @throws PlatformException as {@link #byEmail}
     */
    List<Member> members() throws PlatformException;
}
