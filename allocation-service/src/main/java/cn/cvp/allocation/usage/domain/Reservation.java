package cn.cvp.allocation.usage.domain;

import cn.cvp.allocation.matching.domain.AllocationStatus;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What the usage rules need to know of an allocation and its voucher.
 *
 * @param units              cards reserved
 * @param cardHours          card-hours reserved
 * @param acceptedUnits      card-hours of usage accepted so far
 * @param acceptedSubsidyFen subsidy accepted so far (captured from the hold)
 * @param voucherActive      the voucher is neither frozen, revoked nor expired
 */
public record Reservation(
        UUID allocationId,
        UUID providerId,
        UUID voucherId,
        AllocationStatus status,
        OffsetDateTime windowStart,
        OffsetDateTime windowEnd,
        int units,
        long cardHours,
        long unitPriceFen,
        BigDecimal subsidyRatio,
        long holdFen,
        BigDecimal acceptedUnits,
        long acceptedSubsidyFen,
        boolean voucherActive) {
}
