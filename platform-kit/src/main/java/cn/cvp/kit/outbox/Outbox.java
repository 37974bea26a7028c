package cn.cvp.kit.outbox;

import cn.cvp.kit.events.EventCodec;
import cn.cvp.kit.ids.TimeOrderedIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Appends events to the outbox table. Must be called inside the use case's transaction
 * ({@link Transactional.TxType#MANDATORY}) so that the event commits or rolls back with the change.
 * {@link #appendAll} writes many events in ONE statement, in their order: usage arrives by the thousand,
 * and one insert per event made the consumers that decide and debit it slower than intake.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager em;
    private final EventCodec codec;
    private final Clock clock;
    private final String source;

    public Outbox(EntityManager em, EventCodec codec, Clock clock,
                  @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.em = em;
        this.codec = codec;
        this.clock = clock;
        this.source = "/" + applicationName;
    }

    /**
     * One event to append.
     *
     * @param key     the aggregate id: one aggregate's events keep their order
     * @param type    versioned CloudEvents type, e.g. {@code voucher.issued.v1}
     * @param subject what the event is about (usually the same id as the key)
     * @param data    the event's data record, written as JSON
     */
    public record Entry(String key, String type, String subject, Object data) {
    }

    /**
     * @param topic the topic, e.g. {@code voucher.events}
     * @return the event's id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(String topic, String key, String type, String subject, Object data) {
        return appendAll(topic, List.of(new Entry(key, type, subject, data))).get(0);
    }

    /** Appends the events in their order (the relay publishes them in that order); returns their ids. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> appendAll(String topic, List<Entry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        int n = entries.size();
        UUID[] ids = new UUID[n];
        String[] keys = new String[n];
        String[] types = new String[n];
        String[] subjects = new String[n];
        String[] payloads = new String[n];
        for (int i = 0; i < n; i++) {
            Entry e = entries.get(i);
            ids[i] = TimeOrderedIds.next();
            keys[i] = e.key();
            types[i] = e.type();
            subjects[i] = e.subject();
            payloads[i] = codec.encode(ids[i].toString(), source, e.type(), e.subject(), now, codec.toJson(e.data()));
        }
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    insert into outbox_event (event_id, topic, message_key, event_type, subject, occurred_at, payload)
                    select u.event_id, ?, u.message_key, u.event_type, u.subject, ?, u.payload
                    from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[])
                         with ordinality as u(event_id, message_key, event_type, subject, payload, ord)
                    order by u.ord""")) {
                s.setString(1, topic);
                s.setObject(2, now);
                s.setArray(3, c.createArrayOf("uuid", ids));
                s.setArray(4, c.createArrayOf("text", keys));
                s.setArray(5, c.createArrayOf("text", types));
                s.setArray(6, c.createArrayOf("text", subjects));
                s.setArray(7, c.createArrayOf("text", payloads));
                s.executeUpdate();
            }
        });
        return List.of(ids);
    }
}
