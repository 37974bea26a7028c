package cn.cvp.allocation.matching.application;

import cn.cvp.allocation.matching.domain.Allocation;
import cn.cvp.allocation.matching.domain.AllocationStatus;
import cn.cvp.allocation.matching.persistence.AllocationRepository;
import cn.cvp.kit.domain.DomainException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** Read-only views of allocations for the API. */
@ApplicationScoped
public class AllocationQueries {

    private final AllocationRepository allocations;

    public AllocationQueries(AllocationRepository allocations) {
        this.allocations = allocations;
    }

    public Allocation get(UUID allocationId) {
        Allocation allocation = allocations.findById(allocationId);
        if (allocation == null) {
            throw DomainException.notFound("Allocation", allocationId);
        }
        return allocation;
    }

    public Page search(UUID voucherId, UUID providerId, AllocationStatus status, int page, int size) {
        PanacheQuery<Allocation> query = allocations.search(voucherId, providerId, status, page, size);
        return new Page(query.list(), page, size, query.count());
    }

    public record Page(List<Allocation> items, int page, int size, long total) {
    }
}
