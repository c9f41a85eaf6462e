package planbot.tracker.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.domain.Plan;

class PlanExporterTest {
    /** Heap for the child JVM: ample for streaming 10,000 tasks, far too little to hold them all as an XSSF sheet. */
    private static final String SMALL_HEAP = "-Xmx48m";

    @Test
    void flushesButDoesNotCloseTheCallersStream() throws IOException {
        // GIVEN a stream that records being closed
        boolean[] closed = {false};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) {
                bytes.write(b);
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };

        // WHEN a plan is written to it in each format
        for (ExportFormat format : ExportFormat.values()) {
            PlanExporter.write(Plans.review(), format, out);
        }

        // THEN everything arrived and the stream is still the caller's to close
        assertThat(bytes.size()).isPositive();
        assertThat(closed[0]).isFalse();
    }

    @Test
    void exportsAPlanOfTenThousandTasksInSmallMemory(@TempDir Path dir) throws Exception {
        // GIVEN a JVM with a small heap (a child process, so that the limit is real and not this JVM's)
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(java, SMALL_HEAP, "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"), "-cp", classpath, LargeExport.class.getName(),
                dir.toString())
                .redirectErrorStream(true)
                .start();

        // WHEN it exports 10,000 tasks in every format
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();

        // THEN it finishes without running out of memory
        assertThat(child.exitValue()).as(output).isZero();
        // AND every task made it into every file: header + section row + 10,000 task rows
        Plan plan = Plans.large(LargeExport.ACTIONS, LargeExport.TASKS_PER_ACTION);
        try (Reader in = Files.newBufferedReader(dir.resolve("plan.csv"));
             CSVParser csv = CSVParser.parse(in, CSVFormat.RFC4180)) {
            assertThat(csv.getRecords()).hasSize(10_002);
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(dir.resolve("plan.xlsx").toFile())) {
            assertThat(workbook.getSheetAt(0).getPhysicalNumberOfRows()).isEqualTo(10_002);
        }
        try (XWPFDocument docx = new XWPFDocument(Files.newInputStream(dir.resolve("plan.docx")))) {
            assertThat(docx.getTables().get(0).getRows()).hasSize(10_002);
        }
        try (InputStream in = Files.newInputStream(dir.resolve("plan.json"))) {
            assertThat(PlanJson.read(in)).isEqualTo(plan);
        }
    }

    /** Runs in the child JVM: exports the large plan in each format to files in the folder it is given. */
    static final class LargeExport {
        static final int ACTIONS = 1000;
        static final int TASKS_PER_ACTION = 10;

        public static void main(String[] args) throws IOException {
            Plan plan = Plans.large(ACTIONS, TASKS_PER_ACTION);
            for (ExportFormat format : ExportFormat.values()) {
                try (OutputStream out = new BufferedOutputStream(
                        Files.newOutputStream(Path.of(args[0], "plan." + format.extension())))) {
                    PlanExporter.write(plan, format, out);
                }
            }
        }
    }
}
