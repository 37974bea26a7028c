package cn.cvp.allocation.catalogue.application;

import cn.cvp.allocation.catalogue.domain.CapacityAppeared;
import cn.cvp.allocation.catalogue.domain.Offering;
import cn.cvp.allocation.catalogue.domain.OfferingTerms;
import cn.cvp.allocation.catalogue.domain.OfferingWithdrawn;
import cn.cvp.allocation.catalogue.persistence.OfferingRepository;
import cn.cvp.allocation.catalogue.persistence.ResourcePools;
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
 * Keeps allocation-service's copy of providers' capacity offerings from provider.events, with what is reserved of
 * them. A published (or re-published) offering may serve waitlisted demand; a withdrawn one has its unused
 * reservations re-homed (matching observes both, in the same transaction).
 */
@ApplicationScoped
public class OfferingService {

    private static final Logger LOG = Logger.getLogger(OfferingService.class);
    private static final Actor SYSTEM = Actor.system(Topics.SERVICE);

    private final ProcessedEvents processed;
    private final OfferingRepository offerings;
    private final ResourcePools pools;
    private final AuditLog audit;
    private final Clock clock;
    private final Event<CapacityAppeared> capacityAppeared;
    private final Event<OfferingWithdrawn> offeringWithdrawn;

    public OfferingService(ProcessedEvents processed, OfferingRepository offerings, ResourcePools pools,
                           AuditLog audit, Clock clock, Event<CapacityAppeared> capacityAppeared,
                           Event<OfferingWithdrawn> offeringWithdrawn) {
        this.processed = processed;
        this.offerings = offerings;
        this.pools = pools;
        this.audit = audit;
        this.clock = clock;
        this.capacityAppeared = capacityAppeared;
        this.offeringWithdrawn = offeringWithdrawn;
    }

    @Transactional
    public void offeringPublished(RecordOfferingPublished c) {
        if (!processed.firstDelivery(Topics.CONSUMER, c.eventId())) {
            return;
        }
        OfferingTerms terms = c.terms();
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
    public void offeringWithdrawn(RecordOfferingWithdrawn c) {
        if (!processed.firstDelivery(Topics.CONSUMER, c.eventId())) {
            return;
        }
        String knownClass = offerings.resourceClassOf(c.offeringId());
        if (knownClass != null) {
            pools.lock(knownClass);
        }
        Offering offering = offerings.lock(c.offeringId());
        if (offering == null) {
            LOG.infof("withdrawal of offering %s that was never published here; nothing to do", c.offeringId());
            return;
        }
        Offering.Snapshot before = offering.snapshot();
        // it is not matched any more; reservations nothing was used of are cancelled and re-homed (matching)
        if (offering.withdraw(c.version(), OffsetDateTime.now(clock))) {
            audit.record(SYSTEM, "OFFERING_WITHDRAWN", "Offering", c.offeringId(), before, offering.snapshot());
            offeringWithdrawn.fire(new OfferingWithdrawn(c.offeringId(), offering.resourceClass()));
        }
    }

    /** Both pools (an offering may move to another class), in name order as every use case takes them. */
    private void lockPools(String a, String b) {
        if (a.equals(b)) {
            pools.lock(a);
        } else {
            pools.lock(a.compareTo(b) < 0 ? a : b);
            pools.lock(a.compareTo(b) < 0 ? b : a);
        }
    }
}
