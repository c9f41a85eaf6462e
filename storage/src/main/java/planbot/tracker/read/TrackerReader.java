package planbot.tracker.read;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads a council's tracker (CSV, TSV, XLSX, DOCX or a Word table saved as text; the review tracker, an activity plan, or any table with a
 * header row) into a plan, plus every cell it could not read and every repair it made.
 *
 * <p>Called by the import service and the CLI. Stateless and thread-safe. A file that is not a tracker at all
 * (missing, empty, too large, binary, a zip that is not a workbook, a password-protected file, a document with no table, no header row) throws {@link
 * TrackerFormatException} with a one-sentence reason for the person who supplied it; a bad cell never throws,
 * it becomes a {@link planbot.tracker.Problem} in the result.
 */
public final class TrackerReader {
    private TrackerReader() {
    }

    /** Reads a file; its size is checked against {@link ReadOptions#maxBytes()} before it is opened. */
    public static ReadResult read(Path file, ReadOptions options) throws TrackerFormatException {
        Table table = TableLoader.load(file, options);
        return read(table, planName(options, String.valueOf(file.getFileName())), options);
    }

    /**
     * Reads a file's bytes. The kind of file is told from its content; {@code fileName} is only used to word
     * the error when the content is not what the name suggests.
     */
    public static ReadResult read(byte[] content, String fileName, ReadOptions options) throws TrackerFormatException {
        Table table = TableLoader.load(content, fileName, options);
        return read(table, planName(options, fileName), options);
    }

    private static ReadResult read(Table table, String planName, ReadOptions options) throws TrackerFormatException {
        List<Header> headers = ShapeDetector.detectAll(table, options);
        Header header = headers.get(0);
        switch (header.shape()) {
            case REVIEW: return ReviewTrackerReader.read(table, header, planName);
            case ACTIVITY: return ActivityPlanReader.read(table, header, planName);
            default: return HeaderTableReader.read(table, headers, planName);
        }
    }

    private static String planName(ReadOptions options, String fileName) {
        if (!options.planName().isBlank()) {
            return options.planName();
        }
        String name = fileName == null ? "" : fileName.replaceFirst("\\.[^.]*$", "").strip();
        return name.isEmpty() ? "plan" : name;
    }
}
