package cn.cvp.allocation.matching.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * allocation.created.v1 (key allocationId): capacity was reserved for a voucher; voucher-service holds the subsidy.
 * {@code orderId}: the order of a quota (额度) the allocation serves, whose hold the subsidy comes out of; null for a
 * voucher's own demand.
 */
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
        String status,
        UUID orderId) {
    public static final String TYPE = "allocation.created.v1";
}
