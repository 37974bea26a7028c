package cn.cvp.kit.outbox;

import cn.cvp.kit.events.EventCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Appends events to the outbox table. Must be called inside the use case's transaction
 * ({@link Transactional.TxType#MANDATORY}) so that the event commits or rolls back with the change.
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
     * @param topic   the topic, e.g. {@code voucher.events}
     * @param key     the aggregate id: one aggregate's events keep their order
     * @param type    versioned CloudEvents type, e.g. {@code voucher.issued.v1}
     * @param subject what the event is about (usually the same id as the key)
     * @param data    the event's data record, written as JSON
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(String topic, String key, String type, String subject, Object data) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        OutboxEvent event = new OutboxEvent();
        event.eventId = id;
        event.topic = topic;
        event.messageKey = key;
        event.eventType = type;
        event.subject = subject;
        event.occurredAt = now;
        event.payload = codec.encode(id.toString(), source, type, subject, now, codec.toJson(data));
        em.persist(event);
        return id;
    }
}
