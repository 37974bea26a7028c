package cn.cvp.provider.application;

import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.outbox.Outbox;
import cn.cvp.kit.problem.ProblemException;
import cn.cvp.kit.security.Actor;
import cn.cvp.provider.domain.Offering;
import cn.cvp.provider.domain.OfferingStatus;
import cn.cvp.provider.domain.OfferingTerms;
import cn.cvp.provider.domain.Provider;
import cn.cvp.provider.messaging.ProviderEvents;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A provider's capacity offerings: drafted, published for matching, withdrawn. */
@ApplicationScoped
public class OfferingService {
    private final ProviderService providers;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;
    private final EntityManager em;

    public OfferingService(ProviderService providers, Outbox outbox, AuditLog audit, Clock clock, EntityManager em) {
        this.em = em;
        this.providers = providers;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Offering draft(Actor actor, String organisation, OfferingTerms terms) {
        Provider provider = providers.actingAs(organisation);
        Offering o = Offering.draft(provider, terms, OffsetDateTime.now(clock));
        o.persist();
        audit.record(actor, "OFFERING_DRAFTED", "Offering", o.id, null, Snapshots.of(o));
        return o;
    }

    @Transactional
    public Offering publish(Actor actor, String organisation, UUID offeringId) {
        Provider provider = providers.actingAs(organisation);
        Offering o = ownForUpdate(provider, offeringId);
        Object before = Snapshots.of(o);
        o.publish(provider, OffsetDateTime.now(clock));
        published(actor, o);
        audit.record(actor, "OFFERING_PUBLISHED", "Offering", o.id, before, Snapshots.of(o));
        return o;
    }

    /**
     * A new version of a published offering (price, capacity or window): offering.published.v1 with
     * version + 1 under the same key. Allocations already made keep their version and price.
     */
    @Transactional
    public Offering revise(Actor actor, String organisation, UUID offeringId, Integer units, Long unitPriceFen,
                           OffsetDateTime availableFrom, OffsetDateTime availableTo) {
        Provider provider = providers.actingAs(organisation);
        Offering o = ownForUpdate(provider, offeringId);
        Object before = Snapshots.of(o);
        if (o.revise(provider, units, unitPriceFen, availableFrom, availableTo, OffsetDateTime.now(clock))) {
            published(actor, o);
            audit.record(actor, "OFFERING_REVISED", "Offering", o.id, before, Snapshots.of(o));
        }
        return o;
    }

    /** Every published version of an offering the viewer may see, oldest first. */
    @SuppressWarnings("unchecked")
    public List<OfferingVersionRow> versions(Viewer viewer, UUID offeringId) {
        visibleTo(viewer, offeringId);
        List<Object[]> rows = em.createNativeQuery("""
                select version, units, unit_price_fen, available_from, available_to, published_at, published_by
                from offering_version where offering_id = ?1 order by version""")
                .setParameter(1, offeringId).getResultList();
        return rows.stream().map(r -> new OfferingVersionRow(((Number) r[0]).intValue(), ((Number) r[1]).intValue(),
                ((Number) r[2]).longValue(), toOffset(r[3]), toOffset(r[4]), toOffset(r[5]), (String) r[6])).toList();
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        return value == null ? null : OffsetDateTime.parse(value.toString());
    }

    /** One published version of an offering. */
    public record OfferingVersionRow(int version, int units, long unitPriceFen, OffsetDateTime availableFrom,
                                     OffsetDateTime availableTo, OffsetDateTime publishedAt, String publishedBy) {
    }

    private void published(Actor actor, Offering o) {
        em.createNativeQuery("""
                insert into offering_version (offering_id, version, units, unit_price_fen, available_from, available_to,
                    published_at, published_by) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, o.id).setParameter(2, o.version).setParameter(3, o.units)
                .setParameter(4, o.unitPriceFen).setParameter(5, o.availableFrom).setParameter(6, o.availableTo)
                .setParameter(7, o.publishedAt).setParameter(8, actor.subject()).executeUpdate();
        outbox.append(ProviderEvents.TOPIC, o.id.toString(), ProviderEvents.OFFERING_PUBLISHED, o.id.toString(),
                new ProviderEvents.OfferingPublishedV1(o.id, o.version, o.providerId, o.resourceClass.name(),
                        o.resourceClass.category().name(), o.resourceClass.domesticChip(), o.region, o.units,
                        o.resourceClass.unit().name(), o.unitPriceFen, o.availableFrom, o.availableTo));
    }

    @Transactional
    public Offering withdraw(Actor actor, String organisation, UUID offeringId) {
        Provider provider = providers.actingAs(organisation);
        Offering o = ownForUpdate(provider, offeringId);
        Object before = Snapshots.of(o);
        o.withdraw(OffsetDateTime.now(clock));
        outbox.append(ProviderEvents.TOPIC, o.id.toString(), ProviderEvents.OFFERING_WITHDRAWN, o.id.toString(),
                new ProviderEvents.OfferingWithdrawnV1(o.id, o.version, o.providerId));
        audit.record(actor, "OFFERING_WITHDRAWN", "Offering", o.id, before, Snapshots.of(o));
        return o;
    }

    /** Providers see their own offerings; administrators and auditors see all. */
    public List<Offering> list(Viewer viewer, OfferingStatus status, Page page) {
        Parameters params = new Parameters();
        StringBuilder query = new StringBuilder("1 = 1");
        if (!viewer.seesAll()) {
            Optional<Provider> own = providers.findRegistered(viewer.organisation());
            if (own.isEmpty()) {
                return List.of();
            }
            query.append(" and providerId = :provider");
            params.and("provider", own.get().id);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        return Offering.<Offering>find(query.toString(), Sort.descending("createdAt").and("id"), params)
                .page(page.index(), page.size()).list();
    }

    public Offering visibleTo(Viewer viewer, UUID offeringId) {
        Offering o = Offering.<Offering>findByIdOptional(offeringId)
                .orElseThrow(() -> ProblemException.notFound("Offering", offeringId));
        if (!viewer.seesAll()) {
            Optional<Provider> own = providers.findRegistered(viewer.organisation());
            if (own.isEmpty() || !own.get().id.equals(o.providerId)) {
                throw ProblemException.notFound("Offering", offeringId);
            }
        }
        return o;
    }

    private static Offering ownForUpdate(Provider provider, UUID offeringId) {
        return Offering.<Offering>findByIdOptional(offeringId, LockModeType.PESSIMISTIC_WRITE)
                .filter(o -> o.providerId.equals(provider.id))
                .orElseThrow(() -> ProblemException.notFound("Offering", offeringId));
    }
}
