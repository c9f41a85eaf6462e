package planbot.assess.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Flattens a Word document (DOCX) to the text Word itself saves, so that {@link WordTextParser} reads both: a
 * paragraph is a line; in a table each cell begins with a tab and its further paragraphs follow on lines of their
 * own. Word's list numbers are not in a paragraph's text, so they are counted here as Word counts them (per list,
 * continuing across tables, from its start override or else 1) and written in front ("4. …"); a bulleted item
 * gets "• ". Nested tables are not read. Stateless and thread-safe.
 */
final class DocxText {
    private DocxText() {
    }

    static String flatten(byte[] content) throws TemplateFormatException {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(content))) {
            StringBuilder text = new StringBuilder();
            Map<String, Integer> counters = new HashMap<>();
            for (IBodyElement element : document.getBodyElements()) {
                if (element instanceof XWPFParagraph) {
                    text.append(paragraph((XWPFParagraph) element, counters)).append('\n');
                } else if (element instanceof XWPFTable) {
                    for (XWPFTableRow row : ((XWPFTable) element).getRows()) {
                        for (XWPFTableCell cell : row.getTableCells()) {
                            cell(cell.getParagraphs(), counters, text);
                        }
                    }
                }
            }
            return text.toString();
        } catch (IOException | RuntimeException e) {
            throw new TemplateFormatException("this Word document is damaged and cannot be read", e);
        }
    }

    private static void cell(List<XWPFParagraph> paragraphs, Map<String, Integer> counters, StringBuilder text) {
        text.append('\t');
        boolean first = true;
        for (XWPFParagraph p : paragraphs) {
            String line = paragraph(p, counters);
            if (line.isBlank()) {
                continue;
            }
            text.append(first ? "" : "\n").append(line);
            first = false;
        }
        text.append('\n');
    }

    private static String paragraph(XWPFParagraph p, Map<String, Integer> counters) {
        String text = p.getText().replace('\t', ' ').strip();
        BigInteger list = p.getNumID();
        if (list == null || text.isEmpty()) {
            return text;
        }
        if (!"decimal".equals(p.getNumFmt())) {
            return "\u2022 " + text;
        }
        String key = list + "/" + (p.getNumIlvl() == null ? 0 : p.getNumIlvl().intValue());
        BigInteger override = p.getNumStartOverride();
        int start = override != null ? override.intValue() : 1;
        int number = counters.containsKey(key) ? counters.get(key) + 1 : start;
        counters.put(key, number);
        return number + ". " + text;
    }
}
