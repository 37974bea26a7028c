package cn.cvp.provider.allocation.application;

import cn.cvp.provider.allocation.domain.ProviderAllocation;

import java.util.UUID;

/** allocation.created.v1 (event {@code eventId}): allocation-service reserved capacity on one of the offerings. */
public record RecordAllocationCreated(String eventId, UUID allocationId, ProviderAllocation.Terms terms) {
}
