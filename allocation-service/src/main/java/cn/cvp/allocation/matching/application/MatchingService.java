package cn.cvp.allocation.matching.application;

import cn.cvp.allocation.catalogue.domain.CapacityAppeared;
import cn.cvp.allocation.catalogue.domain.Offering;
import cn.cvp.allocation.catalogue.domain.OfferingWithdrawn;
import cn.cvp.allocation.matching.domain.AllocationStatus;
import cn.cvp.allocation.matching.domain.events.AllocationCancelledV1;
import cn.cvp.allocation.catalogue.domain.ProviderStanding;
import cn.cvp.allocation.catalogue.persistence.OfferingRepository;
import cn.cvp.allocation.catalogue.persistence.ResourcePools;
import cn.cvp.allocation.catalogue.persistence.ProviderStandingRepository;
import cn.cvp.allocation.matching.domain.Allocation;
import cn.cvp.allocation.matching.domain.Demand;
import cn.cvp.allocation.matching.domain.Explanation;
import cn.cvp.allocation.matching.domain.Fill;
import cn.cvp.allocation.matching.domain.MatchResult;
import cn.cvp.allocation.matching.domain.Matcher;
import cn.cvp.allocation.matching.domain.Supply;
import cn.cvp.allocation.matching.domain.Voucher;
import cn.cvp.allocation.matching.domain.events.AllocationCreatedV1;
import cn.cvp.allocation.matching.domain.events.AllocationWaitlistedV1;
import cn.cvp.allocation.matching.persistence.AllocationRepository;
import cn.cvp.allocation.matching.persistence.VoucherRepository;
import cn.cvp.allocation.support.Topics;
import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.inbox.ProcessedEvents;
import cn.cvp.kit.outbox.Outbox;
import cn.cvp.kit.security.Actor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Matches vouchers to capacity: a newly issued voucher at once, waitlisted demand again whenever capacity
 * of its class appears. The offerings of the class are locked for the transaction, the in-memory
 * {@link Matcher} decides, and the reservations, allocations and their events commit together.
 */
@ApplicationScoped
public class MatchingService {

    private static final Logger LOG = Logger.getLogger(MatchingService.class);
    private static final Actor SYSTEM = Actor.system(Topics.SERVICE);

    private final ProcessedEvents processed;
    private final VoucherRepository vouchers;
    private final AllocationRepository allocations;
    private final OfferingRepository offerings;
    private final ProviderStandingRepository providers;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final Matcher matcher;
    private final ResourcePools pools;

    public MatchingService(ProcessedEvents processed, VoucherRepository vouchers, AllocationRepository allocations,
                           OfferingRepository offerings, ProviderStandingRepository providers, Outbox outbox,
                           AuditLog audit, Clock clock, ObjectMapper mapper, ResourcePools pools,
                           @ConfigProperty(name = "cvp.matching.explained-candidates", defaultValue = "50")
                           int explainedCandidates) {
        this.processed = processed;
        this.vouchers = vouchers;
        this.allocations = allocations;
        this.offerings = offerings;
        this.providers = providers;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.mapper = mapper;
        this.matcher = new Matcher(explainedCandidates);
        this.pools = pools;
    }

    /** voucher.issued.v1: record the voucher and match its whole demand. */
    @Transactional
    public void voucherIssued(String eventId, Voucher.Issued issued) {
        if (!processed.firstDelivery(Topics.CONSUMER, eventId)) {
            return;
        }
        if (vouchers.findById(issued.voucherId()) != null) {
            LOG.infof("voucher %s is already known (issued again under event %s); nothing to do", issued.voucherId(), eventId);
            return;
        }
        pools.lock(issued.resourceClass());
        OffsetDateTime now = OffsetDateTime.now(clock);
        Voucher voucher = Voucher.issued(issued, now);
        vouchers.persist(voucher);
        audit.record(SYSTEM, "VOUCHER_RECORDED", "Voucher", voucher.voucherId(), null, voucher.snapshot());
        allocate(voucher.demandResourceClass(), List.of(new Pending(voucher, voucher.demandCardHours(), null)), now);
    }

    void onCapacityAppeared(@Observes CapacityAppeared event) {
        LOG.debugf("re-matching waitlisted %s demand: %s", event.resourceClass(), event.cause());
        rematchWaitlisted(event.resourceClass());
    }

    /**
     * The documented withdrawal rule: reservations on a withdrawn offering that nothing has been used of
     * (PROPOSED, or HELD with no usage accepted) are cancelled ({@code OFFERING_WITHDRAWN}, so voucher-service
     * releases the hold) and their card-hours re-homed: added to the voucher's waitlist entry (one is opened, with
     * allocation.waitlisted.v1, if it has none) and the class re-matched at once, first approved first served, so
     * they move to other offerings where capacity is left or wait for it. Reservations already in use (ACTIVE) stay
     * honoured to their end: the provider delivers what it started. A revoked or expired voucher is not re-homed.
     */
    void onOfferingWithdrawn(@Observes OfferingWithdrawn event) {
        pools.lock(event.resourceClass());
        OffsetDateTime now = OffsetDateTime.now(clock);
        Offering offering = offerings.lock(event.offeringId());
        boolean rehomed = false;
        for (Allocation allocation : allocations.lockLiveOfOffering(event.offeringId())) {
            if (allocation.status() == AllocationStatus.ACTIVE || !allocation.unused()) {
                continue;
            }
            Allocation.Snapshot before = allocation.snapshot();
            AllocationCancelledV1 cancelled = allocation.terminate(OFFERING_WITHDRAWN, now);
            audit.record(SYSTEM, "ALLOCATION_CANCELLED", "Allocation", allocation.allocationId(), before,
                    allocation.snapshot());
            outbox.append(Topics.ALLOCATION_EVENTS, allocation.allocationId().toString(), AllocationCancelledV1.TYPE,
                    allocation.allocationId().toString(), cancelled);
            if (offering != null) {
                Offering.Snapshot offeringBefore = offering.snapshot();
                offering.release(allocation.cardHours(), now);
                audit.record(SYSTEM, "OFFERING_CAPACITY_RELEASED", "Offering", offering.offeringId(), offeringBefore,
                        offering.snapshot());
            }
            Voucher voucher = vouchers.findById(allocation.voucherId());
            if (voucher == null || voucher.isEnded()) {
                continue;
            }
            List<Allocation> waiting = allocations.lockWaitlistedOfVoucher(voucher.voucherId());
            Allocation entry;
            if (waiting.isEmpty()) {
                entry = Allocation.waitlist(UUID.randomUUID(), voucher, allocation.cardHours(), OFFERING_WITHDRAWN,
                        "{\"rule\":\"" + OFFERING_WITHDRAWN + "\",\"withdrawnOfferingId\":\"" + event.offeringId()
                                + "\",\"cancelledAllocationId\":\"" + allocation.allocationId() + "\"}", now);
                allocations.persist(entry);
                audit.record(SYSTEM, "ALLOCATION_WAITLISTED", "Allocation", entry.allocationId(), null, entry.snapshot());
            } else {
                entry = waiting.get(0);
                Allocation.Snapshot entryBefore = entry.snapshot();
                entry.addToWaitlist(allocation.cardHours(), now);
                audit.record(SYSTEM, "ALLOCATION_WAITLIST_EXTENDED", "Allocation", entry.allocationId(), entryBefore,
                        entry.snapshot());
            }
            outbox.append(Topics.ALLOCATION_EVENTS, voucher.voucherId().toString(), AllocationWaitlistedV1.TYPE,
                    voucher.voucherId().toString(), entry.waitlisted());
            rehomed = true;
        }
        if (rehomed) {
            allocations.flush();
            rematchWaitlisted(event.resourceClass());
        }
    }

    public static final String OFFERING_WITHDRAWN = "OFFERING_WITHDRAWN";

    /** Serializes capacity changes of the resource class across instances (see {@link ResourcePools}). */
    public void lockPool(String resourceClass) {
        pools.lock(resourceClass);
    }

    /** Tries the waitlisted demand of a resource class again, first approved first served. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rematchWaitlisted(String resourceClass) {
        pools.lock(resourceClass);
        List<Allocation> waiting = allocations.lockWaitlisted(resourceClass);
        if (waiting.isEmpty()) {
            return;
        }
        Map<UUID, Voucher> byId = vouchers.findByIds(waiting.stream().map(Allocation::voucherId).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(Voucher::voucherId, Function.identity()));
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Pending> pending = new ArrayList<>();
        for (Allocation w : waiting) {
            Voucher v = byId.get(w.voucherId());
            if (v != null && v.isActiveAt(now)) { // a frozen, revoked or expired voucher waits in vain
                pending.add(new Pending(v, w.cardHours(), w));
            }
        }
        allocate(resourceClass, pending, now);
    }

    private void allocate(String resourceClass, List<Pending> pending, OffsetDateTime now) {
        if (pending.isEmpty()) {
            return;
        }
        List<Offering> locked = offerings.lockPublished(resourceClass);
        Map<UUID, Offering> offeringById = locked.stream()
                .collect(Collectors.toMap(Offering::offeringId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<UUID, ProviderStanding> providerById = providers.findByIds(
                        locked.stream().map(Offering::providerId).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(ProviderStanding::providerId, Function.identity()));
        List<Supply> supplies = locked.stream().map(o -> supplyOf(o, providerById.get(o.providerId()))).toList();

        Map<UUID, Pending> pendingByVoucher = pending.stream()
                .collect(Collectors.toMap(p -> p.voucher.voucherId(), Function.identity()));
        List<Demand> demands = pending.stream().map(p -> p.voucher.demand(p.cardHours)).toList();
        for (MatchResult result : matcher.matchInApprovalOrder(demands, supplies)) {
            record(pendingByVoucher.get(result.demand().voucherId()), result, offeringById, now);
        }
    }

    private void record(Pending p, MatchResult result, Map<UUID, Offering> offeringById, OffsetDateTime now) {
        Allocation waitlisted = p.waitlisted;
        if (result.fills().isEmpty() && waitlisted != null) {
            return; // still nothing for it: it stays on the waitlist as it was
        }
        boolean first = true;
        for (Fill fill : result.fills()) {
            Offering offering = offeringById.get(fill.offeringId());
            Offering.Snapshot offeringBefore = offering.snapshot();
            offering.reserve(fill.cardHours(), now);
            audit.record(SYSTEM, "OFFERING_CAPACITY_RESERVED", "Offering", offering.offeringId(), offeringBefore,
                    offering.snapshot());
            String explanation = json(result.explanation().forOffering(fill.offeringId()));
            Allocation allocation;
            AllocationCreatedV1 created;
            if (first && waitlisted != null) {
                Allocation.Snapshot before = waitlisted.snapshot();
                created = waitlisted.proposeFromWaitlist(p.voucher, fill, explanation, now);
                allocation = waitlisted;
                audit.record(SYSTEM, "ALLOCATION_PROPOSED", "Allocation", allocation.allocationId(), before,
                        allocation.snapshot());
                // the converted entry must leave the waitlist before a new entry for the rest can join it
                allocations.flush();
            } else {
                allocation = Allocation.propose(UUID.randomUUID(), p.voucher, fill, explanation, now);
                allocations.persist(allocation);
                created = allocation.created();
                audit.record(SYSTEM, "ALLOCATION_PROPOSED", "Allocation", allocation.allocationId(), null,
                        allocation.snapshot());
            }
            first = false;
            outbox.append(Topics.ALLOCATION_EVENTS, allocation.allocationId().toString(), AllocationCreatedV1.TYPE,
                    allocation.allocationId().toString(), created);
        }
        if (!result.fullyServed()) {
            Allocation rest = Allocation.waitlist(UUID.randomUUID(), p.voucher, result.unservedCardHours(),
                    result.waitlistReason().name(), json(result.explanation()), now);
            allocations.persist(rest);
            audit.record(SYSTEM, "ALLOCATION_WAITLISTED", "Allocation", rest.allocationId(), null, rest.snapshot());
            AllocationWaitlistedV1 event = rest.waitlisted();
            outbox.append(Topics.ALLOCATION_EVENTS, p.voucher.voucherId().toString(), AllocationWaitlistedV1.TYPE,
                    p.voucher.voucherId().toString(), event);
        }
    }

    private static Supply supplyOf(Offering o, ProviderStanding p) {
        Supply.ProviderProfile profile = p == null ? null : new Supply.ProviderProfile(p.creditCode(), p.name(),
                p.isActive(), p.privatelyInvested(), Set.copyOf(p.programmeMemberships()),
                new HashSet<>(p.relatedParties()));
        return new Supply(o.offeringId(), o.version(), o.isPublished(), o.resourceClass(), o.unit(), o.domesticChip(),
                o.region(), o.units(), o.unitPriceFen(), o.availableFrom().toInstant(), o.availableTo().toInstant(),
                o.remainingUnitHours(), o.providerId(), profile);
    }

    private String json(Explanation explanation) {
        try {
            return mapper.writeValueAsString(explanation);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("explanation cannot be written as JSON", e);
        }
    }

    /** Demand still to be served: a voucher, how many card-hours, and its waitlist entry if it has one. */
    private record Pending(Voucher voucher, long cardHours, Allocation waitlisted) {
    }
}
