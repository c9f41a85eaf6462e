package planbot.scheduler.digest;

import java.util.Objects;

/**
 * Which part of a tenant's plans a digest covers.
 *
 * @param tenant  the tenant's slug; never blank
 * @param plan    the plan's name, or null for all the tenant's plans
 * @param section the section's name, or null for every section; with a null plan, that section in any plan
 */
public record DigestScope(String tenant, String plan, String section) {
    public DigestScope {
        Objects.requireNonNull(tenant, "tenant");
        tenant = tenant.strip();
        if (tenant.isEmpty()) {
            throw new IllegalArgumentException("a digest needs a tenant");
        }
        plan = blankToNull(plan);
        section = section == null ? null : section.strip(); // "" is a real section: a tracker without sections
    }

    /** Everything the tenant has. */
    public static DigestScope all(String tenant) {
        return new DigestScope(tenant, null, null);
    }

    /** How a person reads it: "all plans", "Planning review", "Planning review, PLANNING ENFORCEMENT". */
    public String describe() {
        String p = plan == null ? "all plans" : plan;
        return section == null ? p : p + ", " + (section.isEmpty() ? "(no section)" : section);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
