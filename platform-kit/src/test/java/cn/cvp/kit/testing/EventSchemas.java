package cn.cvp.kit.testing;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON Schemas (draft 2020-12, formats asserted) and examples a producer owns under
 * {@code src/main/resources/events}: its own from the class path ({@link #schema(String)}), another service's from
 * that service's directory ({@link #validate(Path, String, JsonNode)}), so that every consumer tests against the
 * producer's example.
 */
public final class EventSchemas {
    /** A producer's events directory, relative to the module the test runs in. */
    public static final Path OWN = Path.of("src/main/resources/events");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** The schema of one of this service's own event types, from the class path. */
    public static JsonSchema schema(String type) {
        return SCHEMAS.computeIfAbsent(type, t -> {
            try (InputStream in = resource("events/" + t + ".schema.json")) {
                return FACTORY.getSchema(MAPPER.readTree(in), CONFIG);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** This service's own example of an event type's data, from the class path. */
    public static JsonNode example(String type) {
        try (InputStream in = resource("events/" + type + ".example.json")) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the violations of the event data against its type's schema (class path); empty if it conforms */
    public static Set<ValidationMessage> violations(String type, JsonNode data) {
        return schema(type).validate(data);
    }

    /** The event types this module produces: those with a schema in {@link #OWN}. */
    public static List<String> ownTypes() {
        return types(OWN);
    }

    /** Event types (e.g. {@code voucher.issued.v1}) with a schema in the given directory. */
    public static List<String> types(Path eventsDir) {
        try (Stream<Path> files = Files.list(eventsDir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".schema.json"))
                    .map(n -> n.substring(0, n.length() - ".schema.json".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Validation messages of {@code data} against the schema of {@code type} in a directory; empty when valid. */
    public static Set<ValidationMessage> validate(Path eventsDir, String type, JsonNode data) {
        try {
            JsonSchema schema = FACTORY.getSchema(MAPPER.readTree(Files.readString(eventsDir.resolve(type + ".schema.json"))), CONFIG);
            return schema.validate(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A producer's example of an event type's data, from its directory. */
    public static JsonNode example(Path eventsDir, String type) {
        try {
            return MAPPER.readTree(Files.readString(eventsDir.resolve(type + ".example.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts that an event as written to the outbox or a topic (a CloudEvent in structured JSON) has the envelope
     * docs/events.md asks for, from {@code source}, with data valid against its type's schema (class path).
     *
     * @return the whole event
     */
    public static JsonNode assertValidEvent(String type, String source, String eventJson) {
        JsonNode event;
        try {
            event = MAPPER.readTree(eventJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(event.path("specversion").asText()).isEqualTo("1.0");
        assertThat(event.path("type").asText()).isEqualTo(type);
        assertThat(event.path("source").asText()).isEqualTo(source);
        assertThat(UUID.fromString(event.path("id").asText())).isNotNull();
        assertThat(event.path("subject").asText()).isNotBlank();
        assertThat(OffsetDateTime.parse(event.path("time").asText())).isNotNull();
        assertThat(event.path("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(violations(type, event.path("data"))).as("%s data against its schema: %s", type, eventJson).isEmpty();
        return event;
    }

    private static InputStream resource(String path) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path);
        if (in == null) {
            in = EventSchemas.class.getClassLoader().getResourceAsStream(path);
        }
        if (in == null) {
            throw new IllegalStateException("no " + path + " on the class path");
        }
        return in;
    }
}
