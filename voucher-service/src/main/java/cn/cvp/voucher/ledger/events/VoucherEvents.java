package cn.cvp.voucher.ledger.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The events voucher-service publishes on {@code voucher.events}, key = the voucher id (JSON Schemas and examples under
 * {@code src/main/resources/events}; consumers test against the examples).
 */
public final class VoucherEvents {
    public static final String TOPIC = "voucher.events";
    public static final String ISSUED = "voucher.issued.v1";
    public static final String HOLD_PLACED = "voucher.hold-placed.v1";
    public static final String HOLD_REJECTED = "voucher.hold-rejected.v1";
    public static final String DEBITED = "voucher.debited.v1";
    public static final String FROZEN = "voucher.frozen.v1";
    public static final String UNFROZEN = "voucher.unfrozen.v1";
    public static final String REVOKED = "voucher.revoked.v1";
    public static final String EXPIRED = "voucher.expired.v1";
    public static final String ORDER_PLACED = "order.placed.v1";
    public static final String ORDER_CANCELLED = "order.cancelled.v1";

    private VoucherEvents() {
    }

    /**
     * voucher.issued.v1 {@code demand}: {@code quantity} in {@code unit} (CARD_HOUR, CORE_HOUR, TB_MONTH);
     * {@code cardHours} repeats the quantity of a card-hour demand only (absent otherwise), as consumers from before
     * units read it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Demand(String resourceClass, Long cardHours, List<String> regions,
                         OffsetDateTime windowStart, OffsetDateTime windowEnd, String unit, long quantity) {

        public static Demand of(String resourceClass, String unit, long quantity, List<String> regions,
                                OffsetDateTime windowStart, OffsetDateTime windowEnd) {
            return new Demand(resourceClass, "CARD_HOUR".equals(unit) ? quantity : null, regions, windowStart,
                    windowEnd, unit, quantity);
        }
    }

    /**
     * @param contractProviderCreditCode the provider the application's contract was signed with, for a contract-first
     *                                   programme's voucher (allocation-service then matches only its offerings);
     *                                   null otherwise
     */
    public record VoucherIssuedV1(UUID voucherId, UUID applicationId, UUID programmeId, String programmeCode,
                                  String enterpriseCreditCode, List<String> enterpriseRelatedParties,
                                  long faceValueFen, String subsidyRatio, String domesticChipSubsidyRatio,
                                  List<String> providerRequirements, OffsetDateTime approvedAt,
                                  OffsetDateTime validUntil, Demand demand, boolean quota,
                                  String contractProviderCreditCode) {
    }

    /**
     * The compute an order is for: {@code quantity} in {@code unit} (the resource class's), {@code cardHours} the same
     * for a card-hour order only (absent otherwise); {@code providerCreditCode} optional (a provider the enterprise
     * chose).
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record OrderDemand(String resourceClass, String unit, long quantity, Long cardHours, List<String> regions,
                              OffsetDateTime windowStart, OffsetDateTime windowEnd, String providerCreditCode) {
        public static OrderDemand of(String resourceClass, String unit, long quantity, List<String> regions,
                                     OffsetDateTime windowStart, OffsetDateTime windowEnd, String providerCreditCode) {
            return new OrderDemand(resourceClass, unit, quantity, "CARD_HOUR".equals(unit) ? quantity : null, regions,
                    windowStart, windowEnd, providerCreditCode);
        }
    }

    /**
     * order.placed.v1 (key: the quota's voucherId): an order holds {@code holdFen} of the quota — the subsidy ceiling
     * of the allocations matched to it; {@code quotaAvailableFen} is what is left of the quota for new orders.
     */
    public record OrderPlacedV1(UUID orderId, UUID voucherId, UUID programmeId, String programmeCode,
                                String enterpriseCreditCode, long amountFen, String subsidyRatio, long holdFen,
                                long quotaAvailableFen, OffsetDateTime placedAt, OrderDemand demand) {
    }

    /** order.cancelled.v1 (key: the quota's voucherId): {@code returnedFen} of its hold went back to the quota. */
    public record OrderCancelledV1(UUID orderId, UUID voucherId, UUID programmeId, String enterpriseCreditCode,
                                   long holdFen, long returnedFen, long quotaAvailableFen,
                                   OffsetDateTime cancelledAt) {
    }

    public record HoldPlacedV1(UUID voucherId, UUID allocationId, long holdFen, long availableFen) {
    }

    public record HoldRejectedV1(UUID voucherId, UUID allocationId, String reason) {
    }

    /** Data of voucher.frozen.v1, voucher.unfrozen.v1, voucher.revoked.v1 and voucher.expired.v1. */
    public record VoucherStatusChangedV1(UUID voucherId, String status, String previousStatus, String reason,
                                         long returnedFen, List<UUID> releasedAllocationIds) {
    }

    public record VoucherDebitedV1(UUID voucherId, UUID allocationId, UUID usageReportId, long amountFen,
                                   long subsidyFen, long coPaymentFen, long balanceFen) {
    }
}
