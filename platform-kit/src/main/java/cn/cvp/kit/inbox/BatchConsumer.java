package cn.cvp.kit.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Applies one poll of Kafka records in ONE database transaction instead of one per record: a consumer that
 * commits per event is bound by the database's commit (fsync) latency, ~3 ms here, i.e. a few hundred
 * events per second. The handler of each record is the same idempotent, {@code @Transactional} (REQUIRED)
 * use case as before; it joins the batch's transaction, and each event id still goes into the
 * processed-event log with its change.
 * <p>
 * When the batch fails, nothing of it is committed and every record is applied again in a transaction of its
 * own, in order, retried on transient failures; a record that fails for good (a permanent failure, or the last
 * attempt) goes to the dead-letter topic with the reason, and the rest of the partition moves on. If even the
 * dead letter cannot be written, the exception leaves this method: the channel fails (health DOWN) and the
 * records are consumed again after a restart — never silently dropped.
 */
@ApplicationScoped
public class BatchConsumer {

    private static final Logger LOG = Logger.getLogger(BatchConsumer.class);

    private final EntityManager em;
    private final DeadLetters deadLetters;
    private final int attempts;
    private final long retryDelayMillis;

    public BatchConsumer(EntityManager em, DeadLetters deadLetters,
                         @ConfigProperty(name = "cvp.consumer.attempts", defaultValue = "4") int attempts,
                         @ConfigProperty(name = "cvp.consumer.retry-delay-ms", defaultValue = "200") long retryDelayMillis) {
        this.em = em;
        this.deadLetters = deadLetters;
        this.attempts = attempts;
        this.retryDelayMillis = retryDelayMillis;
    }

    /**
     * @param deadLetterTopic where records that cannot be processed go
     * @param handler         applies one record's value (joins the current transaction)
     * @param permanent       failures that retrying cannot mend (unreadable or inapplicable events)
     */
    public void process(ConsumerRecords<String, String> records, String deadLetterTopic, Consumer<String> handler,
                        Predicate<Throwable> permanent) {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        if (batch.isEmpty()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                for (ConsumerRecord<String, String> r : batch) {
                    handler.accept(r.value());
                    // Each record's changes go to the database now and leave the persistence context: native
                    // queries flush the whole context first, so a context that grew over the batch would make
                    // every statement slower than the one before.
                    em.flush();
                    em.clear();
                }
            });
            return;
        } catch (RuntimeException e) {
            LOG.debugf("a batch of %d records failed (%s); applying them one by one", batch.size(), e.getMessage());
        }
        for (ConsumerRecord<String, String> r : batch) {
            processAlone(r, deadLetterTopic, handler, permanent);
        }
    }

    private void processAlone(ConsumerRecord<String, String> r, String deadLetterTopic, Consumer<String> handler,
                              Predicate<Throwable> permanent) {
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> handler.accept(r.value()));
                return;
            } catch (RuntimeException e) {
                boolean givingUp = attempt >= attempts || isPermanent(e, permanent);
                if (givingUp) {
                    LOG.warnf("%s-%d@%d goes to %s after %d attempt(s): %s", r.topic(), r.partition(), r.offset(),
                            deadLetterTopic, attempt, e.getMessage());
                    deadLetters.send(deadLetterTopic, r, e);
                    return;
                }
                LOG.debugf("%s-%d@%d failed (attempt %d), retrying: %s", r.topic(), r.partition(), r.offset(),
                        attempt, e.getMessage());
                pause();
            }
        }
    }

    private static boolean isPermanent(Throwable e, Predicate<Throwable> permanent) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (permanent.test(t)) {
                return true;
            }
        }
        return false;
    }

    private void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(retryDelayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted between attempts", e);
        }
    }
}
