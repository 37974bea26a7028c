package cn.cvp.allocation.matching.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/** allocation.created.v1 (key allocationId): capacity was reserved for a voucher; voucher-service holds the subsidy. */
public record AllocationCreatedV1(
        UUID allocationId,
        UUID voucherId,
        UUID offeringId,
        int offeringVersion,
        UUID providerId,
        String enterpriseCreditCode,
        String resourceClass,
        String region,
        int units,
        long cardHours,
        long unitPriceFen,
        long amountFen,
        OffsetDateTime windowStart,
        OffsetDateTime windowEnd,
        String status) {
    public static final String TYPE = "allocation.created.v1";
}
