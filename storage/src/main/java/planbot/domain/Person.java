package planbot.domain;

import java.util.Objects;

/**
 * A person as the tracker names them ("HoP", "Patsy Dell and Service Managers"), with their role.
 */
public record Person(String name, Role role) {
    public Person {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        name = name.strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a person needs a name");
        }
    }
}
