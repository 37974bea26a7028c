package cn.cvp.kit.inbox;

import cn.cvp.kit.events.ReliableProducer;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends a record a consumer cannot process to its dead-letter topic, with the same headers SmallRye's
 * dead-letter-queue strategy writes ({@code dead-letter-reason}, {@code -cause}, {@code -topic},
 * {@code -partition}, {@code -offset}), so operators read one format whichever path put it there.
 * Synchronous, acks=all: the caller moves past the record only once the broker holds it.
 */
@ApplicationScoped
public class DeadLetters {

    private final KafkaProducer<String, String> producer;

    public DeadLetters(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                       @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.producer = ReliableProducer.create(bootstrapServers, applicationName + "-dead-letters");
    }

    /** @throws IllegalStateException if the broker does not take the dead letter (the record is then not passed) */
    public void send(String deadLetterTopic, ConsumerRecord<String, String> original, Throwable failure) {
        ProducerRecord<String, String> letter = new ProducerRecord<>(deadLetterTopic, original.key(), original.value());
        for (Header h : original.headers()) {
            letter.headers().add(h);
        }
        header(letter, "dead-letter-exception-class-name", failure.getClass().getName());
        header(letter, "dead-letter-reason", reason(failure));
        if (failure.getCause() != null) {
            header(letter, "dead-letter-cause-class-name", failure.getCause().getClass().getName());
            header(letter, "dead-letter-cause", reason(failure.getCause()));
        }
        header(letter, "dead-letter-topic", original.topic());
        header(letter, "dead-letter-partition", Integer.toString(original.partition()));
        header(letter, "dead-letter-offset", Long.toString(original.offset()));
        try {
            producer.send(letter).get(40, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing a dead letter", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not take the dead letter for " + original.topic() + "-"
                    + original.partition() + "@" + original.offset() + ": " + e.getMessage(), e);
        }
    }

    private static String reason(Throwable t) {
        return t.getMessage() == null ? t.getClass().getName() : t.getMessage();
    }

    private static void header(ProducerRecord<String, String> r, String name, String value) {
        r.headers().remove(name);
        r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    void close(@Observes ShutdownEvent ev) {
        producer.close(Duration.ofSeconds(5));
    }
}
