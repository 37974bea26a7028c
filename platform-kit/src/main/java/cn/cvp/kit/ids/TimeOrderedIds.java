package cn.cvp.kit.ids;

import org.hibernate.id.uuid.UuidVersion7Strategy;

import java.util.UUID;

/**
 * Time-ordered UUIDs (RFC 9562 version 7: a millisecond timestamp, then random bits), for rows written by the
 * thousand — usage reports and outbox events. Their primary-key and unique indexes then grow at one end instead of
 * touching a random page per row: measured on the usage bench, the platform's CPU for 100,000 accepted records fell
 * from ~140 s to ~95 s (PostgreSQL 54–60 s → 36 s). The generator is Hibernate ORM's own (already on every
 * service's classpath), which needs no session for version 7.
 */
public final class TimeOrderedIds {

    private TimeOrderedIds() {
    }

    public static UUID next() {
        return UuidVersion7Strategy.INSTANCE.generateUuid(null);
    }
}
