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
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON Schemas provider-service publishes for its event types (resources/events), with formats asserted. */
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

    public static JsonNode example(String type) {
        try (InputStream in = resource("events/" + type + ".example.json")) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Set<ValidationMessage> violations(String type, JsonNode event) {
        return schema(type).validate(event);
    }

    /** Asserts that an event (a CloudEvent in structured JSON) is valid against its type's schema. */
    public static JsonNode assertValid(String type, String eventJson) {
        try {
            JsonNode event = MAPPER.readTree(eventJson);
            assertThat(violations(type, event)).as("%s against its schema: %s", type, eventJson).isEmpty();
            return event;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = EventContracts.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("missing " + path);
        }
        return in;
    }
}
