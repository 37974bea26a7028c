package cn.cvp.provider.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON Schemas provider-service publishes for its event types (resources/events): each describes the
 * event's {@code data}; the CloudEvents envelope is checked here. Formats (uuid, date-time) are asserted.
 */
public final class EventContracts {
    public static final List<String> PRODUCED = List.of("provider.registered.v1", "provider.status-changed.v1",
            "offering.published.v1", "offering.withdrawn.v1", "usage.reported.v1");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    private EventContracts() {
    }

    public static JsonSchema schema(String type) {
        try (InputStream in = resource("events/" + type + ".schema.json")) {
            return FACTORY.getSchema(in, CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The producer's example of the event's data. */
    public static JsonNode example(String type) {
        try (InputStream in = resource("events/" + type + ".example.json")) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Set<ValidationMessage> violations(String type, JsonNode data) {
        return schema(type).validate(data);
    }

    /**
     * Asserts that an event as written to the outbox or the topic (a CloudEvent in structured JSON) has
     * the envelope docs/events.md asks for and data valid against its type's schema.
     *
     * @return the whole event
     */
    public static JsonNode assertValid(String type, String eventJson) {
        JsonNode event;
        try {
            event = MAPPER.readTree(eventJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(event.path("specversion").asText()).isEqualTo("1.0");
        assertThat(event.path("type").asText()).isEqualTo(type);
        assertThat(event.path("source").asText()).isEqualTo("/provider-service");
        assertThat(UUID.fromString(event.path("id").asText())).isNotNull();
        assertThat(event.path("subject").asText()).isNotBlank();
        assertThat(OffsetDateTime.parse(event.path("time").asText())).isNotNull();
        assertThat(event.path("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(violations(type, event.path("data"))).as("%s data against its schema: %s", type, eventJson).isEmpty();
        return event;
    }

    private static InputStream resource(String path) {
        InputStream in = EventContracts.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("missing " + path);
        }
        return in;
    }
}
