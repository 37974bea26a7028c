package cn.cvp.allocation.matching.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.UUID;

/**
 * allocation.completed.v1 (key allocationId): nothing more can be used of the reservation — every reserved
 * card-hour was used ({@code FULLY_USED}) or its window and the grace for late reports are over
 * ({@code WINDOW_ENDED}). voucher-service releases {@code unusedHoldFen}, what is left of the hold.
 *
 * @param cardHours     reserved, only for a CARD_HOUR allocation; null (absent) otherwise
 * @param usedCardHours used (decimal string), only for a CARD_HOUR allocation
 * @param unit          CARD_HOUR, CORE_HOUR or TB_MONTH
 * @param quantity      reserved, in {@code unit}
 * @param usedQuantity  used, in {@code unit} (decimal string)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AllocationCompletedV1(UUID allocationId, UUID voucherId, UUID providerId, String reason,
                                    Long cardHours, String usedCardHours, long usedAmountFen, long subsidyFen,
                                    long holdFen, long unusedHoldFen, String unit, long quantity, String usedQuantity) {
    public static final String TYPE = "allocation.completed.v1";
}
