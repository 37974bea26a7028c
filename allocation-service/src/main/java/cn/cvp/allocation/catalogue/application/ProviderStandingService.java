package cn.cvp.allocation.catalogue.application;

import cn.cvp.allocation.catalogue.domain.CapacityAppeared;
import cn.cvp.allocation.catalogue.domain.Offering;
import cn.cvp.allocation.catalogue.domain.ProviderStanding;
import cn.cvp.allocation.catalogue.persistence.OfferingRepository;
import cn.cvp.allocation.catalogue.persistence.ProviderStandingRepository;
import cn.cvp.allocation.support.Topics;
import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.inbox.ProcessedEvents;
import cn.cvp.kit.security.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Keeps allocation-service's picture of providers (算力服务机构) from provider.events: their registration and
 * accreditation status, programme memberships, private investment and related parties. A provider that becomes
 * active (or changes) may serve waitlisted demand of the classes it offers.
 */
@ApplicationScoped
public class ProviderStandingService {

    private static final Logger LOG = Logger.getLogger(ProviderStandingService.class);
    private static final Actor SYSTEM = Actor.system(Topics.SERVICE);

    private final ProcessedEvents processed;
    private final ProviderStandingRepository providers;
    private final OfferingRepository offerings;
    private final AuditLog audit;
    private final Clock clock;
    private final Event<CapacityAppeared> capacityAppeared;

    public ProviderStandingService(ProcessedEvents processed, ProviderStandingRepository providers,
                                   OfferingRepository offerings, AuditLog audit, Clock clock,
                                   Event<CapacityAppeared> capacityAppeared) {
        this.processed = processed;
        this.providers = providers;
        this.offerings = offerings;
        this.audit = audit;
        this.clock = clock;
        this.capacityAppeared = capacityAppeared;
    }

    @Transactional
    public void providerRegistered(RecordProviderRegistration c) {
        if (!processed.firstDelivery(Topics.CONSUMER, c.eventId())) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        ProviderStanding provider = providers.findById(c.providerId());
        if (provider == null) {
            provider = ProviderStanding.registered(c.providerId(), c.creditCode(), c.name(), c.region(),
                    c.privatelyInvested(), c.relatedParties(), c.status(), now);
            providers.persist(provider);
            audit.record(SYSTEM, "PROVIDER_REGISTERED", "ProviderStanding", c.providerId(), null, provider.snapshot());
        } else {
            ProviderStanding.Snapshot before = provider.snapshot();
            provider.refreshRegistration(c.creditCode(), c.name(), c.region(), c.privatelyInvested(),
                    c.relatedParties(), now);
            audit.record(SYSTEM, "PROVIDER_REGISTRATION_REFRESHED", "ProviderStanding", c.providerId(), before,
                    provider.snapshot());
        }
    }

    @Transactional
    public void providerStatusChanged(RecordProviderStatusChange c) {
        if (!processed.firstDelivery(Topics.CONSUMER, c.eventId())) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        ProviderStanding provider = providers.findById(c.providerId());
        ProviderStanding.Snapshot before = null;
        if (provider == null) {
            if (c.creditCode() == null) {
                LOG.warnf("status change of unknown provider %s without a credit code; recording it anyway",
                        c.providerId());
            }
            provider = ProviderStanding.fromStatusChange(c.providerId(), c.creditCode() == null ? "" : c.creditCode(),
                    now);
            providers.persist(provider);
        } else {
            before = provider.snapshot();
        }
        boolean wasActive = provider.isActive();
        provider.changeStatus(c.creditCode(), c.status(), c.programmeMemberships(), c.privatelyInvested(),
                c.relatedParties(), now);
        audit.record(SYSTEM, "PROVIDER_STATUS_CHANGED", "ProviderStanding", c.providerId(), before, provider.snapshot());
        if (provider.isActive()) {
            // a provider that became active (or changed its programmes) may now serve waitlisted demand
            String cause = wasActive ? "provider " + c.providerId() + " changed"
                    : "provider " + c.providerId() + " became active";
            offerings.listPublishedOf(c.providerId()).stream()
                    .map(Offering::resourceClass).distinct().sorted()
                    .forEach(rc -> capacityAppeared.fire(new CapacityAppeared(rc, cause)));
        }
    }
}
