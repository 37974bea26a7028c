package cn.cvp.allocation.matching.persistence;

import cn.cvp.allocation.matching.domain.Allocation;
import cn.cvp.allocation.matching.domain.AllocationStatus;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AllocationRepository implements PanacheRepositoryBase<Allocation, UUID> {

    /** The allocation's resource class (its pool), without loading or locking the allocation. */
    public String resourceClassOf(UUID allocationId) {
        return getEntityManager().createQuery("select a.resourceClass from Allocation a where a.allocationId = :id",
                        String.class).setParameter("id", allocationId).getResultStream().findFirst().orElse(null);
    }

    public Allocation lock(UUID allocationId) {
        return findById(allocationId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** These allocations (those that exist), locked in id order: two batches never wait for each other in a ring. */
    public Map<UUID, Allocation> lockAll(Collection<UUID> allocationIds) {
        if (allocationIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Allocation> locked = new HashMap<>();
        find("allocationId in ?1 order by allocationId", allocationIds).withLock(LockModeType.PESSIMISTIC_WRITE)
                .<Allocation>stream().forEach(a -> locked.put(a.allocationId(), a));
        return locked;
    }

    /** Waitlisted demand of a resource class, first approved first, locked (others skip it meanwhile). */
    public List<Allocation> lockWaitlisted(String resourceClass) {
        return find("resourceClass = ?1 and status = ?2 order by voucherApprovedAt, allocationId",
                resourceClass, AllocationStatus.WAITLISTED)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public List<Allocation> lockWaitlistedOfVoucher(UUID voucherId) {
        return find("voucherId = ?1 and status = ?2 order by allocationId", voucherId, AllocationStatus.WAITLISTED)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The waitlist entry of one demand: the voucher's own ({@code orderId} null), or an order's on it. */
    public List<Allocation> lockWaitlistedOfDemand(UUID voucherId, UUID orderId) {
        return (orderId == null
                ? find("voucherId = ?1 and orderId is null and status = ?2 order by allocationId", voucherId,
                        AllocationStatus.WAITLISTED)
                : find("voucherId = ?1 and orderId = ?2 and status = ?3 order by allocationId", voucherId, orderId,
                        AllocationStatus.WAITLISTED))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The order's reservations that still hold capacity (PROPOSED, HELD, ACTIVE), locked. */
    public List<Allocation> lockLiveOfOrder(UUID orderId) {
        return find("orderId = ?1 and status in ?2 order by allocationId", orderId, LIVE)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The voucher's reservations that still hold capacity (PROPOSED, HELD, ACTIVE), locked. */
    public List<Allocation> lockLiveOfVoucher(UUID voucherId) {
        return find("voucherId = ?1 and status in ?2 order by allocationId", voucherId, LIVE)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** An offering's reservations that still hold capacity, locked, first approved first. */
    public List<Allocation> lockLiveOfOffering(UUID offeringId) {
        return find("offeringId = ?1 and status in ?2 order by voucherApprovedAt, allocationId", offeringId, LIVE)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /**
     * HELD or ACTIVE allocations whose window ended before {@code endedBefore}, locked; rows locked by another
     * transaction (another instance completing them) are skipped.
     */
    public List<Allocation> lockEndedSkippingLocked(OffsetDateTime endedBefore, int limit) {
        @SuppressWarnings("unchecked")
        List<Allocation> ended = getEntityManager().createNativeQuery("""
                        select * from allocation where status in ('HELD', 'ACTIVE') and window_end < :endedBefore
                        order by window_end, allocation_id limit :limit for update skip locked""", Allocation.class)
                .setParameter("endedBefore", endedBefore).setParameter("limit", limit).getResultList();
        return ended;
    }

    private static final List<AllocationStatus> LIVE =
            List.of(AllocationStatus.PROPOSED, AllocationStatus.HELD, AllocationStatus.ACTIVE);

    /** Whether this allocation was made for this enterprise's voucher. */
    public boolean belongsTo(UUID allocationId, String enterpriseCreditCode) {
        return count("allocationId = ?1 and enterpriseCreditCode = ?2", allocationId, enterpriseCreditCode) > 0;
    }

    public List<Allocation> findByVoucher(UUID voucherId) {
        return list("voucherId", Sort.by("createdAt").and("allocationId"), voucherId);
    }

    /** A page of allocations, newest first, filtered by whatever is given. */
    public PanacheQuery<Allocation> search(String enterpriseCreditCode, UUID voucherId, UUID providerId,
                                           AllocationStatus status, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (enterpriseCreditCode != null) {
            where.add("enterpriseCreditCode = :enterprise");
            params = params.and("enterprise", enterpriseCreditCode);
        }
        if (voucherId != null) {
            where.add("voucherId = :voucherId");
            params = params.and("voucherId", voucherId);
        }
        if (providerId != null) {
            where.add("providerId = :providerId");
            params = params.and("providerId", providerId);
        }
        if (status != null) {
            where.add("status = :status");
            params = params.and("status", status);
        }
        Sort sort = Sort.by("createdAt", Sort.Direction.Descending).and("allocationId");
        PanacheQuery<Allocation> query = where.isEmpty()
                ? findAll(sort)
                : find(String.join(" and ", where), sort, params);
        return query.page(Page.of(page, size));
    }
}
