package cn.cvp.provider.allocation.application;

import java.util.UUID;

/** allocation.held.v1 (event {@code eventId}): voucher-service holds the subsidy; usage can be reported. */
public record RecordAllocationHeld(String eventId, UUID allocationId, UUID voucherId, UUID providerId, long holdFen) {
}
