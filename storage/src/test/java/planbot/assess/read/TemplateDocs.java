package planbot.assess.read;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import planbot.assess.Part;
import planbot.assess.Template;
import planbot.assess.Tip;

/** The toolkit sample and its sources for the tests, and Word documents laid out as the toolkit's are. */
final class TemplateDocs {
    static final String SAMPLE = "pas-dm-challenge-toolkit-processes-it.txt";

    private TemplateDocs() {
    }

    /** A file of the repository's samples folder, wherever the tests run from. */
    static Path sample(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("samples").resolve("assessments").resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("sample " + name + " not found above " + Path.of("").toAbsolutePath());
    }

    /**
     * The template as the toolkit's Word document holds it: the title and an introduction, then per part a
     * table of three columns (headings; the two statements and the tips as one Word-numbered list that runs on
     * through the document, so its numbers are not in the text; the evaluation questions), then the summary table.
     */
    static byte[] docx(Template t) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            BigInteger numbers = decimalList(doc);
            doc.createParagraph().createRun().setText(t.name());
            doc.createParagraph().createRun().setText("Introduction");
            doc.createParagraph().createRun().setText("Please consider the statements below that attempt to define what"
                    + " an excellent and poor Planning Authority looks like and then consider some tips to improve performance.");
            for (Part p : t.parts()) {
                XWPFTable table = doc.createTable(3, 3);
                write(table.getRow(0).getCell(0), "A poor Development Management Service (score 1)");
                write(table.getRow(0).getCell(1), "An excellent Development Management Service (score 5)");
                write(table.getRow(0).getCell(2), "Top tips");
                write(table.getRow(1).getCell(0), p.poor());
                write(table.getRow(1).getCell(1), p.excellent());
                XWPFTableCell tips = table.getRow(1).getCell(2);
                for (int i = 0; i < p.tips().size(); i++) {
                    Tip tip = p.tips().get(i);
                    XWPFParagraph para = i == 0 ? tips.getParagraphs().get(0) : tips.addParagraph();
                    para.setNumID(numbers);
                    para.createRun().setText(tip.text());
                }
                write(table.getRow(2).getCell(0), "EVALUATION QUESTIONS\n" + String.join("\n", p.questions()));
                doc.createParagraph();
            }
            doc.createTable(1, 1).getRow(0).getCell(0).setText("SUMMARY OF ACTIONS TO FOLLOW UP");
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(XWPFTableCell cell, String value) {
        String[] lines = value.split("\n");
        for (int i = 0; i < lines.length; i++) {
            XWPFParagraph p = i == 0 ? cell.getParagraphs().get(0) : cell.addParagraph();
            p.createRun().setText(lines[i]);
        }
    }

    private static BigInteger decimalList(XWPFDocument doc) {
        CTAbstractNum abstractNum = CTAbstractNum.Factory.newInstance();
        abstractNum.setAbstractNumId(BigInteger.ZERO);
        CTLvl level = abstractNum.addNewLvl();
        level.setIlvl(BigInteger.ZERO);
        level.addNewNumFmt().setVal(STNumberFormat.DECIMAL);
        level.addNewLvlText().setVal("%1.");
        level.addNewStart().setVal(BigInteger.ONE);
        XWPFNumbering numbering = doc.createNumbering();
        BigInteger abstractId = numbering.addAbstractNum(new XWPFAbstractNum(abstractNum));
        return numbering.addNum(abstractId);
    }
}
