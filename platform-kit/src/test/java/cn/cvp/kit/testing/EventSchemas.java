package cn.cvp.kit.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The JSON Schemas a producer owns under {@code src/main/resources/events}, and checks against them. */
public final class EventSchemas {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private EventSchemas() {
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

    /** Validation messages of {@code data} against the schema of {@code type}; empty when valid. */
    public static Set<ValidationMessage> validate(Path eventsDir, String type, JsonNode data) {
        try {
            JsonSchema schema = FACTORY.getSchema(MAPPER.readTree(Files.readString(eventsDir.resolve(type + ".schema.json"))));
            return schema.validate(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode example(Path eventsDir, String type) {
        try {
            return MAPPER.readTree(Files.readString(eventsDir.resolve(type + ".example.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
