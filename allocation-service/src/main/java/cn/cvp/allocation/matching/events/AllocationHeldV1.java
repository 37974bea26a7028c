package cn.cvp.allocation.matching.events;

import java.util.UUID;

/** allocation.held.v1 (key allocationId): the subsidy is held on the voucher; the provider may deliver. */
public record AllocationHeldV1(UUID allocationId, UUID voucherId, UUID providerId, long holdFen) {
    public static final String TYPE = "allocation.held.v1";
}
