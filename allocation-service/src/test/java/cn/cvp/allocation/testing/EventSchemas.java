package cn.cvp.allocation.testing;

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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The JSON Schemas (draft 2020-12) of the events allocation-service produces, with formats asserted. */
public final class EventSchemas {

    public static final List<String> PRODUCED_TYPES = List.of("allocation.created.v1", "allocation.waitlisted.v1",
            "allocation.held.v1", "allocation.cancelled.v1", "allocation.completed.v1", "usage.accepted.v1",
            "usage.rejected.v1");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    public static JsonSchema schema(String type) {
        return SCHEMAS.computeIfAbsent(type, t -> {
            try (InputStream in = resource("events/" + t + ".schema.json")) {
                return FACTORY.getSchema(MAPPER.readTree(in), CONFIG);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public static JsonNode example(String type) {
        try (InputStream in = resource("events/" + type + ".example.json")) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the violations of the event data against its type's schema; empty if it conforms */
    public static Set<ValidationMessage> violations(String type, JsonNode data) {
        return schema(type).validate(data);
    }

    private static InputStream resource(String path) {
        InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("no " + path + " on the class path");
        }
        return in;
    }
}
