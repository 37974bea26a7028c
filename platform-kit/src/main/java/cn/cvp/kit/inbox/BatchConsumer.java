package cn.cvp.kit.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * How every consumer of the platform applies what it polls from Kafka, and what it does when that fails.
 * <p>
 * {@link #inOneTransaction}: a whole poll in ONE database transaction, handed to the consumer as one list. A
 * consumer that commits per event is bound by the database's commit (fsync) latency, ~3 ms here, i.e. a few hundred
 * events per second; usage arrives by the thousand. With the list, the consumer can also apply the poll set-wise
 * (one statement per table instead of one per event, see {@link Runs}). {@link #eachInItsOwnTransaction}: one transaction per record, for use cases that take
 * long-lived locks (matching serializes a resource pool with an advisory lock held to the end of the transaction).
 * Either way the handler of a record is the idempotent {@code @Transactional} (REQUIRED) use case: it joins the
 * transaction, and its event id goes into the processed-event log with its change.
 * <p>
 * Failures: when a batch fails, nothing of it is committed and its records are applied again one by one.
 * A record that fails for good — unreadable or inapplicable (the consumer's {@code permanent} test), or still
 * failing after the configured attempts — goes to the dead-letter topic with the reason, and the partition moves
 * on. The database being unreachable is not the record's fault: it is retried (backing off) until the database
 * answers, never dead-lettered. While the service shuts down nothing is dead-lettered either: the exception leaves
 * this class, the poll is not acknowledged (its offsets are not committed) and it is consumed again after the
 * restart. If even a dead letter cannot be written the exception leaves too and the channel fails (health DOWN):
 * nothing is ever skipped silently.
 */
@ApplicationScoped
public class BatchConsumer {

    private static final Logger LOG = Logger.getLogger(BatchConsumer.class);
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private final DeadLetters deadLetters;
    private final int attempts;
    private final long retryDelayMillis;
    /** Set once, when the application starts to shut down (the database and broker clients close next). */
    private final AtomicBoolean stopping = new AtomicBoolean();

    @Inject
    public BatchConsumer(DeadLetters deadLetters, ConsumerConfig config) {
        this(deadLetters, config.attempts(), config.retryDelayMs());
    }

    BatchConsumer(DeadLetters deadLetters, int attempts, long retryDelayMillis) {
        this.deadLetters = deadLetters;
        this.attempts = attempts;
        this.retryDelayMillis = retryDelayMillis;
    }

    void stopping(@Observes @Priority(1) ShutdownEvent ev) {
        stopping.set(true);
    }

    /**
     * @param deadLetterTopic where records that cannot be processed go
     * @param handler         applies the values of the records given to it, in their order (joins the current
     *                        transaction): the whole poll at once, or, after the poll failed, a single record
     * @param permanent       failures that retrying cannot mend (unreadable or inapplicable events)
     */
    public void inOneTransaction(ConsumerRecords<String, String> records, String deadLetterTopic,
                                 Consumer<List<String>> handler, Predicate<Throwable> permanent) {
        List<ConsumerRecord<String, String>> batch = list(records);
        if (batch.isEmpty()) {
            return;
        }
        try {
            List<String> values = batch.stream().map(ConsumerRecord::value).toList();
            QuarkusTransaction.requiringNew().run(() -> handler.accept(values));
            return;
        } catch (RuntimeException e) {
            if (stopping.get()) {
                throw e;
            }
            LOG.debugf("a batch of %d records failed (%s); applying them one by one", batch.size(), e.getMessage());
        }
        for (ConsumerRecord<String, String> r : batch) {
            alone(r, deadLetterTopic, value -> handler.accept(List.of(value)), permanent);
        }
    }

    /** Like {@link #inOneTransaction}, but every record in a transaction of its own. */
    public void eachInItsOwnTransaction(ConsumerRecords<String, String> records, String deadLetterTopic,
                                        Consumer<String> handler, Predicate<Throwable> permanent) {
        eachInItsOwnTransaction(records, deadLetterTopic, value -> true, handler, permanent);
    }

    /**
     * Like {@link #eachInItsOwnTransaction(ConsumerRecords, String, Consumer, Predicate)}, for a topic that carries
     * many events the consumer does not handle: a record whose value {@code handles} turns down is passed over
     * before any transaction is opened (allocation-service reads voucher.events for a handful of types while every
     * captured usage record puts a voucher.debited.v1 there). {@code handles} must answer true for a value it
     * cannot read, so that the handler fails on it and it goes to the dead-letter topic with the reason.
     */
    public void eachInItsOwnTransaction(ConsumerRecords<String, String> records, String deadLetterTopic,
                                        Predicate<String> handles, Consumer<String> handler,
                                        Predicate<Throwable> permanent) {
        for (ConsumerRecord<String, String> r : list(records)) {
            if (handles.test(r.value())) {
                alone(r, deadLetterTopic, handler, permanent);
            }
        }
    }

    private void alone(ConsumerRecord<String, String> r, String deadLetterTopic, Consumer<String> handler,
                       Predicate<Throwable> permanent) {
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> handler.accept(r.value()));
                return;
            } catch (RuntimeException e) {
                if (stopping.get()) {
                    throw e; // not acknowledged: consumed again after the restart
                }
                if (causedBy(e, permanent)) {
                    deadLetter(r, deadLetterTopic, attempt, e);
                    return;
                }
                if (causedBy(e, BatchConsumer::databaseUnreachable)) {
                    LOG.warnf("%s-%d@%d waits for the database (attempt %d): %s", r.topic(), r.partition(), r.offset(),
                            attempt, e.getMessage());
                    pause(Math.min(MAX_BACKOFF_MILLIS, retryDelayMillis << Math.min(attempt, 10)));
                    continue;
                }
                if (attempt >= attempts) {
                    deadLetter(r, deadLetterTopic, attempt, e);
                    return;
                }
                LOG.debugf("%s-%d@%d failed (attempt %d), retrying: %s", r.topic(), r.partition(), r.offset(),
                        attempt, e.getMessage());
                pause(retryDelayMillis);
            }
        }
    }

    private void deadLetter(ConsumerRecord<String, String> r, String deadLetterTopic, int attempt, RuntimeException e) {
        LOG.warnf("%s-%d@%d goes to %s after %d attempt(s): %s", r.topic(), r.partition(), r.offset(), deadLetterTopic,
                attempt, e.getMessage());
        deadLetters.send(deadLetterTopic, r, e);
    }

    /**
     * The database cannot serve anyone right now, whatever the record: the connection failed or could not be had
     * (SQLSTATE class 08, the JDBC driver's transient kinds), the server is shutting down, starting or recovering
     * (57P01 admin shutdown, 57P02 crash shutdown, 57P03 "not yet accepting connections", 57P05 idle-session
     * timeout), or it is out of resources (class 53: too many connections, disk full, out of memory). Waited
     * out without spending the attempts meant for records that fail on their own.
     */
    static boolean databaseUnreachable(Throwable t) {
        if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
            return true;
        }
        if (!(t instanceof java.sql.SQLException sql) || sql.getSQLState() == null) {
            return false;
        }
        String state = sql.getSQLState();
        return state.startsWith("08") || state.startsWith("53")
                || state.equals("57P01") || state.equals("57P02") || state.equals("57P03") || state.equals("57P05");
    }

    private static boolean causedBy(Throwable e, Predicate<Throwable> test) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }

    private static List<ConsumerRecord<String, String>> list(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        return batch;
    }

    private static void pause(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted between attempts", e);
        }
    }
}
