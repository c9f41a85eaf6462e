package planbot.assess;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A framework section a council assesses itself against (one of the 15 sections of the PAS Development Management
 * Challenge Toolkit, say, on the 1 (poor) to 5 (excellent) scale; or a list of standards rated red, amber or green,
 * as the FM Code's), abstaining allowed.
 *
 * @param name   the section title ("Processes, IT and administration"); unique per tenant (a re-import is a new
 *               version of the same template)
 * @param source where it came from (the file name it was imported from), may be empty
 * @param parts  at least one, numbers unique, in order
 * @param scale  what the parts are rated on
 */
public record Template(String name, String source, List<Part> parts, Scale scale) {
    /** A template on the 1–5 scale, as the PAS toolkit's. */
    public Template(String name, String source, List<Part> parts) {
        this(name, source, parts, Scale.ONE_TO_FIVE);
    }

    public Template {
        Objects.requireNonNull(scale, "scale");
        name = Objects.requireNonNull(name, "name").strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a template needs a name");
        }
        source = Objects.requireNonNullElse(source, "").strip();
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("template '" + name + "' has no parts");
        }
        Set<Integer> seen = new HashSet<>();
        for (Part p : parts) {
            if (!seen.add(p.number())) {
                throw new IllegalArgumentException("template '" + name + "' numbers part " + p.number() + " twice");
            }
        }
    }

    /** The part with this number, if there is one. */
    public Optional<Part> part(int number) {
        return parts.stream().filter(p -> p.number() == number).findFirst();
    }

    /** How many tips all its parts have together. */
    public int tipCount() {
        return parts.stream().mapToInt(p -> p.tips().size()).sum();
    }
}
