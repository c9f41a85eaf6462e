package planbot.tracker.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import planbot.domain.UserFixableException;

class ExportFormatTest {

    @Test
    void parsesTheWordsPeopleTypeWhateverTheirCase() {
        // GIVEN / WHEN / THEN
        assertThat(ExportFormat.parse("csv")).isEqualTo(ExportFormat.CSV);
        assertThat(ExportFormat.parse(" XLSX ")).isEqualTo(ExportFormat.XLSX);
        assertThat(ExportFormat.parse(".Json")).isEqualTo(ExportFormat.JSON);
    }

    @Test
    void refusesAnUnknownFormatNamingTheOnesThereAre() {
        // GIVEN an unknown word WHEN parsed THEN the error says what to type instead
        assertThatThrownBy(() -> ExportFormat.parse("pdf"))
                .isInstanceOf(UserFixableException.class)
                .hasMessage("unknown export format 'pdf': use csv, xlsx, docx or json");
        assertThatThrownBy(() -> ExportFormat.parse(null))
                .isInstanceOf(UserFixableException.class)
                .hasMessage("unknown export format '': use csv, xlsx, docx or json");
    }

    @Test
    void knowsItsFileExtension() {
        assertThat(ExportFormat.XLSX.extension()).isEqualTo("xlsx");
        assertThat(ExportFormat.CSV.mediaType()).startsWith("text/csv");
    }
}
