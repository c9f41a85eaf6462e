package planbot.tracker.read;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads CSV or TSV text. The encoding is UTF-8 (with or without a byte-order mark; UTF-16 when it has one)
 * unless the bytes are not valid UTF-8, in which case they are Windows-1252: what Excel on a council PC
 * saves. The delimiter is whichever of tab, comma or semicolon the first lines use most, except in a Word table
 * flattened to text (every tab at the start of its line), which {@link WordTextTableLoader} reads.
 */
final class TextTableLoader {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int SNIFF_LINES = 50;

    private TextTableLoader() {
    }

    static Table load(byte[] content, boolean namedLikeXlsx) throws TrackerFormatException {
        // One line ending everywhere, so a cell that spans lines reads the same from Windows and Unix files.
        String text = decode(content).replace("\r\n", "\n").replace('\r', '\n');
        if (looksBinary(text)) {
            throw new TrackerFormatException("this is not a CSV, TSV or XLSX tracker: "
                    + (namedLikeXlsx ? "it is named like an Excel workbook but is not one" : "it contains binary data"));
        }
        if (WordTextTableLoader.matches(text)) {
            return WordTextTableLoader.load(text);
        }
        char delimiter = delimiter(text);
        try {
            return parse(text, CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).build());
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // A stray quote (a cell starting with "proof of concept" ...) breaks quoted parsing; tab-separated
            // exports rarely quote at all, so read the lines as they are.
            try {
                return parse(text, CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setQuote(null)
                        .setIgnoreEmptyLines(false).build());
            } catch (IOException | UncheckedIOException | IllegalStateException again) {
                throw new TrackerFormatException("this is not a CSV, TSV or XLSX tracker: its lines cannot be split into "
                        + "cells", again);
            }
        }
    }

    private static Table parse(String text, CSVFormat format) throws IOException {
        List<Table.Row> rows = new ArrayList<>();
        try (CSVParser parser = format.parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                // One record is one spreadsheet row, even when a quoted cell spans several lines.
                rows.add(new Table.Row((int) record.getRecordNumber(), record.toList()));
            }
        }
        return new Table(rows);
    }

    static String decode(byte[] content) {
        if (TableLoader.startsWith(content, 0xEF, 0xBB, 0xBF)) {
            return new String(content, 3, content.length - 3, StandardCharsets.UTF_8);
        }
        if (TableLoader.startsWith(content, 0xFF, 0xFE)) {
            return new String(content, 2, content.length - 2, StandardCharsets.UTF_16LE);
        }
        if (TableLoader.startsWith(content, 0xFE, 0xFF)) {
            return new String(content, 2, content.length - 2, StandardCharsets.UTF_16BE);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(content, WINDOWS_1252);
        }
    }

    /** Text has no NUL and hardly any other control characters; random bytes decoded as cp1252 have plenty. */
    private static boolean looksBinary(String text) {
        int odd = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return true;
            }
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == '\uFFFD') {
                odd++;
            }
        }
        return odd * 100 > text.length();
    }

    private static char delimiter(String text) {
        int tabs = 0;
        int commas = 0;
        int semicolons = 0;
        // lines() is lazy: a limited split(regex, n) still runs its regex over the whole file (JDK 17's
        // Pattern.split keeps finding after the limit), which cost a sixth of reading a 100,000-row tracker
        for (String line : text.lines().filter(l -> !l.isBlank()).limit(SNIFF_LINES).toList()) {
            tabs += count(line, '\t');
            commas += count(line, ',');
            semicolons += count(line, ';');
        }
        if (tabs > 0 && tabs >= commas && tabs >= semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    private static int count(String line, char c) {
        int n = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
