package planbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.MainAccess;
import planbot.MainAccess.Run;
import planbot.storage.Database;
import planbot.storage.testing.TestDatabases;

/**
 * Word plans through the command line: the flattened sample imports with the counts, a DOCX export
 * imports back as the same plan, bad Word files leave the database exactly as it was, and the committee report
 * reads back with POI.
 */
class WordCliTest {
    static final Path SAMPLE = ImportExportCliTest.SAMPLES.resolve("service-improvement-plan-update.txt");

    @TempDir
    Path dir;
    String db;

    @BeforeEach
    void database() {
        db = "jdbc:sqlite:" + dir.resolve("planbot.db");
    }

    private static Run planbot(String... args) {
        return MainAccess.planbot(args);
    }

    private Map<String, List<Map<String, Object>>> dump() {
        try (Database d = Database.open(db)) {
            return TestDatabases.dump(d);
        }
    }

    @Test
    void GIVEN_the_flattened_word_sample_WHEN_imported_THEN_3_areas_8_actions_30_milestones_15_dated() throws Exception {
        Run run = planbot("import", SAMPLE.toString(), "--db", db, "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode r = ImportExportCliTest.JSON.readTree(run.out());
        assertThat(r.get("sections").asInt()).isEqualTo(3);
        assertThat(r.get("actions").asInt()).isEqualTo(8);
        assertThat(r.get("tasks").asInt()).isEqualTo(30);
        assertThat(r.get("datedTasks").asInt()).isEqualTo(15);
        assertThat(r.get("problems")).isEmpty();
        assertThat(r.get("notices").toString()).contains("11 milestones read as tasks of A02");
    }

    @Test
    void GIVEN_a_tsv_of_three_titled_tables_WHEN_imported_THEN_one_plan_of_three_sections_not_a_duplicate_section()
            throws Exception {
        Path tsv = Path.of("..", "storage", "src", "test", "resources", "trackers", "greenford-improvement-plan.tsv");

        Run run = planbot("import", tsv.toString(), "--db", db, "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode r = ImportExportCliTest.JSON.readTree(run.out());
        assertThat(r.get("sections").asInt()).isEqualTo(3);
        assertThat(r.get("tasks").asInt()).isEqualTo(13);
        assertThat(r.get("notices").toString()).contains("holds no sections");
    }

    @Test
    void GIVEN_the_sample_imported_WHEN_exported_as_docx_and_imported_elsewhere_THEN_the_same_plan() throws Exception {
        String copy = "jdbc:sqlite:" + dir.resolve("copy.db");
        Path docx = dir.resolve("plan.docx");
        assertThat(planbot("import", SAMPLE.toString(), "--db", db).exit()).isZero();

        Run export = planbot("export", "--format", "docx", "--out", docx.toString(), "--db", db);
        Run back = planbot("import", docx.toString(), "--plan", "service-improvement-plan-update", "--db", copy);

        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(back.exit()).as(back.err() + back.out()).isZero();
        assertThat(json(copy)).isEqualTo(json(db));
    }

    @Test
    void GIVEN_bad_word_files_WHEN_imported_THEN_one_line_each_a_failure_and_the_database_untouched() throws Exception {
        assertThat(planbot("import", SAMPLE.toString(), "--db", db, "--plan", "sip").exit()).isZero();
        var before = dump();
        Path sample = dir.resolve("sample.docx");
        assertThat(planbot("export", "--format", "docx", "--out", sample.toString(), "--db", db).exit()).isZero();
        byte[] good = Files.readAllBytes(sample);
        Map<Path, String> expected = new LinkedHashMap<>();
        expected.put(write("minutes.docx", document(d -> d.createParagraph().createRun().setText("Minutes"))),
                "this Word document has no table");
        expected.put(write("rota.docx", document(d -> d.createTable(2, 2).getRow(0).getCell(0).setText("Monday"))),
                "no header row found");
        expected.put(write("locked.docx", encrypted(good)), "password-protected");
        expected.put(write("cut.docx", Arrays.copyOf(good, good.length / 2)), "damaged");
        expected.put(write("bomb.docx", bomb()), "looks like a zip bomb");
        Path huge = write("huge.docx", good);
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(200L * 1024 * 1024); // sparse: 200 MB on paper, nothing on disk
        }
        expected.put(huge, "too large (200 MB)");

        for (Map.Entry<Path, String> e : expected.entrySet()) {
            Run run = planbot("import", e.getKey().toString(), "--db", db, "--plan", "sip");
            assertThat(run.exit()).as(e.getKey().toString()).isEqualTo(1);
            assertThat(run.err().strip()).as(e.getKey().toString()).startsWith("planbot: cannot import")
                    .contains(e.getValue()).doesNotContain("Exception").doesNotContain("\n");
            assertThat(dump()).as(e.getKey().toString()).isEqualTo(before);
        }
    }

    @Test
    void GIVEN_the_sample_WHEN_reported_twice_THEN_a_word_report_with_summary_chart_sections_and_changes()
            throws Exception {
        assertThat(planbot("import", SAMPLE.toString(), "--db", db).exit()).isZero();
        Path first = dir.resolve("report.docx");

        Run run = planbot("report", "--format", "docx", "--out", first.toString(), "--at", "2016-10-03", "--db", db);

        assertThat(run.exit()).as(run.err()).isZero();
        try (XWPFDocument doc = new XWPFDocument(Files.newInputStream(first))) {
            String text = doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertThat(text).contains("service-improvement-plan-update: progress report", "As at 3 October 2016",
                    "No report was made before this one: changes are those of the last 28 days, since 5 September 2016.",
                    "Summary", "Service Restructure Actions", "Overdue", "Target dates revised since 5 September 2016",
                    "Completed since 5 September 2016");
            assertThat(doc.getAllPictures()).hasSize(1);
            List<XWPFTable> tables = doc.getTables();
            // summary, three sections, overdue, slipped, completed
            assertThat(tables).hasSize(7);
            assertThat(cells(tables.get(0).getRow(1))).containsExactly("Red", "overdue", "11");
            assertThat(cells(tables.get(1).getRow(0))).containsExactly("Ref", "Action", "RAG", "Target date", "Progress");
            assertThat(cells(tables.get(1).getRow(1))).containsExactly("A01/01", "Selection process for Service "
                    + "Managers against revised job descriptions April 2016.", "Red", "April 2016",
                    "· Sustainable Development part of wider service from April 2017");
            assertThat(cells(tables.get(4).getRow(1))).startsWith("A01/01");
            assertThat(tables.get(4).getRows()).hasSize(12);
        }

        Path second = dir.resolve("report2.docx");
        assertThat(planbot("report", "--out", second.toString(), "--at", "2016-11-01", "--db", db).exit()).isZero();
        try (XWPFDocument doc = new XWPFDocument(Files.newInputStream(second))) {
            String text = doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertThat(text).contains("Changes since the last report, on 3 October 2016.");
        }
    }

    @Test
    void GIVEN_a_report_WHEN_libreoffice_is_installed_THEN_it_converts_to_pdf() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(soffice() != null, "LibreOffice (soffice) is not installed");
        assertThat(planbot("import", SAMPLE.toString(), "--db", db).exit()).isZero();
        Path report = dir.resolve("report.docx");
        assertThat(planbot("report", "--out", report.toString(), "--at", "2016-10-03", "--db", db).exit()).isZero();

        Process p = new ProcessBuilder(soffice(), "--headless", "-env:UserInstallation=file://" + dir.resolve("lo"),
                "--convert-to", "pdf", "--outdir", dir.toString(), report.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.waitFor()).as(output).isZero();
        byte[] pdf = Files.readAllBytes(dir.resolve("report.pdf"));
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    private static String soffice() {
        for (String candidate : List.of("/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
    }

    private static List<String> cells(XWPFTableRow row) {
        return row.getTableCells().stream().map(c -> c.getText().strip()).toList();
    }

    private String json(String url) {
        Run run = planbot("export", "--format", "json", "--db", url);
        assertThat(run.exit()).as(run.err()).isZero();
        return run.out();
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private interface Builder {
        void build(XWPFDocument doc);
    }

    private static byte[] document(Builder builder) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            builder.build(doc);
            doc.write(out);
            return out.toByteArray();
        }
    }

    /** The document as Word saves it with a password: an agile-encrypted package inside an OLE2 file. */
    private static byte[] encrypted(byte[] docx) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("secret");
            try (InputStream in = new ByteArrayInputStream(docx); OPCPackage opc = OPCPackage.open(in);
                 OutputStream os = encryptor.getDataStream(fs)) {
                opc.save(os);
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    /** A .docx-named zip whose document part inflates a thousandfold. */
    private static byte[] bomb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 100; i++) {
                zip.write(zeros);
            }
        }
        return out.toByteArray();
    }
}
