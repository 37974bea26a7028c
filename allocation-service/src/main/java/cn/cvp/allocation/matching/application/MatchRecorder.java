package cn.cvp.allocation.matching.application;

import cn.cvp.allocation.catalogue.domain.Offering;
import cn.cvp.allocation.matching.domain.Allocation;
import cn.cvp.allocation.matching.domain.Demand;
import cn.cvp.allocation.matching.domain.QuotaOrder;
import cn.cvp.allocation.matching.domain.Explanation;
import cn.cvp.allocation.matching.domain.Fill;
import cn.cvp.allocation.matching.domain.MatchResult;
import cn.cvp.allocation.matching.domain.Voucher;
import cn.cvp.allocation.matching.events.AllocationCreatedV1;
import cn.cvp.allocation.matching.events.AllocationWaitlistedV1;
import cn.cvp.allocation.matching.persistence.AllocationRepository;
import cn.cvp.allocation.support.Topics;
import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.outbox.Outbox;
import cn.cvp.kit.security.Actor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * Records what the matcher decided for one demand, inside the matching transaction: each fill reserves capacity
 * of its offering and becomes a PROPOSED allocation ({@code allocation.created.v1}) — the first one converting the
 * demand's waitlist entry, if it had one — and what could not be served becomes a WAITLISTED entry
 * ({@code allocation.waitlisted.v1}). Every change is audited.
 */
@ApplicationScoped
public class MatchRecorder {

    private static final Actor SYSTEM = Actor.system(Topics.SERVICE);

    private final AllocationRepository allocations;
    private final Outbox outbox;
    private final AuditLog audit;
    private final ObjectMapper mapper;

    public MatchRecorder(AllocationRepository allocations, Outbox outbox, AuditLog audit, ObjectMapper mapper) {
        this.allocations = allocations;
        this.outbox = outbox;
        this.audit = audit;
        this.mapper = mapper;
    }

    /**
     * Demand still to be served: a voucher — or an order placed on it, a quota — how many card-hours, and its
     * waitlist entry if it has one.
     */
    record Pending(Voucher voucher, QuotaOrder order, long cardHours, Allocation waitlisted) {
        Pending(Voucher voucher, long cardHours, Allocation waitlisted) {
            this(voucher, null, cardHours, waitlisted);
        }

        /** The demand's id as the matcher knows it: the order's, or the voucher's. */
        UUID demandId() {
            return order == null ? voucher.voucherId() : order.orderId();
        }

        Demand demand() {
            return order == null ? voucher.demand(cardHours) : voucher.demandOfOrder(order, cardHours);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void record(Pending p, MatchResult result, Map<UUID, Offering> offeringById, OffsetDateTime now) {
        Allocation waitlisted = p.waitlisted();
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
                created = waitlisted.proposeFromWaitlist(p.voucher(), p.order(), fill, explanation, now);
                allocation = waitlisted;
                audit.record(SYSTEM, "ALLOCATION_PROPOSED", "Allocation", allocation.allocationId(), before,
                        allocation.snapshot());
                // the converted entry must leave the waitlist before a new entry for the rest can join it
                allocations.flush();
            } else {
                allocation = Allocation.propose(UUID.randomUUID(), p.voucher(), p.order(), fill, explanation, now);
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
            Allocation rest = Allocation.waitlist(UUID.randomUUID(), p.voucher(), p.order(), result.unservedCardHours(),
                    result.waitlistReason().name(), json(result.explanation()), now);
            allocations.persist(rest);
            audit.record(SYSTEM, "ALLOCATION_WAITLISTED", "Allocation", rest.allocationId(), null, rest.snapshot());
            AllocationWaitlistedV1 event = rest.waitlisted();
            outbox.append(Topics.ALLOCATION_EVENTS, p.voucher().voucherId().toString(), AllocationWaitlistedV1.TYPE,
                    p.voucher().voucherId().toString(), event);
        }
    }

    private String json(Explanation explanation) {
        try {
            return mapper.writeValueAsString(explanation);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("explanation cannot be written as JSON", e);
        }
    }
}
