package cn.cvp.provider.offering.persistence;

import cn.cvp.provider.offering.domain.Offering;
import cn.cvp.provider.offering.domain.OfferingVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

/** Every published version of an offering ({@code offering_version}), kept as it was published. */
@ApplicationScoped
public class OfferingVersions {
    private final EntityManager em;

    public OfferingVersions(EntityManager em) {
        this.em = em;
    }

    /** Records the offering's current version as published by {@code publishedBy}. */
    public void record(Offering o, String publishedBy) {
        em.createNativeQuery("""
                insert into offering_version (offering_id, version, units, unit_price_fen, available_from, available_to,
                    published_at, published_by) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, o.id()).setParameter(2, o.version()).setParameter(3, o.units())
                .setParameter(4, o.unitPriceFen()).setParameter(5, o.availableFrom()).setParameter(6, o.availableTo())
                .setParameter(7, o.publishedAt()).setParameter(8, publishedBy).executeUpdate();
    }

    /** The offering's published versions, oldest first. */
    @SuppressWarnings("unchecked")
    public List<OfferingVersion> of(UUID offeringId) {
        List<Object[]> rows = em.createNativeQuery("""
                select version, units, unit_price_fen, available_from, available_to, published_at, published_by
                from offering_version where offering_id = ?1 order by version""")
                .setParameter(1, offeringId).getResultList();
        return rows.stream().map(r -> new OfferingVersion(((Number) r[0]).intValue(), ((Number) r[1]).intValue(),
                ((Number) r[2]).longValue(), toOffset(r[3]), toOffset(r[4]), toOffset(r[5]), (String) r[6])).toList();
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant().atOffset(ZoneOffset.UTC);
        }
        return value == null ? null : OffsetDateTime.parse(value.toString());
    }
}
