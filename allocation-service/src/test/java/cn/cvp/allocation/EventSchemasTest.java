package cn.cvp.allocation;

import cn.cvp.kit.testing.EventSchemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event type allocation-service produces has a schema, and its example conforms to it. */
class EventSchemasTest {

    /** What allocation-service publishes; each has a schema and an example under src/main/resources/events. */
    static final List<String> TYPES = List.of("allocation.created.v1", "allocation.waitlisted.v1",
            "allocation.held.v1", "allocation.cancelled.v1", "allocation.completed.v1", "usage.accepted.v1",
            "usage.rejected.v1");

    @Test
    void everyTypeWePublishHasASchemaAndNoOther() {
        assertThat(EventSchemas.ownTypes()).containsExactlyInAnyOrderElementsOf(TYPES);
    }

    @ParameterizedTest
    @FieldSource("TYPES")
    void theExampleConformsToTheSchema(String type) {
        assertThat(EventSchemas.violations(type, EventSchemas.example(type))).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("TYPES")
    void theSchemaRefusesDataWithoutARequiredField(String type) {
        JsonNode schema = EventSchemas.schema(type).getSchemaNode();
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        for (JsonNode required : schema.path("required")) {
            ObjectNode data = EventSchemas.example(type).deepCopy();
            data.remove(required.asText());
            assertThat(EventSchemas.violations(type, data)).as("%s without %s", type, required.asText()).isNotEmpty();
        }
        assertThat(schema.path("required")).isNotEmpty();
    }

    @ParameterizedTest
    @FieldSource("TYPES")
    void theSchemaAssertsFormats(String type) {
        ObjectNode data = EventSchemas.example(type).deepCopy();
        data.put(data.has("allocationId") ? "allocationId" : "voucherId", "not-a-uuid");
        assertThat(EventSchemas.violations(type, data)).isNotEmpty();
    }
}
