package planbot.tracker.write;

import java.util.Locale;
import planbot.domain.UserFixableException;

/** The formats {@link PlanExporter} writes. */
public enum ExportFormat {
    /** The council layout as RFC 4180 CSV, UTF-8 with a byte order mark, CRLF line ends. */
    CSV("csv", "text/csv; charset=UTF-8"),
    /** The council layout as one Excel sheet. */
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    /** The council layout as one table in a Word document. */
    DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    /** planbot's own lossless structure; see {@link PlanJson}. */
    JSON("json", "application/json");

    private final String extension;
    private final String mediaType;

    ExportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** The file name extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** The media type for an HTTP download. */
    public String mediaType() {
        return mediaType;
    }

    /**
     * Reads a format as a person types it ({@code csv}, {@code XLSX}, {@code .json}).
     *
     * @throws UserFixableException naming the word and the formats there are, for the user to act on
     */
    public static ExportFormat parse(String word) {
        String w = word == null ? "" : word.strip().toLowerCase(Locale.ROOT);
        if (w.startsWith(".")) {
            w = w.substring(1);
        }
        for (ExportFormat f : values()) {
            if (f.extension.equals(w)) {
                return f;
            }
        }
        throw new UserFixableException("unknown export format '" + (word == null ? "" : word.strip())
                + "': use csv, xlsx, docx or json");
    }
}
