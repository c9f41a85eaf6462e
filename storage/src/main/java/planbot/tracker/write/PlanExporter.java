package planbot.tracker.write;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import planbot.domain.Plan;
import planbot.domain.UserFixableException;

/**
 * Exports a plan: CSV, XLSX or DOCX in the council's own layout (the rules a reader honours to import it back into an
 * equal plan are in {@link planbot.tracker.CouncilLayout}), or planbot's JSON ({@link PlanJson}).
 *
 * <p>Called by the CLI's {@code export} and the web download. Stateless and thread-safe. Memory stays small
 * whatever the plan's size: CSV and JSON stream, XLSX streams through a temporary file.
 */
public final class PlanExporter {
    private PlanExporter() {
    }

    /**
     * Writes {@code plan} to {@code out} in {@code format}. Flushes but never closes {@code out}: the caller
     * opened it. On failure, what was written so far is incomplete and should be discarded.
     *
     * @throws IOException              when {@code out} fails
     * @throws UserFixableException     when the plan's layout has no columns, so it cannot be laid out as a
     *                                  spreadsheet; the message says why
     * @throws IllegalArgumentException from POI, when a cell is longer than Excel allows
     */
    public static void write(Plan plan, ExportFormat format, OutputStream out) throws IOException {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(out, "out");
        switch (format) {
            case CSV:
                CsvPlanWriter.write(plan, out);
                break;
            case XLSX:
                XlsxPlanWriter.write(plan, out);
                break;
            case DOCX:
                DocxPlanWriter.write(plan, out);
                break;
            case JSON:
                PlanJson.write(plan, out);
                break;
            default:
                throw new IllegalStateException("no writer for " + format);
        }
    }
}
