package planbot.tracker.write;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import planbot.domain.Plan;

/**
 * Writes the council layout ({@link CouncilLayoutWriter}) as a Word document: the plan's name as its title, then
 * one table with the same cells as the CSV and XLSX exports, the header row bold (and repeated on each page),
 * section rows bold. A cell's lines are line breaks inside one paragraph, so that blank lines survive the round
 * trip.
 *
 * <p>The WordprocessingML is written straight into the zip, row by row, rather than built with POI's XWPF: a
 * document object of ten thousand rows would not fit the small memory every export promises. The package is the
 * minimum Word and LibreOffice open: content types, the package relationship and the main document.
 */
final class DocxPlanWriter {
    static final String CONTENT_TYPES = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
            + "wordprocessingml.document.main+xml\"/></Types>";
    static final String RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
            + "officeDocument\" Target=\"word/document.xml\"/></Relationships>";
    private static final String BORDERS = "<w:tblBorders><w:top w:val=\"single\" w:sz=\"4\"/><w:left w:val=\"single\" "
            + "w:sz=\"4\"/><w:bottom w:val=\"single\" w:sz=\"4\"/><w:right w:val=\"single\" w:sz=\"4\"/><w:insideH "
            + "w:val=\"single\" w:sz=\"4\"/><w:insideV w:val=\"single\" w:sz=\"4\"/></w:tblBorders>";

    private DocxPlanWriter() {
    }

    /** Writes the plan; does not close {@code out}, which belongs to the caller. */
    static void write(Plan plan, OutputStream out) throws IOException {
        CouncilLayoutWriter layout = CouncilLayoutWriter.of(plan);
        ZipOutputStream zip = new ZipOutputStream(out);
        Writer xml = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        entry(zip, xml, "[Content_Types].xml", CONTENT_TYPES);
        entry(zip, xml, "_rels/.rels", RELS);
        zip.putNextEntry(new ZipEntry("word/document.xml"));
        xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"http://schemas."
                + "openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
        xml.write("<w:p>" + run(plan.name(), true, 28) + "</w:p>");
        xml.write("<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/>" + BORDERS + "</w:tblPr><w:tblGrid>");
        for (int i = 0; i < layout.columns().size(); i++) {
            xml.write("<w:gridCol/>");
        }
        xml.write("</w:tblGrid>");
        layout.write((kind, cells) -> {
            xml.write(kind == CouncilLayoutWriter.RowKind.HEADER ? "<w:tr><w:trPr><w:tblHeader/></w:trPr>" : "<w:tr>");
            for (String cell : cells) {
                xml.write("<w:tc><w:p>" + run(cell, kind != CouncilLayoutWriter.RowKind.ITEM, 0) + "</w:p></w:tc>");
            }
            xml.write("</w:tr>");
        });
        xml.write("</w:tbl><w:p/><w:sectPr><w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"
                + "<w:pgMar w:top=\"1000\" w:right=\"1000\" w:bottom=\"1000\" w:left=\"1000\"/></w:sectPr></w:body>"
                + "</w:document>");
        xml.flush();
        zip.closeEntry();
        zip.finish();
        out.flush();
    }

    private static void entry(ZipOutputStream zip, Writer xml, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        xml.write(content);
        xml.flush();
        zip.closeEntry();
    }

    /** One run of text: lines become breaks, tabs tab marks; halfPoints 0 keeps the default size. */
    static String run(String text, boolean bold, int halfPoints) {
        if (text.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<w:r>");
        if (bold || halfPoints > 0) {
            b.append("<w:rPr>").append(bold ? "<w:b/>" : "")
                    .append(halfPoints > 0 ? "<w:sz w:val=\"" + halfPoints + "\"/>" : "").append("</w:rPr>");
        }
        List<String> lines = List.of(text.split("\n", -1));
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                b.append("<w:br/>");
            }
            String[] tabbed = lines.get(i).split("\t", -1);
            for (int j = 0; j < tabbed.length; j++) {
                if (j > 0) {
                    b.append("<w:tab/>");
                }
                if (!tabbed[j].isEmpty()) {
                    b.append("<w:t xml:space=\"preserve\">").append(escape(tabbed[j])).append("</w:t>");
                }
            }
        }
        return b.append("</w:r>").toString();
    }

    /** XML text: markup characters escaped, and the control characters XML 1.0 cannot hold left out. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&': b.append("&amp;"); break;
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                default:
                    if (c >= 0x20) {
                        b.append(c);
                    }
            }
        }
        return b.toString();
    }
}
