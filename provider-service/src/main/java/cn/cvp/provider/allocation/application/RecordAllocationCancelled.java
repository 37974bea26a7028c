package cn.cvp.provider.allocation.application;

import java.util.UUID;

/** allocation.cancelled.v1 (event {@code eventId}): no usage can be reported any more. */
public record RecordAllocationCancelled(String eventId, UUID allocationId, UUID voucherId, UUID providerId,
                                        String reason) {
}
