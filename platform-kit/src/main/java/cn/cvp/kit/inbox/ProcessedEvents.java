package cn.cvp.kit.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The processed-event log of an idempotent consumer. {@link #firstDelivery} records the event id in
 * the caller's transaction; a redelivered event finds its id already there and changes nothing.
 * {@link #firstDeliveries} does the same for a whole poll in one statement.
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
        return !firstDeliveries(consumer, List.of(eventId)).isEmpty();
    }

    /**
     * @return those of the event ids this consumer has not processed before (now recorded); an id given twice
     * is returned once
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> firstDeliveries(String consumer, Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return em.unwrap(Session.class).doReturningWork(c -> {
            Set<String> first = new HashSet<>();
            try (PreparedStatement s = c.prepareStatement("""
                    insert into processed_event (consumer, event_id, processed_at)
                    select ?, e.id, ? from (select distinct unnest(?::text[]) as id) e
                    on conflict do nothing
                    returning event_id""")) {
                s.setString(1, consumer);
                s.setObject(2, now);
                s.setArray(3, c.createArrayOf("text", eventIds.toArray(String[]::new)));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        first.add(rs.getString(1));
                    }
                }
            }
            return first;
        });
    }
}
