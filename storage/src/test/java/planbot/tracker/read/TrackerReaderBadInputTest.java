package planbot.tracker.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not trackers at all: each is refused with one sentence, never an exception of another kind. */
class TrackerReaderBadInputTest {
    private static final ReadOptions OPTIONS = ReadOptions.named("bad");

    @Test
    void GIVEN_an_empty_file_WHEN_read_THEN_refused_as_empty() {
        assertThatThrownBy(() -> TrackerReader.read(new byte[0], "plan.csv", OPTIONS))
                .isInstanceOf(TrackerFormatException.class).hasMessage("the file is empty");
    }

    @Test
    void GIVEN_only_blank_lines_WHEN_read_THEN_refused_as_empty() {
        byte[] blank = "\n\r\n   \n\t\t\n,,,\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TrackerReader.read(blank, "plan.tsv", OPTIONS))
                .isInstanceOf(TrackerFormatException.class).hasMessage("the file is empty: it has only blank lines");
    }

    @Test
    void GIVEN_random_bytes_WHEN_read_THEN_refused_as_not_a_tracker() {
        byte[] noise = new byte[64 * 1024];
        new Random(42).nextBytes(noise);
        assertThatThrownBy(() -> TrackerReader.read(noise, "plan.csv", OPTIONS))
                .isInstanceOf(TrackerFormatException.class)
                .hasMessage("this is not a CSV, TSV or XLSX tracker: it contains binary data");
    }

    @Test
    void GIVEN_text_without_a_header_row_WHEN_read_THEN_refused_naming_what_was_expected() {
        byte[] prose = "Minutes of the meeting\nWe agreed to meet again.\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TrackerReader.read(prose, "minutes.txt", OPTIONS))
                .isInstanceOf(TrackerFormatException.class)
                .hasMessageStartingWith("no header row found: expected a row naming the columns, such as REF");
    }

    @Test
    void GIVEN_a_missing_file_WHEN_read_THEN_refused_naming_it(@TempDir Path dir) {
        assertThatThrownBy(() -> TrackerReader.read(dir.resolve("nowhere.csv"), OPTIONS))
                .isInstanceOf(TrackerFormatException.class).hasMessage("the file nowhere.csv does not exist");
    }

    @Test
    void GIVEN_a_200_MB_file_WHEN_read_THEN_refused_before_reading_it(@TempDir Path dir) throws IOException {
        Path huge = dir.resolve("huge.csv");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(200L * 1024 * 1024); // sparse: costs no disk and is never read
        }
        assertThatThrownBy(() -> TrackerReader.read(huge, OPTIONS))
                .isInstanceOf(TrackerFormatException.class)
                .hasMessage("the file is too large (200 MB); a tracker may be at most 50 MB");
    }

    @Test
    void GIVEN_bytes_over_the_limit_WHEN_read_THEN_refused() {
        ReadOptions tiny = new ReadOptions("tiny", null, Map.of(), 10);
        assertThatThrownBy(() -> TrackerReader.read(new byte[11], "plan.csv", tiny))
                .isInstanceOf(TrackerFormatException.class)
                .hasMessage("the file is too large (11 bytes); a tracker may be at most 10 bytes");
    }

    @Test
    void GIVEN_a_zip_bomb_named_xlsx_WHEN_read_THEN_refused_not_out_of_memory() throws IOException {
        byte[] bomb = zip("xl/worksheets/sheet1.xml", 200);
        assertThat(bomb.length).isLessThan(1024 * 1024);

        assertThatThrownBy(() -> TrackerReader.read(bomb, "tracker.xlsx", OPTIONS))
                .isInstanceOf(TrackerFormatException.class)
                .hasMessage("this workbook expands to far more data than a tracker holds (it looks like a zip bomb), "
                        + "so it was not read");
    }

    @Test
    void GIVEN_a_zip_that_is_not_a_workbook_WHEN_read_THEN_refused() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("notes.txt"));
            zip.write("just some notes".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertThatThrownBy(() -> TrackerReader.read(out.toByteArray(), "tracker.xlsx", OPTIONS))
                .isInstanceOf(TrackerFormatException.class)
                .hasMessage("this is not a CSV, TSV or XLSX tracker: it is a zip archive but not an Excel workbook");
    }

    @Test
    void GIVEN_an_old_xls_workbook_WHEN_read_THEN_refused_with_what_to_do() {
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        assertThatThrownBy(() -> TrackerReader.read(ole2, "tracker.xls", OPTIONS))
                .isInstanceOf(TrackerFormatException.class)
                .hasMessageContaining("save it as .xlsx or CSV");
    }

    @Test
    void GIVEN_an_xlsx_asked_for_a_sheet_it_lacks_WHEN_read_THEN_refused_listing_its_sheets() throws IOException {
        byte[] xlsx;
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            workbook.createSheet("Actions");
            workbook.createSheet("Notes");
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        ReadOptions wrongSheet = new ReadOptions("x", "Plan", Map.of(), ReadOptions.DEFAULT_MAX_BYTES);
        assertThatThrownBy(() -> TrackerReader.read(xlsx, "t.xlsx", wrongSheet))
                .isInstanceOf(TrackerFormatException.class)
                .hasMessage("this workbook has no sheet 'Plan'; its sheets are 'Actions', 'Notes'");
    }

    @Test
    void GIVEN_a_folder_WHEN_read_THEN_refused(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectory(dir.resolve("plans"));
        assertThatThrownBy(() -> TrackerReader.read(folder, OPTIONS))
                .isInstanceOf(TrackerFormatException.class).hasMessage("plans is a folder, not a tracker file");
    }

    /** A small zip whose one entry inflates to {@code megabytes} of zeros. */
    private static byte[] zip(String entry, int megabytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
                    + "package/2006/content-types\"/>").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(entry));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < megabytes; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
