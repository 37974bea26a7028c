package cn.cvp.allocation.matching.application;

import cn.cvp.allocation.catalogue.application.Catalogue;
import cn.cvp.allocation.catalogue.domain.ProviderStanding;
import cn.cvp.allocation.matching.domain.Allocation;
import cn.cvp.allocation.matching.domain.AllocationStatus;
import cn.cvp.allocation.matching.persistence.AllocationRepository;
import cn.cvp.kit.domain.DomainException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Read-only views of allocations for the API. Staff see every allocation; an enterprise sees only those made for
 * its own vouchers (another's is "not found", never "forbidden", so ids reveal nothing).
 */
@ApplicationScoped
public class AllocationQueries {

    private final AllocationRepository allocations;
    private final Catalogue catalogue;

    public AllocationQueries(AllocationRepository allocations, Catalogue catalogue) {
        this.allocations = allocations;
        this.catalogue = catalogue;
    }

    /**
     * One allocation.
     *
     * @param enterpriseCreditCode the enterprise asking (only its own allocations are found), or null for staff
     */
    public Allocation get(UUID allocationId, String enterpriseCreditCode) {
        Allocation allocation = allocations.findById(allocationId);
        if (allocation == null
                || (enterpriseCreditCode != null && !enterpriseCreditCode.equals(allocation.enterpriseCreditCode()))) {
            throw DomainException.notFound("Allocation", allocationId);
        }
        return allocation;
    }

    /** Whether the enterprise may see what happened on this allocation (its usage decisions). */
    public boolean visibleTo(UUID allocationId, String enterpriseCreditCode) {
        return enterpriseCreditCode == null || allocations.belongsTo(allocationId, enterpriseCreditCode);
    }

    /** @param enterpriseCreditCode only this enterprise's allocations, or null for all */
    public Page search(String enterpriseCreditCode, UUID voucherId, UUID providerId, AllocationStatus status,
                       int page, int size) {
        PanacheQuery<Allocation> query = allocations.search(enterpriseCreditCode, voucherId, providerId, status,
                page, size);
        return new Page(query.list(), page, size, query.count());
    }

    /** The names of the providers of these allocations (waitlist entries have none), by provider id. */
    public Map<UUID, String> providerNames(List<Allocation> items) {
        List<UUID> ids = items.stream().map(Allocation::providerId).filter(Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return catalogue.providers(ids).stream()
                .collect(Collectors.toMap(ProviderStanding::providerId, ProviderStanding::name));
    }

    public record Page(List<Allocation> items, int page, int size, long total) {
    }
}
