package cn.cvp.provider.allocation.application;

import java.util.UUID;

/** allocation.completed.v1 (event {@code eventId}): fully used or its window is over. */
public record RecordAllocationCompleted(String eventId, UUID allocationId, UUID voucherId, UUID providerId) {
}
