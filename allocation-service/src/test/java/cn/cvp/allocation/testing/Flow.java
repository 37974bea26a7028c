package cn.cvp.allocation.testing;

import cn.cvp.kit.events.EventCodec;
import cn.cvp.kit.testing.EventSchemas;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drives allocation-service through Kafka the way the other services do: CloudEvents written by the kit's
 * EventCodec, keyed by aggregate id; and observes what it publishes, checking each observed event's envelope
 * and its data against the event's JSON Schema.
 */
public final class Flow {

    public static final Duration PATIENCE = Duration.ofSeconds(45);

    private final TopicRecorder kafka;
    private final EventCodec codec;

    public Flow(TopicRecorder kafka, EventCodec codec) {
        this.kafka = kafka;
        this.codec = codec;
    }

    public String provider(String type, String key, ObjectNode data) {
        return publish("provider.events", "/provider-service", type, key, data);
    }

    public String voucher(String type, String key, ObjectNode data) {
        return publish("voucher.events", "/voucher-service", type, key, data);
    }

    public String usage(String type, String key, ObjectNode data) {
        return publish("usage.events", "/provider-service", type, key, data);
    }

    /** @return the message as sent, so that a test can deliver the very same message again */
    public String publish(String topic, String source, String type, String key, ObjectNode data) {
        String payload = codec.encode(UUID.randomUUID().toString(), source, type, key, OffsetDateTime.now(), data.toString());
        kafka.send(topic, key, payload);
        return payload;
    }

    public void sendRaw(String topic, String key, String payload) {
        kafka.send(topic, key, payload);
    }

    /** Waits for an event of the type whose data matches, checks it, and returns its data. */
    public JsonNode awaitEvent(String type, Predicate<JsonNode> matches) {
        AtomicReference<JsonNode> found = new AtomicReference<>();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            List<JsonNode> events = events(type, matches);
            assertThat(events).as("%s events matching", type).isNotEmpty();
            found.set(events.get(0));
        });
        return found.get();
    }

    /** The checked data of every event of the type published so far whose data matches. */
    public List<JsonNode> events(String type, Predicate<JsonNode> matches) {
        return kafka.records(TopicRecorder.ALLOCATION_EVENTS).stream()
                .map(r -> checked(r, type))
                .filter(d -> d != null && matches.test(d))
                .toList();
    }

    private static JsonNode checked(ConsumerRecord<String, String> record, String type) {
        JsonNode event = read(record.value());
        if (!type.equals(event.path("type").asText())) {
            return null;
        }
        // the envelope (CloudEvents 1.0 from /allocation-service) and the data against its schema
        JsonNode data = EventSchemas.assertValidEvent(type, "/allocation-service", record.value()).path("data");
        String expectedKey = type.equals("allocation.waitlisted.v1") ? data.path("voucherId").asText()
                : data.path("allocationId").asText();
        assertThat(record.key()).as("record key of %s", type).isEqualTo(expectedKey);
        return data;
    }

    /** Waits for a dead letter whose original message matches, and returns it. */
    public ConsumerRecord<String, String> awaitDeadLetter(Predicate<String> originalMatches) {
        AtomicReference<ConsumerRecord<String, String>> found = new AtomicReference<>();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> letters = kafka.records(TopicRecorder.DLQ).stream()
                    .filter(r -> r.value() != null && originalMatches.test(r.value())).toList();
            assertThat(letters).isNotEmpty();
            found.set(letters.get(0));
        });
        return found.get();
    }

    public List<ConsumerRecord<String, String>> deadLetters(Predicate<String> originalMatches) {
        return kafka.records(TopicRecorder.DLQ).stream()
                .filter(r -> r.value() != null && originalMatches.test(r.value())).toList();
    }

    public static JsonNode read(String json) {
        try {
            return TestEvents.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
