package cn.cvp.kit.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * The processed-event log of an idempotent consumer. {@link #firstDelivery} records the event id in
 * the caller's transaction; a redelivered event finds its id already there and changes nothing.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager em;
    private final Clock clock;

    public ProcessedEvents(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** @return true if this consumer has not processed this event before (and now records it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        // plain JDBC: unlike a native query through Hibernate, it does not flush the persistence context first
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    insert into processed_event (consumer, event_id, processed_at)
                    values (?, ?, ?) on conflict do nothing""")) {
                s.setString(1, consumer);
                s.setString(2, eventId);
                s.setObject(3, now);
                return s.executeUpdate() == 1;
            }
        });
    }
}
