package cn.cvp.provider.persistence;

import cn.cvp.kit.events.EventCodec;
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
 * Appends many events of one type to the kit's {@code outbox_event} table in one statement, in the
 * caller's transaction — the same rows, envelope and order as {@code cn.cvp.kit.outbox.Outbox.append}
 * writes one at a time, so the kit's relay publishes them alike. A 1,000-record usage batch causes
 * 1,000 events; one insert keeps intake fast.
 */
@ApplicationScoped
public class OutboxBatch {

    private final EntityManager em;
    private final EventCodec codec;
    private final Clock clock;
    private final String source;

    public OutboxBatch(EntityManager em, EventCodec codec, Clock clock,
                       @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.em = em;
        this.codec = codec;
        this.clock = clock;
        this.source = "/" + applicationName;
    }

    /** One event to append: its record key, its subject and its data. */
    public record Entry(String key, String subject, Object data) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAll(String topic, String type, List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        int n = entries.size();
        String[] ids = new String[n];
        String[] keys = new String[n];
        String[] subjects = new String[n];
        String[] payloads = new String[n];
        for (int i = 0; i < n; i++) {
            Entry e = entries.get(i);
            String id = UUID.randomUUID().toString();
            ids[i] = id;
            keys[i] = e.key();
            subjects[i] = e.subject();
            payloads[i] = codec.encode(id, source, type, e.subject(), now, codec.toJson(e.data()));
        }
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    insert into outbox_event (event_id, topic, message_key, event_type, subject, occurred_at, payload)
                    select u.event_id::uuid, ?, u.message_key, ?, u.subject, ?, u.payload
                    from unnest(?::text[], ?::text[], ?::text[], ?::text[])
                         with ordinality as u(event_id, message_key, subject, payload, ord)
                    order by u.ord""")) {
                s.setString(1, topic);
                s.setString(2, type);
                s.setObject(3, now);
                s.setArray(4, c.createArrayOf("text", ids));
                s.setArray(5, c.createArrayOf("text", keys));
                s.setArray(6, c.createArrayOf("text", subjects));
                s.setArray(7, c.createArrayOf("text", payloads));
                s.executeUpdate();
            }
        });
    }
}
