package planbot.tracker.read;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

/**
 * Builds Word documents for the tests the way Word saves them: a title paragraph, then a table whose bullets are
 * list paragraphs (not "·" typed in the text) and whose area column is one cell merged down over its rows.
 */
final class WordDocs {
    private WordDocs() {
    }

    /** The flattened sample's table as a real DOCX. */
    static byte[] sample() {
        try {
            String text = Files.readString(Samples.path(WordPlanReaderTest.SAMPLE));
            List<Table.Row> rows = WordTextTableLoader.load(text).rows();
            return docx(rows.get(0).cell(0), rows.subList(1, rows.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A document with a title and one table of these rows; an empty first cell continues the one above. */
    static byte[] docx(String title, List<Table.Row> rows) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            BigInteger bullets = bulletList(doc);
            doc.createParagraph().createRun().setText(title);
            int width = rows.get(0).cells().size();
            XWPFTable table = doc.createTable(rows.size(), width);
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < width; c++) {
                    XWPFTableCell cell = table.getRow(r).getCell(c);
                    String value = rows.get(r).cell(c);
                    if (c == 0 && r > 1 && value.isEmpty()) {
                        cell.getCTTc().addNewTcPr().addNewVMerge().setVal(STMerge.CONTINUE);
                        continue;
                    }
                    if (c == 0 && r > 0) {
                        cell.getCTTc().addNewTcPr().addNewVMerge().setVal(STMerge.RESTART);
                    }
                    write(cell, value, bullets);
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(XWPFTableCell cell, String value, BigInteger bullets) {
        String[] lines = value.split("\n");
        for (int i = 0; i < lines.length; i++) {
            XWPFParagraph p = i == 0 ? cell.getParagraphs().get(0) : cell.addParagraph();
            String line = lines[i];
            if (line.startsWith("\u00b7")) {
                p.setNumID(bullets);
                line = line.substring(1).strip();
            }
            p.createRun().setText(line);
        }
    }

    static BigInteger bulletList(XWPFDocument doc) {
        CTAbstractNum abstractNum = CTAbstractNum.Factory.newInstance();
        abstractNum.setAbstractNumId(BigInteger.ZERO);
        CTLvl level = abstractNum.addNewLvl();
        level.setIlvl(BigInteger.ZERO);
        level.addNewNumFmt().setVal(STNumberFormat.BULLET);
        level.addNewLvlText().setVal("\u2022");
        XWPFNumbering numbering = doc.createNumbering();
        return numbering.addNum(numbering.addAbstractNum(new XWPFAbstractNum(abstractNum)));
    }
}
