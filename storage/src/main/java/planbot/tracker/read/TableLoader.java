package planbot.tracker.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import planbot.tracker.FormulaGuard;

/**
 * Loads a file into a {@link Table}, deciding from its first bytes whether it is an XLSX workbook, a Word
 * document (DOCX) or text (CSV, TSV, or a Word table saved as text). The size limit is checked before anything
 * is read, so a huge file costs nothing. Every cell is
 * passed through {@link FormulaGuard#restore} here, before anything else reads it, so that a cell planbot's
 * export neutralised ({@code '=1+1}) reads as the text it stood for.
 */
final class TableLoader {
    private TableLoader() {
    }

    static Table load(Path file, ReadOptions options) throws TrackerFormatException {
        String name = String.valueOf(file.getFileName());
        if (Files.isDirectory(file)) {
            throw new TrackerFormatException(name + " is a folder, not a tracker file");
        }
        byte[] content;
        try {
            checkSize(Files.size(file), options);
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new TrackerFormatException("the file " + name + " does not exist", e);
        } catch (IOException e) {
            throw new TrackerFormatException("the file " + name + " could not be read (" + e.getMessage() + ")", e);
        }
        return load(content, name, options);
    }

    static Table load(byte[] content, String fileName, ReadOptions options) throws TrackerFormatException {
        checkSize(content.length, options);
        if (content.length == 0) {
            throw new TrackerFormatException("the file is empty");
        }
        Table table;
        if (startsWith(content, 'P', 'K', 3, 4)) {
            table = isWordDocument(content) ? DocxTableLoader.load(content, options) : XlsxTableLoader.load(content, options);
        } else if (startsWith(content, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new TrackerFormatException(oldOfficeFile(content));
        } else {
            table = TextTableLoader.load(content, looksLikeXlsx(fileName));
        }
        if (table.rows().stream().allMatch(Table.Row::isBlank)) {
            throw new TrackerFormatException("the file is empty: it has only blank lines");
        }
        return restored(table);
    }

    /** A zip whose entries are named word/…: entry names are stored uncompressed, so no inflating is needed. */
    private static boolean isWordDocument(byte[] content) {
        return new String(content, StandardCharsets.ISO_8859_1).contains("word/document");
    }

    /**
     * Why an OLE2 file is refused: a password-protected Word or Excel file is an encrypted package inside one (its
     * streams say so), and the rest are the old 97-2003 formats.
     */
    private static String oldOfficeFile(byte[] content) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage")) {
                return "this file is password-protected: save a copy without the password and import that";
            }
            if (root.hasEntry("WordDocument")) {
                return "this is an old Word 97-2003 (.doc) document: save it as .docx and try again";
            }
        } catch (IOException | RuntimeException e) {
            // not readable as OLE2 at all: most likely a damaged old workbook, as before
        }
        return "this is an old Excel 97-2003 (.xls) workbook: save it as .xlsx or CSV and try again";
    }

    private static Table restored(Table table) {
        List<Table.Row> rows = new ArrayList<>(table.rows().size());
        for (Table.Row row : table.rows()) {
            // restore gives the cell itself back when it has nothing to undo, as for nearly every row: keep the row
            boolean changed = row.cells().stream().anyMatch(c -> FormulaGuard.restore(c) != c);
            rows.add(changed ? new Table.Row(row.number(), row.cells().stream().map(FormulaGuard::restore).toList()) : row);
        }
        return new Table(rows);
    }

    private static void checkSize(long size, ReadOptions options) throws TrackerFormatException {
        if (size > options.maxBytes()) {
            throw new TrackerFormatException("the file is too large (" + megabytes(size) + "); a tracker may be at most "
                    + megabytes(options.maxBytes()));
        }
    }

    private static String megabytes(long bytes) {
        return bytes >= 1024 * 1024 ? String.format(Locale.UK, "%.0f MB", bytes / (1024.0 * 1024)) : bytes + " bytes";
    }

    private static boolean looksLikeXlsx(String fileName) {
        String n = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        return n.endsWith(".xlsx") || n.endsWith(".xlsm");
    }

    static boolean startsWith(byte[] content, int... magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
