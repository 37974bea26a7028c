package cn.cvp.allocation.matching.events;

import java.util.UUID;

/**
 * allocation.completed.v1 (key allocationId): nothing more can be used of the reservation — every reserved
 * card-hour was used ({@code FULLY_USED}) or its window and the grace for late reports are over
 * ({@code WINDOW_ENDED}). voucher-service releases {@code unusedHoldFen}, what is left of the hold.
 */
public record AllocationCompletedV1(UUID allocationId, UUID voucherId, UUID providerId, String reason,
                                    long cardHours, String usedCardHours, long usedAmountFen, long subsidyFen,
                                    long holdFen, long unusedHoldFen) {
    public static final String TYPE = "allocation.completed.v1";
}
