package cn.cvp.provider.allocation.persistence;

import cn.cvp.provider.allocation.domain.ProviderAllocation;
import cn.cvp.provider.support.Page;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ProviderAllocationRepository implements PanacheRepositoryBase<ProviderAllocation, UUID> {
    private static final Sort NEWEST_FIRST = Sort.descending("createdAt").and("allocationId");

    /** The view of an allocation, locked until the transaction ends; null if none was heard of yet. */
    public ProviderAllocation forUpdate(UUID allocationId) {
        return findById(allocationId, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<ProviderAllocation> byIds(Collection<UUID> allocationIds) {
        return allocationIds.isEmpty() ? List.of() : list("allocationId in ?1", allocationIds);
    }

    /** Allocations, newest first: of one provider, or of all (null). */
    public List<ProviderAllocation> page(UUID providerId, Page page) {
        return (providerId == null ? findAll(NEWEST_FIRST) : find("providerId", NEWEST_FIRST, providerId))
                .page(page.index(), page.size()).list();
    }
}
