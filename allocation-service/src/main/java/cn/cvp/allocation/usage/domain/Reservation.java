package cn.cvp.allocation.usage.domain;

import cn.cvp.allocation.catalogue.domain.BillingUnit;
import cn.cvp.allocation.matching.domain.AllocationStatus;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What the usage rules need to know of an allocation and its voucher.
 *
 * @param units              cards, cores or TB reserved
 * @param cardHours          the quantity reserved, in {@code unit} (card-hours, core-hours or TB-months)
 * @param acceptedUnits      usage accepted so far, in {@code unit}
 * @param acceptedSubsidyFen subsidy accepted so far (captured from the hold)
 * @param voucherActive      the voucher is neither frozen, revoked nor expired
 * @param voucherStatus      the voucher's status as of now (ACTIVE, FROZEN, REVOKED, EXPIRED, NOT_ACTIVE)
 * @param voucherValidUntil  when the voucher expires (null: no end known)
 * @param relatedParty       the provider and the enterprise are related parties as known now (the provider's
 *                           standing may have changed since the allocation was made)
 * @param unit               CARD_HOUR, CORE_HOUR or TB_MONTH: what the reservation, its price and its usage
 *                           reports are counted in
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
        boolean voucherActive,
        String voucherStatus,
        OffsetDateTime voucherValidUntil,
        boolean relatedParty,
        String unit) {

    /** A card-hour reservation. */
    public Reservation(UUID allocationId, UUID providerId, UUID voucherId, AllocationStatus status,
                       OffsetDateTime windowStart, OffsetDateTime windowEnd, int units, long cardHours, long unitPriceFen,
                       BigDecimal subsidyRatio, long holdFen, BigDecimal acceptedUnits, long acceptedSubsidyFen,
                       boolean voucherActive, String voucherStatus, OffsetDateTime voucherValidUntil,
                       boolean relatedParty) {
        this(allocationId, providerId, voucherId, status, windowStart, windowEnd, units, cardHours, unitPriceFen,
                subsidyRatio, holdFen, acceptedUnits, acceptedSubsidyFen, voucherActive, voucherStatus,
                voucherValidUntil, relatedParty, "CARD_HOUR");
    }

    /** The unit the usage rules count in (an unknown one counts in hours, as card-hours did). */
    public BillingUnit billingUnit() {
        return BillingUnit.of(unit).orElse(BillingUnit.CARD_HOUR);
    }

    /** A reservation on an ACTIVE (or not active, status unknown) voucher with no expiry and no related party. */
    public Reservation(UUID allocationId, UUID providerId, UUID voucherId, AllocationStatus status,
                       OffsetDateTime windowStart, OffsetDateTime windowEnd, int units, long cardHours, long unitPriceFen,
                       BigDecimal subsidyRatio, long holdFen, BigDecimal acceptedUnits, long acceptedSubsidyFen,
                       boolean voucherActive) {
        this(allocationId, providerId, voucherId, status, windowStart, windowEnd, units, cardHours, unitPriceFen,
                subsidyRatio, holdFen, acceptedUnits, acceptedSubsidyFen, voucherActive,
                voucherActive ? "ACTIVE" : "NOT_ACTIVE", null, false, "CARD_HOUR");
    }
}
