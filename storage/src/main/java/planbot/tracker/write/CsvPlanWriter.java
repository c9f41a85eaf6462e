package planbot.tracker.write;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import planbot.domain.Plan;

/**
 * Writes the council layout ({@link CouncilLayoutWriter}) as CSV: RFC 4180 (comma, double quotes only where
 * needed, CRLF between records, line breaks inside a cell kept as written inside quotes), UTF-8 with a byte
 * order mark because without it Excel reads the file as Windows-1252 and mangles "–" and "’". Section rows
 * have as many (empty) cells as the header.
 */
final class CsvPlanWriter {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private CsvPlanWriter() {
    }

    /** Writes the plan; flushes but does not close {@code out}, which belongs to the caller. */
    static void write(Plan plan, OutputStream out) throws IOException {
        CouncilLayoutWriter layout = CouncilLayoutWriter.of(plan);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write(BYTE_ORDER_MARK);
        CSVPrinter printer = new CSVPrinter(writer, FORMAT);
        layout.write((kind, cells) -> printer.printRecord(cells));
        printer.flush();
    }
}
