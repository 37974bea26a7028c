package cn.cvp.allocation.matching.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.UUID;

/**
 * allocation.waitlisted.v1 (key voucherId): part or all of a voucher's demand waits for capacity.
 *
 * @param cardHours the waiting quantity, only for a CARD_HOUR demand; null (absent) otherwise
 * @param unit      CARD_HOUR, CORE_HOUR or TB_MONTH
 * @param quantity  waiting, in {@code unit}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AllocationWaitlistedV1(UUID voucherId, String resourceClass, Long cardHours, String reason, String unit,
                                     long quantity) {
    public static final String TYPE = "allocation.waitlisted.v1";
}
