package cn.cvp.allocation.catalogue.application;

import cn.cvp.allocation.catalogue.domain.CapacityAppeared;
import cn.cvp.allocation.catalogue.domain.OfferingWithdrawn;
import cn.cvp.allocation.catalogue.domain.Offering;
import cn.cvp.allocation.catalogue.domain.OfferingTerms;
import cn.cvp.allocation.catalogue.domain.ProviderStanding;
import cn.cvp.allocation.catalogue.persistence.OfferingRepository;
import cn.cvp.allocation.catalogue.persistence.ResourcePools;
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
import java.util.List;
import java.util.UUID;

/**
 * Keeps allocation-service's picture of providers and their offerings (from provider.events) and says when
 * new capacity may serve waitlisted demand.
 */
@ApplicationScoped
public class CatalogueService {

    private static final Logger LOG = Logger.getLogger(CatalogueService.class);
    private static final Actor SYSTEM = Actor.system(Topics.SERVICE);

    private final ProcessedEvents processed;
    private final ProviderStandingRepository providers;
    private final OfferingRepository offerings;
    private final AuditLog audit;
    private final Clock clock;
    private final Event<CapacityAppeared> capacityAppeared;
    private final Event<OfferingWithdrawn> offeringWithdrawn;
    private final ResourcePools pools;

    public CatalogueService(ProcessedEvents processed, ProviderStandingRepository providers,
                            OfferingRepository offerings, AuditLog audit, Clock clock,
                            Event<CapacityAppeared> capacityAppeared, Event<OfferingWithdrawn> offeringWithdrawn,
                            ResourcePools pools) {
        this.processed = processed;
        this.providers = providers;
        this.offerings = offerings;
        this.audit = audit;
        this.clock = clock;
        this.capacityAppeared = capacityAppeared;
        this.offeringWithdrawn = offeringWithdrawn;
        this.pools = pools;
    }

    @Transactional
    public void providerRegistered(String eventId, UUID providerId, String creditCode, String name, String region,
                                   boolean privatelyInvested, List<String> relatedParties, String status) {
        if (!processed.firstDelivery(Topics.CONSUMER, eventId)) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        ProviderStanding provider = providers.findById(providerId);
        if (provider == null) {
            provider = ProviderStanding.registered(providerId, creditCode, name, region, privatelyInvested,
                    relatedParties, status, now);
            providers.persist(provider);
            audit.record(SYSTEM, "PROVIDER_REGISTERED", "ProviderStanding", providerId, null, provider.snapshot());
        } else {
            ProviderStanding.Snapshot before = provider.snapshot();
            provider.refreshRegistration(creditCode, name, region, privatelyInvested, relatedParties, now);
            audit.record(SYSTEM, "PROVIDER_REGISTRATION_REFRESHED", "ProviderStanding", providerId, before,
                    provider.snapshot());
        }
    }

    @Transactional
    public void providerStatusChanged(String eventId, UUID providerId, String creditCode, String status,
                                      List<String> programmeMemberships, Boolean privatelyInvested,
                                      List<String> relatedParties) {
        if (!processed.firstDelivery(Topics.CONSUMER, eventId)) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        ProviderStanding provider = providers.findById(providerId);
        ProviderStanding.Snapshot before = null;
        if (provider == null) {
            if (creditCode == null) {
                LOG.warnf("status change of unknown provider %s without a credit code; recording it anyway", providerId);
            }
            provider = ProviderStanding.fromStatusChange(providerId, creditCode == null ? "" : creditCode, now);
            providers.persist(provider);
        } else {
            before = provider.snapshot();
        }
        boolean wasActive = provider.isActive();
        provider.changeStatus(creditCode, status, programmeMemberships, privatelyInvested, relatedParties, now);
        audit.record(SYSTEM, "PROVIDER_STATUS_CHANGED", "ProviderStanding", providerId, before, provider.snapshot());
        if (provider.isActive()) {
            // a provider that became active (or changed its programmes) may now serve waitlisted demand
            offerings.list("providerId = ?1 and status = ?2", providerId, Offering.PUBLISHED).stream()
                    .map(Offering::resourceClass).distinct().sorted()
                    .forEach(rc -> capacityAppeared.fire(new CapacityAppeared(rc,
                            wasActive ? "provider " + providerId + " changed" : "provider " + providerId + " became active")));
        }
    }

    private void lockPools(String a, String b) {
        if (a.equals(b)) {
            pools.lock(a);
        } else {
            pools.lock(a.compareTo(b) < 0 ? a : b);
            pools.lock(a.compareTo(b) < 0 ? b : a);
        }
    }

    @Transactional
    public void offeringPublished(String eventId, OfferingTerms terms) {
        if (!processed.firstDelivery(Topics.CONSUMER, eventId)) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        // the pool's lock before the offering's row lock, as matching takes them (see ResourcePools); the offering
        // itself is read only under its lock, so a reservation committed while we waited is not written over
        String knownClass = offerings.resourceClassOf(terms.offeringId());
        lockPools(knownClass == null ? terms.resourceClass() : knownClass, terms.resourceClass());
        Offering offering = offerings.lock(terms.offeringId());
        if (offering == null) {
            offering = Offering.published(terms, now);
            offerings.persist(offering);
            audit.record(SYSTEM, "OFFERING_PUBLISHED", "Offering", terms.offeringId(), null, offering.snapshot());
        } else {
            Offering.Snapshot before = offering.snapshot();
            if (!offering.republish(terms, now)) {
                LOG.infof("offering %s version %d is not newer than the %d we have; ignored",
                        terms.offeringId(), terms.version(), offering.version());
                return;
            }
            audit.record(SYSTEM, "OFFERING_PUBLISHED", "Offering", terms.offeringId(), before, offering.snapshot());
        }
        capacityAppeared.fire(new CapacityAppeared(offering.resourceClass(),
                "offering " + offering.offeringId() + " v" + offering.version() + " published"));
    }

    @Transactional
    public void offeringWithdrawn(String eventId, UUID offeringId, int version) {
        if (!processed.firstDelivery(Topics.CONSUMER, eventId)) {
            return;
        }
        String knownClass = offerings.resourceClassOf(offeringId);
        if (knownClass != null) {
            pools.lock(knownClass);
        }
        Offering offering = offerings.lock(offeringId);
        if (offering == null) {
            LOG.infof("withdrawal of offering %s that was never published here; nothing to do", offeringId);
            return;
        }
        Offering.Snapshot before = offering.snapshot();
        // it is not matched any more; reservations nothing was used of are cancelled and re-homed (MatchingService)
        if (offering.withdraw(version, OffsetDateTime.now(clock))) {
            audit.record(SYSTEM, "OFFERING_WITHDRAWN", "Offering", offeringId, before, offering.snapshot());
            offeringWithdrawn.fire(new OfferingWithdrawn(offeringId, offering.resourceClass()));
        }
    }
}
