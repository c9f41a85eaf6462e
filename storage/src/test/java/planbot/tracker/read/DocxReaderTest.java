package planbot.tracker.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.domain.Plan;
import planbot.domain.PlanDate;
import planbot.domain.Section;
import planbot.domain.Task;

/** Word documents: the sample's table saved as DOCX reads as the flattened text does; bad files are refused. */
class DocxReaderTest {
    private static final ReadOptions OPTIONS = ReadOptions.named("plan");

    @Test
    void GIVEN_the_sample_as_docx_with_list_bullets_and_a_merged_area_WHEN_read_THEN_the_same_counts_and_tasks()
            throws Exception {
        Plan docx = TrackerReader.read(WordDocs.sample(), "plan.docx", OPTIONS).plan();
        Plan text = Samples.read(WordPlanReaderTest.SAMPLE).plan();

        assertThat(docx.sections()).hasSize(3);
        assertThat(docx.actions()).hasSize(8);
        assertThat(docx.tasks()).hasSize(30);
        assertThat(docx.tasks().filter(t -> t.target() != null && t.target().precision() == PlanDate.Precision.MONTH))
                .hasSize(14);
        assertThat(docx.tasks().filter(t -> t.target() != null && t.target().precision() == PlanDate.Precision.DAY))
                .hasSize(1);
        assertThat(docx.sections()).extracting(Section::name)
                .isEqualTo(text.sections().stream().map(Section::name).toList());
        assertThat(docx.tasks().toList()).isEqualTo(text.tasks().toList());
        assertThat(docx.layout()).isEqualTo(text.layout());
    }

    @Test
    void GIVEN_two_tables_WHEN_table_2_is_asked_for_THEN_only_it_is_read_and_table_3_is_refused() throws Exception {
        byte[] doc;
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(WordDocs.sample())); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            d.createParagraph().createRun().setText("Second table");
            XWPFTable t = d.createTable(2, 2);
            t.getRow(0).getCell(0).setText("Action");
            t.getRow(0).getCell(1).setText("Owner");
            t.getRow(1).getCell(0).setText("Open a help desk by May 2026");
            t.getRow(1).getCell(1).setText("Dee");
            d.write(out);
            doc = out.toByteArray();
        }
        ReadOptions second = new ReadOptions("p", "2", Map.of(), ReadOptions.DEFAULT_MAX_BYTES);
        Plan plan = TrackerReader.read(doc, "plan.docx", second).plan();
        assertThat(plan.tasks()).extracting(Task::description, Task::owner)
                .containsExactly(tuple("Open a help desk by May 2026", "Dee"));

        ReadOptions third = new ReadOptions("p", "3", Map.of(), ReadOptions.DEFAULT_MAX_BYTES);
        assertThatThrownBy(() -> TrackerReader.read(doc, "plan.docx", third)).isInstanceOf(TrackerFormatException.class)
                .hasMessage("this Word document has no table 3; its tables are numbered 1 to 2");
    }

    @Test
    void GIVEN_a_docx_without_a_table_WHEN_read_THEN_refused_in_one_sentence() throws IOException {
        byte[] prose = document(d -> d.createParagraph().createRun().setText("Minutes of the meeting"));
        assertThatThrownBy(() -> TrackerReader.read(prose, "minutes.docx", OPTIONS))
                .isInstanceOf(TrackerFormatException.class)
                .hasMessage("this Word document has no table: planbot reads a plan from its tables");
    }

    @Test
    void GIVEN_a_table_without_a_header_WHEN_read_THEN_refused_naming_what_was_expected() throws IOException {
        byte[] doc = document(d -> d.createTable(2, 2).getRow(0).getCell(0).setText("Monday"));
        assertThatThrownBy(() -> TrackerReader.read(doc, "rota.docx", OPTIONS))
                .isInstanceOf(TrackerFormatException.class).hasMessageStartingWith("no header row found");
    }

    @Test
    void GIVEN_a_password_protected_docx_WHEN_read_THEN_refused_saying_so() throws Exception {
        POIFSFileSystem fs = new POIFSFileSystem();
        Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
        encryptor.confirmPassword("secret");
        try (OPCPackage opc = OPCPackage.open(new ByteArrayInputStream(WordDocs.sample()));
             OutputStream os = encryptor.getDataStream(fs)) {
            opc.save(os);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fs.writeFilesystem(out);
        fs.close();

        assertThatThrownBy(() -> TrackerReader.read(out.toByteArray(), "plan.docx", OPTIONS))
                .isInstanceOf(TrackerFormatException.class)
                .hasMessage("this file is password-protected: save a copy without the password and import that");
    }

    @Test
    void GIVEN_a_damaged_docx_WHEN_read_THEN_refused_as_damaged() {
        byte[] sample = WordDocs.sample();
        byte[] cut = Arrays.copyOf(sample, sample.length / 2);
        assertThatThrownBy(() -> TrackerReader.read(cut, "plan.docx", OPTIONS))
                .isInstanceOf(TrackerFormatException.class)
                .hasMessage("this Word document is damaged and cannot be read");
    }

    @Test
    void GIVEN_a_zip_bomb_docx_WHEN_read_THEN_refused_not_out_of_memory() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 200; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(out.size()).isLessThan(1024 * 1024);
        assertThatThrownBy(() -> TrackerReader.read(out.toByteArray(), "plan.docx", OPTIONS))
                .isInstanceOf(TrackerFormatException.class)
                .hasMessage("this document expands to far more data than a tracker holds (it looks like a zip bomb), "
                        + "so it was not read");
    }

    @Test
    void GIVEN_a_200_MB_docx_WHEN_read_THEN_refused_before_reading_it(@TempDir Path dir) throws IOException {
        Path huge = dir.resolve("huge.docx");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.write(WordDocs.sample());
            file.setLength(200L * 1024 * 1024);
        }
        assertThatThrownBy(() -> TrackerReader.read(huge, OPTIONS)).isInstanceOf(TrackerFormatException.class)
                .hasMessage("the file is too large (200 MB); a tracker may be at most 50 MB");
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
}
