package cn.cvp.kit.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Deletes outbox rows the broker acknowledged longer ago than {@code cvp.outbox.retention} (7 days by default).
 * Once published, an event lives on in Kafka and the change that caused it in the service's own tables and audit
 * log; the outbox copy stays long enough to answer "was it sent, and when" for recent events, and the table no
 * longer grows by one ~1 KB row per event forever. Unpublished rows are never deleted.
 * <p>
 * The relay publishes in {@code seq} order, so rows become due oldest first: each chunk reads the oldest
 * {@value #CHUNK} rows by primary key and deletes those before the first one that is not due yet (unpublished or
 * published too recently). A run therefore reads little more than it deletes; a due row behind one that is not
 * due waits for a later run.
 */
@ApplicationScoped
public class OutboxRetention {

    static final int CHUNK = 5_000;
    private static final Logger LOG = Logger.getLogger(OutboxRetention.class);

    private final EntityManager em;
    private final Clock clock;
    private final Duration retention;
    private final Counter purged;

    public OutboxRetention(EntityManager em, Clock clock, MeterRegistry registry,
                           OutboxConfig config) {
        Duration retention = config.retention();
        if (retention.isNegative()) {
            throw new IllegalArgumentException("cvp.outbox.retention must not be negative (is " + retention + ")");
        }
        this.em = em;
        this.clock = clock;
        this.retention = retention;
        this.purged = Counter.builder("cvp.outbox.purged")
                .description("published outbox rows deleted after the retention period").register(registry);
    }

    @Scheduled(every = "${cvp.outbox.retention-check:1h}", delayed = "${cvp.outbox.retention-first-check:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge();
    }

    /** Deletes every due row it reaches, chunk by chunk (a transaction each); returns how many. */
    public int purge() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).minus(retention);
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> purgeChunk(cutoff));
            purged.increment(deleted);
            total += deleted;
        } while (deleted == CHUNK);
        if (total > 0) {
            LOG.infof("deleted %d outbox rows published before %s (retention %s)", total, cutoff, retention);
        }
        return total;
    }

    private int purgeChunk(OffsetDateTime cutoff) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    with head as (select seq, published_at from outbox_event order by seq limit ?),
                         not_due as (select min(seq) as seq from head where published_at is null or published_at >= ?)
                    delete from outbox_event o using head h
                    where o.seq = h.seq and h.published_at < ?
                      and h.seq < coalesce((select seq from not_due), 9223372036854775807)""")) {
                s.setInt(1, CHUNK);
                s.setObject(2, cutoff);
                s.setObject(3, cutoff);
                return s.executeUpdate();
            }
        });
    }
}
