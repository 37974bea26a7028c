package cn.cvp.provider.offering.application;

import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.domain.DomainException;
import cn.cvp.kit.outbox.Outbox;
import cn.cvp.kit.security.Actor;
import cn.cvp.provider.offering.domain.Offering;
import cn.cvp.provider.offering.events.OfferingEvents;
import cn.cvp.provider.offering.persistence.OfferingRepository;
import cn.cvp.provider.offering.persistence.OfferingVersions;
import cn.cvp.provider.provider.application.ProviderQueries;
import cn.cvp.provider.provider.domain.Provider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * A provider's capacity offerings: drafted, published for matching, revised (a new version), withdrawn. The caller
 * acts for its own organisation's provider; another provider's offering answers 404.
 */
@ApplicationScoped
public class OfferingLifecycle {
    private final ProviderQueries providers;
    private final OfferingRepository offerings;
    private final OfferingVersions versions;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    public OfferingLifecycle(ProviderQueries providers, OfferingRepository offerings, OfferingVersions versions,
                             Outbox outbox, AuditLog audit, Clock clock) {
        this.providers = providers;
        this.offerings = offerings;
        this.versions = versions;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Offering draft(Actor actor, DraftOffering command) {
        Provider provider = providers.actingAs(actor.organisation());
        Offering o = Offering.draft(provider, command.terms(), now());
        offerings.persist(o);
        audit.record(actor, "OFFERING_DRAFTED", "Offering", o.id(), null, o.snapshot());
        return o;
    }

    @Transactional
    public Offering publish(Actor actor, PublishOffering command) {
        Provider provider = providers.actingAs(actor.organisation());
        Offering o = ownForUpdate(provider, command.offeringId());
        Map<String, Object> before = o.snapshot();
        published(actor, o, o.publish(provider, now()));
        audit.record(actor, "OFFERING_PUBLISHED", "Offering", o.id(), before, o.snapshot());
        return o;
    }

    /**
     * A new version of a published offering (price, capacity or window): offering.published.v1 with
     * version + 1 under the same key. Allocations already made keep their version and price.
     */
    @Transactional
    public Offering revise(Actor actor, ReviseOffering command) {
        Provider provider = providers.actingAs(actor.organisation());
        Offering o = ownForUpdate(provider, command.offeringId());
        Map<String, Object> before = o.snapshot();
        o.revise(provider, command.units(), command.unitPriceFen(), command.availableFrom(), command.availableTo(),
                now()).ifPresent(event -> {
            published(actor, o, event);
            audit.record(actor, "OFFERING_REVISED", "Offering", o.id(), before, o.snapshot());
        });
        return o;
    }

    @Transactional
    public Offering withdraw(Actor actor, WithdrawOffering command) {
        Provider provider = providers.actingAs(actor.organisation());
        Offering o = ownForUpdate(provider, command.offeringId());
        Map<String, Object> before = o.snapshot();
        OfferingEvents.OfferingWithdrawnV1 withdrawn = o.withdraw(now());
        outbox.append(OfferingEvents.TOPIC, o.id().toString(), OfferingEvents.WITHDRAWN, o.id().toString(), withdrawn);
        audit.record(actor, "OFFERING_WITHDRAWN", "Offering", o.id(), before, o.snapshot());
        return o;
    }

    /** The version is kept (offering_version) and published (offering.published.v1, key: the offering id). */
    private void published(Actor actor, Offering o, OfferingEvents.OfferingPublishedV1 event) {
        versions.record(o, actor.subject());
        outbox.append(OfferingEvents.TOPIC, o.id().toString(), OfferingEvents.PUBLISHED, o.id().toString(), event);
    }

    private Offering ownForUpdate(Provider provider, UUID offeringId) {
        return offerings.forUpdate(offeringId)
                .filter(o -> o.providerId().equals(provider.id()))
                .orElseThrow(() -> DomainException.notFound("Offering", offeringId));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
