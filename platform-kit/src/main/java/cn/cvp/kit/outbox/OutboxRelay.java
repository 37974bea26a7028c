package cn.cvp.kit.outbox;

import cn.cvp.kit.events.ReliableProducer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes outbox rows to Kafka (idempotent producer, acks=all) and marks them published in the
 * same transaction that locked them. If publishing fails the transaction rolls back and the rows are
 * sent again later: delivery is at-least-once and consumers de-duplicate by event id.
 * A PostgreSQL advisory lock lets one instance relay at a time, so an aggregate's events keep
 * their order even with several replicas.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** The advisory lock the relaying instance holds (also: a test or an operator holding it pauses the relays). */
    public static final long RELAY_LOCK = 0x0C_7B_0B_0EL;
    private static final byte[] CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8);

    private final EntityManager em;
    private final Clock clock;
    private final KafkaProducer<String, String> producer;
    private final int batchSize;
    private final Counter published;
    private final long pollIntervalMillis;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "outbox-relay");
        t.setDaemon(true);
        return t;
    });

    public OutboxRelay(EntityManager em, Clock clock, MeterRegistry registry,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                       OutboxConfig config,
                       @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.em = em;
        this.clock = clock;
        this.batchSize = config.batchSize();
        this.pollIntervalMillis = config.pollIntervalMs();
        this.producer = ReliableProducer.create(bootstrapServers, applicationName + "-outbox");
        this.published = Counter.builder("cvp.outbox.published").description("events published from the outbox")
                .register(registry);
    }

    /**
     * Polls on its own thread: Quarkus' scheduler does not go below one second, and events should leave
     * within a fraction of that.
     */
    void start(@Observes StartupEvent ev) {
        executor.scheduleWithFixedDelay(this::relay, 500, pollIntervalMillis, TimeUnit.MILLISECONDS);
    }

    void relay() {
        try {
            int sent;
            do {
                sent = publishBatch();
            } while (sent == batchSize);
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay will retry: %s", e.getMessage());
        }
    }

    /** Publishes up to one batch; returns how many events went out. */
    @Transactional
    public int publishBatch() {
        Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(:k)")
                .setParameter("k", RELAY_LOCK).getSingleResult();
        if (!locked) {
            return 0;
        }
        List<Pending> batch = em.unwrap(Session.class).doReturningWork(c -> {
            List<Pending> rows = new ArrayList<>(batchSize);
            try (PreparedStatement s = c.prepareStatement("""
                    select seq, topic, message_key, payload from outbox_event
                    where published_at is null order by seq limit ?""")) {
                s.setInt(1, batchSize);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                    }
                }
            }
            return rows;
        });
        if (batch.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (Pending e : batch) {
            ProducerRecord<String, String> record = new ProducerRecord<>(e.topic(), e.key(), e.payload());
            record.headers().add(new RecordHeader("content-type", CONTENT_TYPE));
            acks.add(producer.send(record));
        }
        producer.flush();
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("broker did not acknowledge: " + e.getMessage(), e);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Long[] seqs = batch.stream().map(Pending::seq).toArray(Long[]::new);
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "update outbox_event set published_at = ? where seq = any (?)")) {
                s.setObject(1, now);
                s.setArray(2, c.createArrayOf("bigint", seqs));
                s.executeUpdate();
            }
        });
        published.increment(batch.size());
        return batch.size();
    }

    /** An outbox row waiting to be published: only what the broker needs (plain JDBC, no managed entities). */
    private record Pending(long seq, String topic, String key, String payload) {
    }

    void close(@Observes ShutdownEvent ev) {
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
