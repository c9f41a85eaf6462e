package planbot.tracker.read;

import java.util.Map;
import java.util.Objects;
import planbot.domain.Layout;

/**
 * How to read a tracker.
 *
 * @param planName  the plan's name (the CLI's --plan; defaults to the file name without extension)
 * @param sheet     for XLSX, the sheet's name or 1-based number, null for the first sheet; for DOCX, the 1-based
 *                  number of the one table to read, null for all of them
 * @param columnMap --map overrides: a role for a header as written (case-insensitive), beating the guess
 * @param maxBytes  files larger than this are refused before reading
 */
public record ReadOptions(String planName, String sheet, Map<String, Layout.Role> columnMap, long maxBytes) {
    /** 50 MB: a council tracker is a few hundred kilobytes; anything near this is not one. */
    public static final long DEFAULT_MAX_BYTES = 50L * 1024 * 1024;

    public ReadOptions {
        Objects.requireNonNull(planName, "planName");
        columnMap = Map.copyOf(columnMap);
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
    }

    public static ReadOptions named(String planName) {
        return new ReadOptions(planName, null, Map.of(), DEFAULT_MAX_BYTES);
    }
}
