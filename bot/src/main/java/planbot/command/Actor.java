package planbot.command;

import java.util.Objects;
import planbot.domain.Person;
import planbot.domain.Role;

/**
 * Who is asking: the person in the plan they are linked to (with their role), a guest who may only read, or an
 * integration (an API token) that has a role but is nobody in the plan, so owns and leads nothing.
 *
 * @param displayName     how to name them in replies and the audit trail
 * @param person          the plan's person they are, or null for someone not linked to anyone
 * @param integrationRole the role of an integration; null for a person or a guest
 */
public record Actor(String displayName, Person person, Role integrationRole) {
    public Actor {
        Objects.requireNonNull(displayName, "displayName");
        if (displayName.isBlank()) {
            throw new IllegalArgumentException("an actor needs a name");
        }
        if (person != null && integrationRole != null) {
            throw new IllegalArgumentException("an integration is not a person");
        }
    }

    public Actor(String displayName, Person person) {
        this(displayName, person, null);
    }

    /** An integration acting with a role: as a person of that role may, except that no task or action is its own. */
    public static Actor integration(String name, Role role) {
        return new Actor(name, null, Objects.requireNonNull(role, "role"));
    }

    public static Actor of(Person person) {
        return new Actor(person.name(), person);
    }

    /** Someone not linked to a person of the plan: a viewer. */
    public static Actor guest(String displayName) {
        return new Actor(displayName, null);
    }

    public Role role() {
        return person != null ? person.role() : integrationRole != null ? integrationRole : Role.VIEWER;
    }

    /** True when this actor is the named person (tracker names compare without regard to case or spacing). */
    public boolean is(String name) {
        return person != null && name != null && same(person.name(), name);
    }

    static boolean same(String a, String b) {
        return a.strip().replaceAll("\\s+", " ").equalsIgnoreCase(b.strip().replaceAll("\\s+", " "));
    }
}
