package planbot.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import planbot.platform.Finding;
import planbot.reply.Listing;

/**
 * What the {@link Doctor} found about one council's set-up, in the order it checked.
 *
 * @param tenant   the council's slug
 * @param findings every finding, the ones that are fine too
 */
public record Report(String tenant, List<Finding> findings) {
    /** {@code ./planbot doctor}'s exit code when every reminder can be delivered (warnings may remain). */
    public static final int DELIVERABLE = 0;
    /** Its exit code when at least one problem stops reminders from being delivered. */
    public static final int UNDELIVERABLE = 2;

    public Report {
        Objects.requireNonNull(tenant, "tenant");
        findings = List.copyOf(findings);
    }

    /** True when no finding is a problem. */
    public boolean deliverable() {
        return findings.stream().noneMatch(f -> f.severity() == Finding.Severity.PROBLEM);
    }

    public int exitCode() {
        return deliverable() ? DELIVERABLE : UNDELIVERABLE;
    }

    public long count(Finding.Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** One line a finding: "✅ text", "⚠️ text → fix", "❌ text → fix"; problems first, then warnings, then the rest. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        for (Finding.Severity s : new Finding.Severity[] {Finding.Severity.PROBLEM, Finding.Severity.WARNING, Finding.Severity.OK}) {
            for (Finding f : findings) {
                if (f.severity() == s) {
                    out.add(mark(s) + " " + f.text() + (f.fix().isEmpty() ? "" : " → " + f.fix()));
                }
            }
        }
        return out;
    }

    /** The findings as a short checklist for chat ({@code /plan doctor}, the welcome). */
    public Listing checklist() {
        return new Listing(summary(), lines(), "");
    }

    /** "planbot's set-up for default: 2 problems (reminders cannot all be delivered), 1 warning." */
    public String summary() {
        long problems = count(Finding.Severity.PROBLEM);
        long warnings = count(Finding.Severity.WARNING);
        return "planbot's set-up for " + tenant + ": " + (problems == 0 ? "reminders can be delivered"
                : problems + (problems == 1 ? " problem" : " problems") + " (reminders cannot all be delivered)")
                + (warnings == 0 ? "" : ", " + warnings + (warnings == 1 ? " warning" : " warnings") + " (optional)") + ".";
    }

    private static String mark(Finding.Severity s) {
        switch (s) {
            case PROBLEM:
                return "❌";
            case WARNING:
                return "⚠️";
            default:
                return "✅";
        }
    }
}
