package cn.cvp.allocation.matching.application;

import cn.cvp.allocation.catalogue.domain.CapacityAppeared;
import cn.cvp.allocation.catalogue.domain.Offering;
import cn.cvp.allocation.catalogue.domain.ProviderStanding;
import cn.cvp.allocation.catalogue.application.Catalogue;
import cn.cvp.allocation.matching.domain.Allocation;
import cn.cvp.allocation.matching.domain.Demand;
import cn.cvp.allocation.matching.domain.MatchResult;
import cn.cvp.allocation.matching.domain.QuotaOrder;
import cn.cvp.allocation.matching.domain.Matcher;
import cn.cvp.allocation.matching.domain.Supply;
import cn.cvp.allocation.matching.domain.Voucher;
import cn.cvp.allocation.matching.persistence.AllocationRepository;
import cn.cvp.allocation.matching.persistence.QuotaOrderRepository;
import cn.cvp.allocation.matching.persistence.VoucherRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
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
 * Matching within one resource pool (the capacity of one resource class): the pool is locked across instances
 * ({@link Catalogue#lockPool}), its published offerings are locked for the transaction, the in-memory {@link Matcher}
 * decides, and {@link MatchRecorder} records the reservations, allocations and their events in the same
 * transaction. Waitlisted demand of a class is matched again whenever capacity of it may have appeared.
 */
@ApplicationScoped
public class PoolMatching {

    private static final Logger LOG = Logger.getLogger(PoolMatching.class);

    private final VoucherRepository vouchers;
    private final QuotaOrderRepository orders;
    private final AllocationRepository allocations;
    private final Catalogue catalogue;
    private final MatchRecorder recorder;
    private final Clock clock;
    private final Matcher matcher;

    public PoolMatching(VoucherRepository vouchers, QuotaOrderRepository orders, AllocationRepository allocations,
                        Catalogue catalogue, MatchRecorder recorder, Clock clock, MatchingConfig config) {
        this.vouchers = vouchers;
        this.orders = orders;
        this.allocations = allocations;
        this.catalogue = catalogue;
        this.recorder = recorder;
        this.clock = clock;
        this.matcher = new Matcher(config.explainedCandidates());
    }

    /** Serializes capacity changes of the resource class across instances (see {@link Catalogue#lockPool}). */
    public void lockPool(String resourceClass) {
        catalogue.lockPool(resourceClass);
    }

    /** Matches the whole demand of a voucher just recorded (its pool already locked). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void matchNew(Voucher voucher, OffsetDateTime now) {
        allocate(voucher.demandResourceClass(),
                List.of(new MatchRecorder.Pending(voucher, voucher.demandCardHours(), null)), now);
    }

    /** Matches the whole demand of an order just recorded on a quota (its pool already locked). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void matchNewOrder(Voucher quota, QuotaOrder order, OffsetDateTime now) {
        allocate(order.resourceClass(), List.of(new MatchRecorder.Pending(quota, order, order.cardHours(), null)), now);
    }

    void onCapacityAppeared(@Observes CapacityAppeared event) {
        LOG.debugf("re-matching waitlisted %s demand: %s", event.resourceClass(), event.cause());
        rematchWaitlisted(event.resourceClass());
    }

    /** Tries the waitlisted demand of a resource class again, first approved first served. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rematchWaitlisted(String resourceClass) {
        catalogue.lockPool(resourceClass);
        List<Allocation> waiting = allocations.lockWaitlisted(resourceClass);
        if (waiting.isEmpty()) {
            return;
        }
        Map<UUID, Voucher> byId = vouchers.findByIds(waiting.stream().map(Allocation::voucherId).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(Voucher::voucherId, Function.identity()));
        Map<UUID, QuotaOrder> orderById = orders.findByIds(waiting.stream().map(Allocation::orderId)
                        .filter(java.util.Objects::nonNull).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(QuotaOrder::orderId, Function.identity()));
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<MatchRecorder.Pending> pending = new ArrayList<>();
        for (Allocation w : waiting) {
            Voucher v = byId.get(w.voucherId());
            if (v == null || !v.isActiveAt(now)) { // a frozen, revoked or expired voucher waits in vain
                continue;
            }
            if (w.orderId() == null) {
                pending.add(new MatchRecorder.Pending(v, w.cardHours(), w));
            } else {
                QuotaOrder order = orderById.get(w.orderId());
                if (order != null && order.isPlaced()) { // a cancelled order's entry waits in vain
                    pending.add(new MatchRecorder.Pending(v, order, w.cardHours(), w));
                }
            }
        }
        allocate(resourceClass, pending, now);
    }

    private void allocate(String resourceClass, List<MatchRecorder.Pending> pending, OffsetDateTime now) {
        if (pending.isEmpty()) {
            return;
        }
        List<Offering> locked = catalogue.lockPublished(resourceClass);
        Map<UUID, Offering> offeringById = locked.stream()
                .collect(Collectors.toMap(Offering::offeringId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<UUID, ProviderStanding> providerById = catalogue.providers(
                        locked.stream().map(Offering::providerId).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(ProviderStanding::providerId, Function.identity()));
        List<Supply> supplies = locked.stream().map(o -> supplyOf(o, providerById.get(o.providerId()))).toList();

        // the matcher knows a demand by its voucher's id, or by its order's for an order placed on a quota
        Map<UUID, MatchRecorder.Pending> pendingByDemand = pending.stream()
                .collect(Collectors.toMap(MatchRecorder.Pending::demandId, Function.identity()));
        List<Demand> demands = pending.stream().map(MatchRecorder.Pending::demand).toList();
        for (MatchResult result : matcher.matchInApprovalOrder(demands, supplies)) {
            recorder.record(pendingByDemand.get(result.demand().voucherId()), result, offeringById, now);
        }
    }

    /** An offering and its provider's standing as the matcher sees them. */
    private static Supply supplyOf(Offering o, ProviderStanding p) {
        Supply.ProviderProfile profile = p == null ? null : new Supply.ProviderProfile(p.creditCode(), p.name(),
                p.isActive(), p.privatelyInvested(), Set.copyOf(p.programmeMemberships()),
                new HashSet<>(p.relatedParties()));
        return new Supply(o.offeringId(), o.version(), o.isPublished(), o.resourceClass(), o.unit(), o.domesticChip(),
                o.region(), o.units(), o.unitPriceFen(), o.availableFrom().toInstant(), o.availableTo().toInstant(),
                o.remainingUnitHours(), o.providerId(), profile);
    }
}
