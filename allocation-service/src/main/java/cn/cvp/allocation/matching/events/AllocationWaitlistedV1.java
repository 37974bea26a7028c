package cn.cvp.allocation.matching.events;

import java.util.UUID;

/** allocation.waitlisted.v1 (key voucherId): part or all of a voucher's demand waits for capacity. */
public record AllocationWaitlistedV1(UUID voucherId, String resourceClass, long cardHours, String reason) {
    public static final String TYPE = "allocation.waitlisted.v1";
}
