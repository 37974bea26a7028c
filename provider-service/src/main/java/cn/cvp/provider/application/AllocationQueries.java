package cn.cvp.provider.application;

import cn.cvp.kit.problem.ProblemException;
import cn.cvp.provider.domain.Provider;
import cn.cvp.provider.domain.ProviderAllocation;
import cn.cvp.provider.persistence.UsageReportStore;
import cn.cvp.provider.persistence.UsageReportStore.UsageTotals;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The provider's view of its allocations, with what has been reported and accepted on each. */
@ApplicationScoped
public class AllocationQueries {
    private final ProviderService providers;
    private final UsageReportStore usage;

    public AllocationQueries(ProviderService providers, UsageReportStore usage) {
        this.providers = providers;
        this.usage = usage;
    }

    /** An allocation with its usage so far. */
    public record AllocationWithUsage(ProviderAllocation allocation, UsageTotals usage) {
    }

    public List<AllocationWithUsage> list(Viewer viewer, Page page) {
        List<ProviderAllocation> found;
        Sort order = Sort.descending("createdAt").and("allocationId");
        if (viewer.seesAll()) {
            found = ProviderAllocation.<ProviderAllocation>findAll(order).page(page.index(), page.size()).list();
        } else {
            Optional<Provider> own = providers.findRegistered(viewer.organisation());
            if (own.isEmpty()) {
                return List.of();
            }
            found = ProviderAllocation.<ProviderAllocation>find("providerId", order, own.get().id)
                    .page(page.index(), page.size()).list();
        }
        Map<UUID, UsageTotals> totals = usage.totalsByAllocation(found.stream().map(a -> a.allocationId).toList());
        return found.stream()
                .map(a -> new AllocationWithUsage(a, totals.getOrDefault(a.allocationId, UsageTotals.NONE)))
                .toList();
    }

    public AllocationWithUsage get(Viewer viewer, UUID allocationId) {
        ProviderAllocation a = ProviderAllocation.<ProviderAllocation>findByIdOptional(allocationId)
                .filter(found -> viewer.seesAll() || providers.findRegistered(viewer.organisation())
                        .map(p -> p.id.equals(found.providerId)).orElse(false))
                .orElseThrow(() -> ProblemException.notFound("Allocation", allocationId));
        return new AllocationWithUsage(a,
                usage.totalsByAllocation(List.of(allocationId)).getOrDefault(allocationId, UsageTotals.NONE));
    }
}
