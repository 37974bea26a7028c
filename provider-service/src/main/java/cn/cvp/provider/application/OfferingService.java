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

    public OfferingService(ProviderService providers, Outbox outbox, AuditLog audit, Clock clock) {
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
        outbox.append(ProviderEvents.TOPIC, o.id.toString(), ProviderEvents.OFFERING_PUBLISHED, o.id.toString(),
                new ProviderEvents.OfferingPublishedV1(o.id, o.version, o.providerId, o.resourceClass.name(),
                        o.resourceClass.category().name(), o.resourceClass.domesticChip(), o.region, o.units,
                        o.resourceClass.unit().name(), o.unitPriceFen, o.availableFrom, o.availableTo));
        audit.record(actor, "OFFERING_PUBLISHED", "Offering", o.id, before, Snapshots.of(o));
        return o;
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
