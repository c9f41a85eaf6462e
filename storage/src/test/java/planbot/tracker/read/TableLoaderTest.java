package planbot.tracker.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableLoaderTest {
    private static final ReadOptions OPTIONS = ReadOptions.named("t");

    @Test
    void GIVEN_tabs_commas_or_semicolons_WHEN_loaded_THEN_the_delimiter_is_detected_from_content() throws Exception {
        assertThat(cells("a\tb, c\td\n", "x.csv")).containsExactly("a", "b, c", "d");
        assertThat(cells("a,b;c,d\n", "x.tsv")).containsExactly("a", "b;c", "d");
        assertThat(cells("a;b;c,d\n", "x.csv")).containsExactly("a", "b", "c,d");
    }

    @Test
    void GIVEN_cells_the_export_neutralised_WHEN_loaded_THEN_the_formula_guard_is_taken_off_every_cell() throws Exception {
        assertThat(cells("'=1+1,'-5 days,''=quoted,'plain,it's\n", "x.csv"))
                .containsExactly("=1+1", "-5 days", "'=quoted", "'plain", "it's");
    }

    @Test
    void GIVEN_utf8_with_bom_WHEN_loaded_THEN_the_bom_is_not_part_of_the_first_cell() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'N', 'o', '.', ',', 'x'};
        assertThat(TableLoader.load(bom, "x.csv", OPTIONS).rows().get(0).cells()).containsExactly("No.", "x");
    }

    @Test
    void GIVEN_windows_1252_bytes_WHEN_loaded_THEN_pound_and_curly_quotes_are_right() throws Exception {
        byte[] cp1252 = "£5k,“quoted”,‘single’ – dash\n".getBytes(Charset.forName("windows-1252"));
        assertThat(TableLoader.load(cp1252, "x.csv", OPTIONS).rows().get(0).cells())
                .containsExactly("£5k", "“quoted”", "‘single’ – dash");
    }

    @Test
    void GIVEN_utf16_with_bom_as_excel_unicode_text_WHEN_loaded_THEN_decoded() throws Exception {
        byte[] text = "\uFEFFREF\tTASK\n".getBytes(StandardCharsets.UTF_16LE);
        assertThat(TableLoader.load(text, "x.txt", OPTIONS).rows().get(0).cells()).containsExactly("REF", "TASK");
    }

    @Test
    void GIVEN_blank_lines_and_a_cell_spanning_lines_WHEN_loaded_THEN_rows_keep_spreadsheet_numbers() throws Exception {
        Table table = TableLoader.load("\n\nA,B\r\n\"one\r\ntwo\",x\r\nC,D".getBytes(StandardCharsets.UTF_8), "x.csv", OPTIONS);
        assertThat(table.rows()).extracting(Table.Row::number).containsExactly(1, 2, 3, 4, 5);
        assertThat(table.rows().get(3).cells()).containsExactly("one\ntwo", "x");
        assertThat(table.rows().get(4).cells()).containsExactly("C", "D");
    }

    @Test
    void GIVEN_a_tsv_cell_starting_with_a_quote_WHEN_loaded_THEN_read_as_written() throws Exception {
        assertThat(cells("a\t\"proof of concept\" projects\tb\n", "x.tsv"))
                .containsExactly("a", "\"proof of concept\" projects", "b");
    }

    @Test
    void GIVEN_missing_trailing_cells_WHEN_read_THEN_they_are_empty() throws Exception {
        Table.Row row = TableLoader.load("a,b\n".getBytes(StandardCharsets.UTF_8), "x.csv", OPTIONS).rows().get(0);
        assertThat(row.cell(5)).isEmpty();
        assertThat(row.cell(-1)).isEmpty();
    }

    private static List<String> cells(String text, String name) throws TrackerFormatException {
        return TableLoader.load(text.getBytes(StandardCharsets.UTF_8), name, OPTIONS).rows().get(0).cells();
    }
}
