package cn.cvp.provider.usage.domain;

import cn.cvp.provider.allocation.domain.AllocationStatus;
import cn.cvp.provider.allocation.domain.ProviderAllocation;

import java.util.UUID;

/** What usage intake needs to know of the allocation a record is reported against: whose it is, and its status. */
public record Reservation(UUID allocationId, UUID providerId, AllocationStatus status) {
    public static Reservation of(ProviderAllocation a) {
        return new Reservation(a.allocationId(), a.providerId(), a.status());
    }
}
