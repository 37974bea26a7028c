package cn.cvp.kit.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Talks to the test's real Kafka broker the way another service would: publishes CloudEvents and
 * reads what the service under test published.
 */
public class KafkaTestClient implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();
    private final String bootstrapServers;
    private final KafkaProducer<String, String> producer;

    public KafkaTestClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    /** A CloudEvents 1.0 structured-JSON event, as another service's outbox relay writes it. */
    public static String cloudEvent(String id, String source, String type, String subject, Object data) {
        try {
            JsonNode dataNode = data instanceof String s ? MAPPER.readTree(s) : MAPPER.valueToTree(data);
            return MAPPER.writeValueAsString(Map.of(
                    "specversion", "1.0", "id", id, "source", source, "type", type, "subject", subject,
                    "time", OffsetDateTime.now().toString(), "datacontenttype", "application/json", "data", dataNode));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a producer's example file, e.g. {@code ../allocation-service/src/main/resources/events/x.example.json}. */
    public static JsonNode example(String path) {
        try {
            return MAPPER.readTree(Files.readString(Path.of(path)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read producer example " + path, e);
        }
    }

    public void send(String topic, String key, String value) {
        try {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            // exactly as the outbox relay sends it (the CloudEvents Kafka binding's structured mode)
            record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    public String publish(String topic, String key, String type, Object data) {
        String id = UUID.randomUUID().toString();
        send(topic, key, cloudEvent(id, "/test", type, key, data));
        return id;
    }

    /** All events of {@code type} on {@code topic} (from the beginning) that match, waiting up to {@code wait}. */
    public List<JsonNode> events(String topic, String type, Predicate<JsonNode> dataMatches, int atLeast, Duration wait) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<JsonNode> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode event = MAPPER.readTree(r.value());
                    if (type.equals(event.path("type").asText()) && dataMatches.test(event.path("data"))) {
                        found.add(event);
                    }
                }
                if (found.size() >= atLeast) {
                    // keep reading briefly so that duplicates, if any, are seen too
                    long settle = System.nanoTime() + Duration.ofMillis(1500).toNanos();
                    while (System.nanoTime() < settle) {
                        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                            JsonNode event = MAPPER.readTree(r.value());
                            if (type.equals(event.path("type").asText()) && dataMatches.test(event.path("data"))) {
                                found.add(event);
                            }
                        }
                    }
                    return found;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** Raw records with this key on a topic (e.g. a dead-letter topic), read from the beginning for {@code wait}. */
    public List<ConsumerRecord<String, String>> raw(String topic, String key, Duration wait) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                }
            }
        }
        return found;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
