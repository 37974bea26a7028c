package cn.cvp.allocation.matching.events;

import java.util.UUID;

/** allocation.cancelled.v1 (key allocationId): the reservation is void and its capacity released. */
public record AllocationCancelledV1(UUID allocationId, UUID voucherId, UUID providerId, String reason) {
    public static final String TYPE = "allocation.cancelled.v1";
}
