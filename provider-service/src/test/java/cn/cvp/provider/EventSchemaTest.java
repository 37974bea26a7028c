package cn.cvp.provider;

import cn.cvp.provider.offering.events.OfferingEvents;
import cn.cvp.provider.provider.events.ProviderEvents;
import cn.cvp.kit.testing.EventSchemas;
import cn.cvp.provider.usage.events.UsageEvents;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event type provider-service produces has a schema and an example that satisfies it. */
class EventSchemaTest {
    private static final Map<String, Class<?>> RECORDS = Map.of(
            ProviderEvents.REGISTERED, ProviderEvents.ProviderRegisteredV1.class,
            ProviderEvents.STATUS_CHANGED, ProviderEvents.ProviderStatusChangedV1.class,
            OfferingEvents.PUBLISHED, OfferingEvents.OfferingPublishedV1.class,
            OfferingEvents.WITHDRAWN, OfferingEvents.OfferingWithdrawnV1.class,
            UsageEvents.REPORTED, UsageEvents.UsageReportedV1.class);
    private static final ObjectMapper STRICT = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static List<String> produced() {
        return EventSchemas.ownTypes();
    }

    @Test
    void everyProducedTypeIsListed() {
        assertThat(RECORDS.keySet()).containsExactlyInAnyOrderElementsOf(EventSchemas.ownTypes());
    }

    @ParameterizedTest
    @MethodSource("produced")
    void theExampleSatisfiesTheSchema(String type) {
        assertThat(EventSchemas.violations(type, EventSchemas.example(type))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("produced")
    void theExampleIsWhatTheCodeWritesAndTheSchemaTakesWhatTheCodeWrites(String type) throws Exception {
        JsonNode example = EventSchemas.example(type);
        Object record = STRICT.treeToValue(example, RECORDS.get(type));
        JsonNode written = STRICT.valueToTree(record);
        assertThat(EventSchemas.violations(type, written)).isEmpty();
        assertThat(written.properties()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrderElementsOf(example.properties().stream().map(Map.Entry::getKey).toList());
    }

    @ParameterizedTest
    @MethodSource("produced")
    void theSchemaRefusesDataWithoutARequiredField(String type) {
        ObjectNode broken = EventSchemas.example(type).deepCopy();
        String first = EventSchemas.schema(type).getSchemaNode().get("required").get(0).asText();
        broken.remove(first);
        assertThat(EventSchemas.violations(type, broken)).isNotEmpty();
    }

    @Test
    void theSchemasCheckWhatTheContractSays() {
        ObjectNode usage = EventSchemas.example(UsageEvents.REPORTED).deepCopy();
        usage.put("units", "1.2345");
        assertThat(EventSchemas.violations(UsageEvents.REPORTED, usage)).isNotEmpty();
        usage.put("units", "12.5");
        usage.put("allocationId", "not-a-uuid");
        assertThat(EventSchemas.violations(UsageEvents.REPORTED, usage)).isNotEmpty();

        ObjectNode offering = EventSchemas.example(OfferingEvents.PUBLISHED).deepCopy();
        offering.put("unit", "GPU_DAY"); // not a unit (CARD_HOUR, CORE_HOUR, TB_MONTH are)
        assertThat(EventSchemas.violations(OfferingEvents.PUBLISHED, offering)).isNotEmpty();
        offering.put("unit", "CARD_HOUR");
        offering.put("availableFrom", "next monday");
        assertThat(EventSchemas.violations(OfferingEvents.PUBLISHED, offering)).isNotEmpty();

        ObjectNode status = EventSchemas.example(ProviderEvents.STATUS_CHANGED).deepCopy();
        status.put("status", "LISTED");
        assertThat(EventSchemas.violations(ProviderEvents.STATUS_CHANGED, status)).isNotEmpty();

        ObjectNode registered = EventSchemas.example(ProviderEvents.REGISTERED).deepCopy();
        registered.put("creditCode", "91110105MA03PRD1O8");
        assertThat(EventSchemas.violations(ProviderEvents.REGISTERED, registered)).isNotEmpty();
    }
}
