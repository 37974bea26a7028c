package cn.cvp.kit.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

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
        int inserted = em.createNativeQuery("""
                        insert into processed_event (consumer, event_id, processed_at)
                        values (:consumer, :eventId, :at) on conflict do nothing""")
                .setParameter("consumer", consumer)
                .setParameter("eventId", eventId)
                .setParameter("at", OffsetDateTime.now(clock))
                .executeUpdate();
        return inserted == 1;
    }
}
