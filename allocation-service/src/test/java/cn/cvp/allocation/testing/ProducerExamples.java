package cn.cvp.allocation.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The producers' own example files, read by relative path from the reactor (consumer-side contract tests). */
public final class ProducerExamples {

    public static final Path VOUCHER_EVENTS = Path.of("../voucher-service/src/main/resources/events");
    public static final Path PROVIDER_EVENTS = Path.of("../provider-service/src/main/resources/events");

    private ProducerExamples() {
    }

    /** A fresh copy of the example's data; an example may be the data alone or a whole CloudEvent. */
    public static ObjectNode data(Path dir, String type) {
        Path file = dir.resolve(type + ".example.json");
        assertThat(file).as("the producer's example of %s", type).exists();
        try {
            JsonNode json = Flow.read(Files.readString(file));
            JsonNode data = json.has("specversion") && json.has("data") ? json.get("data") : json;
            assertThat(data.isObject()).as("%s example is an object", type).isTrue();
            return ((ObjectNode) data).deepCopy();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
