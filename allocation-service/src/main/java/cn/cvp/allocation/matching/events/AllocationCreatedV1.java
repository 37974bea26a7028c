package cn.cvp.allocation.matching.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * allocation.created.v1 (key allocationId): capacity was reserved for a voucher; voucher-service holds the subsidy.
 * {@code orderId}: the order of a quota (额度) the allocation serves, whose hold the subsidy comes out of; null for a
 * voucher's own demand.
 *
 * @param units     cards, cores or TB reserved
 * @param cardHours the quantity, only for a CARD_HOUR allocation (as before units existed); null (absent) otherwise
 * @param unit      CARD_HOUR, CORE_HOUR or TB_MONTH
 * @param quantity  reserved, in {@code unit}; {@code amountFen} = quantity × unitPriceFen
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
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
        Long cardHours,
        long unitPriceFen,
        long amountFen,
        OffsetDateTime windowStart,
        OffsetDateTime windowEnd,
        String status,
        UUID orderId,
        String unit,
        long quantity) {
    public static final String TYPE = "allocation.created.v1";
}
