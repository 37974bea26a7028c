package cn.cvp.provider.allocation.application;

import cn.cvp.kit.domain.DomainException;
import cn.cvp.provider.allocation.domain.ProviderAllocation;
import cn.cvp.provider.allocation.persistence.ProviderAllocationRepository;
import cn.cvp.provider.provider.application.ProviderQueries;
import cn.cvp.provider.support.Page;
import cn.cvp.provider.support.Viewer;
import cn.cvp.provider.usage.application.UsageReportQueries;
import cn.cvp.provider.usage.domain.UsageTotals;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The provider's view of its allocations, with what has been reported and accepted on each (the usage context's
 * totals); and the allocations usage is reported against. Another provider's allocation answers 404.
 */
@ApplicationScoped
public class AllocationQueries {
    private final ProviderAllocationRepository allocations;
    private final ProviderQueries providers;
    private final UsageReportQueries usage;

    public AllocationQueries(ProviderAllocationRepository allocations, ProviderQueries providers,
                             UsageReportQueries usage) {
        this.allocations = allocations;
        this.providers = providers;
        this.usage = usage;
    }

    /** An allocation with its usage so far. */
    public record AllocationWithUsage(ProviderAllocation allocation, UsageTotals usage) {
    }

    /** Newest first: a provider's own, or all for administrators and auditors. */
    public List<AllocationWithUsage> list(Viewer viewer, Page page) {
        ProviderQueries.ListScope scope = providers.listScope(viewer);
        if (scope.nothing()) {
            return List.of();
        }
        UUID providerId = scope.providerId();
        List<ProviderAllocation> found = allocations.page(providerId, page);
        Map<UUID, UsageTotals> totals = usage.totalsByAllocation(found.stream().map(ProviderAllocation::allocationId)
                .toList());
        return found.stream()
                .map(a -> new AllocationWithUsage(a, totals.getOrDefault(a.allocationId(), UsageTotals.NONE)))
                .toList();
    }

    public AllocationWithUsage get(Viewer viewer, UUID allocationId) {
        ProviderAllocation a = allocations.findByIdOptional(allocationId)
                .filter(found -> viewer.seesAll() || providers.findRegistered(viewer.organisation())
                        .map(p -> p.id().equals(found.providerId())).orElse(false))
                .orElseThrow(() -> DomainException.notFound("Allocation", allocationId));
        return new AllocationWithUsage(a,
                usage.totalsByAllocation(List.of(allocationId)).getOrDefault(allocationId, UsageTotals.NONE));
    }

    /** The allocations with these ids that this service has heard of (any provider's). */
    public List<ProviderAllocation> byIds(Collection<UUID> allocationIds) {
        return allocations.byIds(allocationIds);
    }

    /** The allocation, if this service has heard of it (any provider's). */
    public Optional<ProviderAllocation> byId(UUID allocationId) {
        return allocations.findByIdOptional(allocationId);
    }
}
