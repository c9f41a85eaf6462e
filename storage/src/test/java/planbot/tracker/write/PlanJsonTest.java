package planbot.tracker.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import planbot.domain.Plan;

class PlanJsonTest {

    private static Plan read(String json) throws IOException {
        return PlanJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsBackExactlyThePlanItWrote() throws IOException {
        // GIVEN plans with nulls, TBC remarks, dates with remarks, month precision, unknown status words,
        // owners, notes, a lead, timescales and an unnamed section
        for (Plan plan : List.of(Plans.review(), Plans.activity(), Plans.large(3, 4))) {
            // WHEN written as JSON and read back
            Plan back = PlanJson.read(new ByteArrayInputStream(Exports.bytes(plan, ExportFormat.JSON)));

            // THEN it is the same plan
            assertThat(back).isEqualTo(plan);
        }
    }

    @Test
    void writesTheDocumentedStructureWithEveryKeyPresent() throws IOException {
        // GIVEN the review plan
        Plan plan = Plans.review();

        // WHEN written as JSON
        JsonNode root = new ObjectMapper().readTree(Exports.bytes(plan, ExportFormat.JSON));

        // THEN the keys are the documented ones, in order, with null for what is missing
        assertThat(root.fieldNames()).toIterable().containsExactly("plan", "layout", "sections");
        assertThat(root.get("plan").asText()).isEqualTo("Planning review action plan");
        assertThat(root.at("/layout/shape").asText()).isEqualTo("REVIEW");
        assertThat(root.at("/layout/columns/0").toString()).isEqualTo("{\"header\":\"REF.\",\"role\":\"ACTION_REF\"}");
        JsonNode it012 = root.at("/sections/1/actions/1");
        assertThat(it012.fieldNames()).toIterable().containsExactly("key", "label", "recommendation", "status",
                "lead", "notes", "tasks");
        assertThat(it012.get("status").toString()).isEqualTo("{\"word\":\"On target\",\"kind\":\"ON_TARGET\"}");
        JsonNode task = it012.at("/tasks/0");
        assertThat(task.fieldNames()).toIterable().containsExactly("ref", "description", "status", "term", "start",
                "target", "timescale", "owner", "notes");
        assertThat(task.get("status").toString()).isEqualTo("{\"word\":\"Parked\",\"kind\":\"UNKNOWN\"}");
        assertThat(task.get("target").toString()).isEqualTo("{\"kind\":\"TBC\",\"date\":null,\"precision\":\"DAY\","
                + "\"remark\":\"Interdependency with SWOW Project\","
                + "\"text\":\"TBC - Interdependency with SWOW Project\"}");
        assertThat(task.get("timescale").isNull()).isTrue();
        JsonNode monthly = it012.at("/tasks/1");
        assertThat(monthly.get("status").isNull()).isTrue();
        assertThat(monthly.get("start").isNull()).isTrue();
        assertThat(monthly.get("target").toString()).isEqualTo("{\"kind\":\"DATE\",\"date\":\"2025-07-31\","
                + "\"precision\":\"MONTH\",\"remark\":null,\"text\":null}");
    }

    @Test
    void writesTheSamePlanToTheSameBytes() throws IOException {
        // GIVEN / WHEN the same plan written twice THEN the files are identical, so exports diff well
        assertThat(Exports.bytes(Plans.review(), ExportFormat.JSON))
                .isEqualTo(Exports.bytes(Plans.review(), ExportFormat.JSON));
    }

    @Test
    void readsMissingOptionalKeysAsNull() throws IOException {
        // GIVEN a hand-written plan with only the keys that are required
        String json = "{\"plan\":\"p\",\"layout\":{\"shape\":\"TABLE\",\"columns\":[]},\"sections\":[{\"actions\":"
                + "[{\"key\":\"A1\",\"tasks\":[{\"ref\":\"A1/1\"}]}]}]}";

        // WHEN read
        Plan plan = read(json);

        // THEN the optional values are absent
        assertThat(plan.sections().get(0).name()).isEmpty();
        assertThat(plan.tasks().findFirst().orElseThrow().status()).isNull();
        assertThat(plan.actions().findFirst().orElseThrow().label()).isNull();
    }

    @Test
    void saysWhereAFileIsNotAPlan() {
        // GIVEN broken files WHEN read THEN the message names the problem and where it is
        assertThatThrownBy(() -> read("not json")).isInstanceOf(IOException.class).hasMessageStartingWith("not JSON");
        assertThatThrownBy(() -> read("[1]")).isInstanceOf(IOException.class)
                .hasMessage("not a planbot plan: expected a JSON object");
        assertThatThrownBy(() -> read("{\"plan\":\"p\",\"layout\":{\"shape\":\"TABLE\",\"columns\":[]},"
                + "\"sections\":[{\"actions\":[{\"key\":\"A1\",\"tasks\":[{\"description\":\"x\"}]}]}]}"))
                .isInstanceOf(IOException.class)
                .hasMessage("not a valid planbot plan: sections[0].actions[0].tasks[0].ref is missing");
        assertThatThrownBy(() -> read("{\"plan\":\"p\",\"layout\":{\"shape\":\"ROUND\",\"columns\":[]},"
                + "\"sections\":[]}"))
                .isInstanceOf(IOException.class)
                .hasMessage("not a valid planbot plan: layout.shape has unknown value 'ROUND'");
        assertThatThrownBy(() -> read("{\"plan\":\"p\",\"layout\":{\"shape\":\"TABLE\",\"columns\":[]},"
                + "\"sections\":[{\"actions\":[{\"key\":\"A1\",\"tasks\":[{\"ref\":\"A1/1\",\"target\":{\"kind\":"
                + "\"DATE\",\"date\":\"31/05/2023\",\"precision\":\"DAY\"}}]}]}]}"))
                .isInstanceOf(IOException.class)
                .hasMessage("not a valid planbot plan: sections[0].actions[0].tasks[0].target.date '31/05/2023' "
                        + "is not a yyyy-MM-dd date");
        assertThatThrownBy(() -> read("{\"plan\":\" \",\"layout\":{\"shape\":\"TABLE\",\"columns\":[]},"
                + "\"sections\":[]}"))
                .isInstanceOf(IOException.class)
                .hasMessage("not a valid planbot plan: a plan needs a name");
    }
}
