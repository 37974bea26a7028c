package cn.cvp.provider.allocation.api;

import cn.cvp.provider.allocation.application.AllocationQueries;
import cn.cvp.provider.allocation.domain.ProviderAllocation;
import cn.cvp.provider.usage.domain.UsageTotals;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An allocation as the provider sees it, with what has been reported and accepted on it. Money in fen. {@code unit}
 * (CARD_HOUR, CORE_HOUR, TB_MONTH) is what {@code quantity}, the price and the reported / accepted usage are in;
 * {@code cardHours} is the quantity of a card-hour allocation only (null otherwise).
 */
public record AllocationView(UUID allocationId, UUID voucherId, UUID offeringId, Integer offeringVersion,
                             UUID providerId, String enterpriseCreditCode, String resourceClass, String region,
                             Integer units, String unit, Long quantity, Long cardHours, Long unitPriceFen, Long amountFen,
                             OffsetDateTime windowStart, OffsetDateTime windowEnd, String status, Long holdFen,
                             String cancelReason, long usageReports, BigDecimal reportedCardHours,
                             long reportedAmountFen, BigDecimal acceptedCardHours, long acceptedAmountFen,
                             OffsetDateTime updatedAt) {
    public static AllocationView of(AllocationQueries.AllocationWithUsage found) {
        ProviderAllocation a = found.allocation();
        UsageTotals u = found.usage();
        return new AllocationView(a.allocationId(), a.voucherId(), a.offeringId(), a.offeringVersion(),
                a.providerId(), a.enterpriseCreditCode(), a.resourceClass(), a.region(), a.units(), a.unit(), a.cardHours(),
                "CARD_HOUR".equals(a.unit()) ? a.cardHours() : null,
                a.unitPriceFen(), a.amountFen(), a.windowStart(), a.windowEnd(), a.status().name(), a.holdFen(),
                a.cancelReason(), u.reports(), u.reportedCardHours(), u.reportedAmountFen(), u.acceptedCardHours(),
                u.acceptedAmountFen(), a.updatedAt());
    }
}
