package planbot.domain;

import java.util.Locale;

/** What a person may do. Each role includes everything the roles before it may do. */
public enum Role {
    /** Reads the plan. */
    VIEWER,
    /** Also updates the tasks they own. */
    OFFICER,
    /** Also updates the tasks of the actions they lead. */
    LEAD,
    /** Also updates anything in the plan. */
    MANAGER,
    /** Also manages people and settings. */
    ADMIN;

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    /**
     * The role a word names, in any case.
     *
     * @throws UserFixableException naming the roles there are
     */
    public static Role parse(String word) {
        try {
            return valueOf(word.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UserFixableException("unknown role '" + word + "': use viewer, officer, lead, manager or admin");
        }
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
