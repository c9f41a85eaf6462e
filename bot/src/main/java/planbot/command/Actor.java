package planbot.command;

import java.util.Objects;
import planbot.domain.Person;
import planbot.domain.Role;

/**
 * Who is asking: the person in the plan they are linked to (with their role), or a guest who may only read.
 *
 * @param displayName how to name them in replies and the audit trail
 * @param person      the plan's person they are, or null for someone not linked to anyone
 */
public record Actor(String displayName, Person person) {
    public Actor {
        Objects.requireNonNull(displayName, "displayName");
        if (displayName.isBlank()) {
            throw new IllegalArgumentException("an actor needs a name");
        }
    }

    public static Actor of(Person person) {
        return new Actor(person.name(), person);
    }

    /** Someone not linked to a person of the plan: a viewer. */
    public static Actor guest(String displayName) {
        return new Actor(displayName, null);
    }

    public Role role() {
        return person == null ? Role.VIEWER : person.role();
    }

    /** True when this actor is the named person (tracker names compare without regard to case or spacing). */
    public boolean is(String name) {
        return person != null && name != null && same(person.name(), name);
    }

    static boolean same(String a, String b) {
        return a.strip().replaceAll("\\s+", " ").equalsIgnoreCase(b.strip().replaceAll("\\s+", " "));
    }
}
