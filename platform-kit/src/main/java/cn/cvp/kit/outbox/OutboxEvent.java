package cn.cvp.kit.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An event waiting to be published. Written in the same transaction as the state change that
 * caused it (transactional outbox); the relay publishes it and stamps {@code publishedAt}.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;
    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;
    @Column(nullable = false)
    public String topic;
    @Column(name = "message_key", nullable = false)
    public String messageKey;
    @Column(name = "event_type", nullable = false)
    public String eventType;
    @Column(nullable = false)
    public String subject;
    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;
    @Column(nullable = false, columnDefinition = "text")
    public String payload;
    @Column(name = "published_at")
    public OffsetDateTime publishedAt;
}
