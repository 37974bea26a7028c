package cn.cvp.allocation.matching.domain;

import cn.cvp.allocation.catalogue.domain.BillingUnit;
import cn.cvp.allocation.matching.events.AllocationCancelledV1;
import cn.cvp.allocation.matching.events.AllocationCompletedV1;
import cn.cvp.allocation.matching.events.AllocationCreatedV1;
import cn.cvp.allocation.matching.events.AllocationHeldV1;
import cn.cvp.allocation.matching.events.AllocationWaitlistedV1;
import cn.cvp.kit.time.ClockProducer;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * An allocation: capacity of one offering reserved for part of a voucher's demand — or, while
 * {@link AllocationStatus#WAITLISTED}, the part of a demand nothing could serve yet. Each method checks the
 * current state before changing it and returns the event the change causes.
 */
@Entity
@Table(name = "allocation")
public class Allocation {

    @Id
    @Column(name = "allocation_id")
    private UUID allocationId;
    @Column(name = "voucher_id", nullable = false)
    private UUID voucherId;
    @Column(name = "voucher_approved_at", nullable = false)
    private OffsetDateTime voucherApprovedAt;
    /** The order of a quota this allocation serves (null for a voucher's own demand). */
    @Column(name = "order_id")
    private UUID orderId;
    @Column(name = "offering_id")
    private UUID offeringId;
    @Column(name = "offering_version")
    private Integer offeringVersion;
    @Column(name = "provider_id")
    private UUID providerId;
    @Column(name = "enterprise_credit_code", nullable = false)
    private String enterpriseCreditCode;
    @Column(name = "resource_class", nullable = false)
    private String resourceClass;
    private String region;
    @Column(name = "domestic_chip")
    private Boolean domesticChip;
    /** cards, cores or TB reserved */
    @Column(nullable = false)
    private int units;
    /** CARD_HOUR, CORE_HOUR or TB_MONTH: what {@link #cardHours} and the price are counted in */
    @Column(nullable = false)
    private String unit = Supply.CARD_HOUR;
    /** the quantity reserved (or waiting), in {@link #unit}; the column keeps its first name */
    @Column(name = "card_hours", nullable = false)
    private long cardHours;
    @Column(name = "unit_price_fen")
    private Long unitPriceFen;
    @Column(name = "amount_fen")
    private Long amountFen;
    @Column(name = "subsidy_ratio")
    private BigDecimal subsidyRatio;
    @Column(name = "window_start")
    private OffsetDateTime windowStart;
    @Column(name = "window_end")
    private OffsetDateTime windowEnd;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AllocationStatus status;
    @Column(name = "hold_fen")
    private Long holdFen;
    @Column(name = "accepted_units", nullable = false)
    private BigDecimal acceptedUnits = BigDecimal.ZERO;
    @Column(name = "accepted_amount_fen", nullable = false)
    private long acceptedAmountFen;
    @Column(name = "accepted_subsidy_fen", nullable = false)
    private long acceptedSubsidyFen;
    @Column(name = "status_reason")
    private String statusReason;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    private String explanation;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;
    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;
    @Version
    private long version;

    /** Why an allocation completed: every reserved card-hour used. */
    public static final String FULLY_USED = "FULLY_USED";
    /** Why an allocation completed: its window and the grace for late usage reports are over. */
    public static final String WINDOW_ENDED = "WINDOW_ENDED";

    protected Allocation() {
    }

    /** A new reservation for part of a voucher's demand: PROPOSED until voucher-service holds the subsidy. */
    public static Allocation propose(UUID allocationId, Voucher voucher, Fill fill, String explanationJson,
                                     OffsetDateTime now) {
        return propose(allocationId, voucher, null, fill, explanationJson, now);
    }

    /**
     * A new reservation for part of a voucher's demand or, with {@code order}, of an order placed on the voucher (a
     * quota): the allocation belongs to the voucher, names the order, is served in the order's turn and subsidised
     * at the order's ratio.
     */
    public static Allocation propose(UUID allocationId, Voucher voucher, QuotaOrder order, Fill fill,
                                     String explanationJson, OffsetDateTime now) {
        Allocation a = new Allocation();
        a.allocationId = allocationId;
        a.voucherId = voucher.voucherId();
        a.orderId = order == null ? null : order.orderId();
        a.voucherApprovedAt = order == null ? voucher.approvedAt() : order.placedAt();
        a.enterpriseCreditCode = voucher.enterpriseCreditCode();
        a.resourceClass = fill.resourceClass();
        a.createdAt = now;
        a.applyFill(voucher, order, fill, explanationJson, now);
        return a;
    }

    /** The part of a voucher's demand that nothing could serve yet. */
    public static Allocation waitlist(UUID allocationId, Voucher voucher, long unservedCardHours, String reason,
                                      String explanationJson, OffsetDateTime now) {
        return waitlist(allocationId, voucher, null, unservedCardHours, reason, explanationJson, now);
    }

    /** The part of a voucher's demand — or of the demand of an order placed on it — that nothing could serve yet. */
    public static Allocation waitlist(UUID allocationId, Voucher voucher, QuotaOrder order, long unservedCardHours,
                                      String reason, String explanationJson, OffsetDateTime now) {
        Allocation a = new Allocation();
        a.allocationId = allocationId;
        a.voucherId = voucher.voucherId();
        a.orderId = order == null ? null : order.orderId();
        a.voucherApprovedAt = order == null ? voucher.approvedAt() : order.placedAt();
        a.enterpriseCreditCode = voucher.enterpriseCreditCode();
        a.resourceClass = order == null ? voucher.demandResourceClass() : order.resourceClass();
        a.unit = order == null ? voucher.demandUnit() : order.unit();
        a.units = 0;
        a.cardHours = unservedCardHours;
        a.status = AllocationStatus.WAITLISTED;
        a.statusReason = reason;
        a.explanation = explanationJson;
        a.createdAt = now;
        a.updatedAt = now;
        return a;
    }

    /** WAITLISTED → PROPOSED: capacity appeared for this waitlisted demand (or the first part of it). */
    public AllocationCreatedV1 proposeFromWaitlist(Voucher voucher, Fill fill, String explanationJson,
                                                   OffsetDateTime now) {
        return proposeFromWaitlist(voucher, null, fill, explanationJson, now);
    }

    /** WAITLISTED → PROPOSED, for a voucher's demand or (with {@code order}, the entry's own) an order's. */
    public AllocationCreatedV1 proposeFromWaitlist(Voucher voucher, QuotaOrder order, Fill fill,
                                                   String explanationJson, OffsetDateTime now) {
        if (order != null && !order.orderId().equals(orderId)) {
            throw new IllegalArgumentException("waitlist entry " + allocationId + " is not of order " + order.orderId());
        }
        requireStatus(EnumSet.of(AllocationStatus.WAITLISTED), "proposed from the waitlist");
        if (fill.cardHours() > cardHours) {
            throw new IllegalArgumentException("a fill of " + fill.cardHours() + " card-hours exceeds the "
                    + cardHours + " waitlisted");
        }
        applyFill(voucher, order, fill, explanationJson, now);
        return created();
    }

    private void applyFill(Voucher voucher, QuotaOrder order, Fill fill, String explanationJson, OffsetDateTime now) {
        offeringId = fill.offeringId();
        offeringVersion = fill.offeringVersion();
        providerId = fill.providerId();
        region = fill.region();
        domesticChip = fill.domesticChip();
        units = fill.units();
        unit = fill.unit();
        cardHours = fill.cardHours();
        unitPriceFen = fill.unitPriceFen();
        amountFen = fill.amountFen();
        subsidyRatio = order == null ? voucher.subsidyRatio() : order.subsidyRatio();
        windowStart = fill.windowStart().atOffset(ZoneOffset.UTC);
        windowEnd = fill.windowEnd().atOffset(ZoneOffset.UTC);
        status = AllocationStatus.PROPOSED;
        statusReason = null;
        explanation = explanationJson;
        updatedAt = now;
    }

    public AllocationCreatedV1 created() {
        return new AllocationCreatedV1(allocationId, voucherId, offeringId, offeringVersion, providerId,
                enterpriseCreditCode, resourceClass, region, units, cardHoursOrNull(cardHours), unitPriceFen, amountFen,
                inProgrammeZone(windowStart), inProgrammeZone(windowEnd), AllocationStatus.PROPOSED.name(), orderId,
                unit, cardHours);
    }

    /** Events keep {@code cardHours} for card-hour allocations only (unit and quantity are always there). */
    private Long cardHoursOrNull(long quantity) {
        return Supply.CARD_HOUR.equals(unit) ? quantity : null;
    }

    public AllocationWaitlistedV1 waitlisted() {
        requireStatus(EnumSet.of(AllocationStatus.WAITLISTED), "reported as waitlisted");
        return new AllocationWaitlistedV1(voucherId, resourceClass, cardHoursOrNull(cardHours), statusReason, unit,
                cardHours);
    }

    /** PROPOSED → HELD: voucher-service holds the subsidy on the voucher. */
    public AllocationHeldV1 hold(long holdFen, OffsetDateTime now) {
        requireStatus(EnumSet.of(AllocationStatus.PROPOSED), "held");
        if (holdFen < 0) {
            throw new IllegalArgumentException("a hold cannot be negative");
        }
        this.holdFen = holdFen;
        this.status = AllocationStatus.HELD;
        this.updatedAt = now;
        return new AllocationHeldV1(allocationId, voucherId, providerId, holdFen);
    }

    /** PROPOSED → CANCELLED: the hold was refused. The caller releases the reserved capacity. */
    public AllocationCancelledV1 cancel(String reason, OffsetDateTime now) {
        requireStatus(EnumSet.of(AllocationStatus.PROPOSED), "cancelled");
        this.status = AllocationStatus.CANCELLED;
        this.statusReason = reason;
        this.updatedAt = now;
        return new AllocationCancelledV1(allocationId, voucherId, providerId, reason);
    }

    /**
     * PROPOSED, HELD or ACTIVE → CANCELLED: the voucher was revoked or expired, or the offering withdrawn.
     * Usage already accepted stays accepted; the caller releases {@link #unusedFutureCardHours} of the offering.
     */
    public AllocationCancelledV1 terminate(String reason, OffsetDateTime now) {
        requireStatus(EnumSet.of(AllocationStatus.PROPOSED, AllocationStatus.HELD, AllocationStatus.ACTIVE), "cancelled");
        this.status = AllocationStatus.CANCELLED;
        this.statusReason = reason;
        this.updatedAt = now;
        return new AllocationCancelledV1(allocationId, voucherId, providerId, reason);
    }

    /**
     * The part of the reservation that can still be given to someone else: what is not used yet
     * (quantity − accepted usage, rounded up), and no more than the reserved cards, cores or TB can deliver in the
     * whole unit-periods (hours; 30-day months for TB-months) of the window still ahead. Capacity of periods that
     * have passed is gone either way.
     */
    public long unusedFutureCardHours(OffsetDateTime now) {
        if (windowEnd == null || !now.isBefore(windowEnd)) {
            return 0;
        }
        long unused = cardHours - acceptedUnits.setScale(0, java.math.RoundingMode.CEILING).longValueExact();
        OffsetDateTime from = windowStart != null && windowStart.isAfter(now) ? windowStart : now;
        long futurePeriods = BillingUnit.of(unit).orElse(BillingUnit.CARD_HOUR)
                .wholePeriods(from.toInstant(), windowEnd.toInstant());
        return Math.max(0, Math.min(unused, Math.multiplyExact((long) units, futurePeriods)));
    }

    /**
     * HELD or ACTIVE → COMPLETED: the window (and the grace for late usage reports) is over. Nothing more can be
     * used; voucher-service releases what is left of the hold. Capacity of hours that have passed is gone, so
     * nothing goes back to the offering.
     */
    public AllocationCompletedV1 complete(String reason, OffsetDateTime now) {
        requireStatus(EnumSet.of(AllocationStatus.HELD, AllocationStatus.ACTIVE), "completed");
        this.status = AllocationStatus.COMPLETED;
        this.statusReason = reason;
        this.updatedAt = now;
        return completed();
    }

    /** What a COMPLETED allocation reports: what was used of it and what of the hold is left to release. */
    public AllocationCompletedV1 completed() {
        requireStatus(EnumSet.of(AllocationStatus.COMPLETED), "reported as completed");
        long hold = holdFen == null ? 0 : holdFen;
        boolean cardHour = Supply.CARD_HOUR.equals(unit);
        return new AllocationCompletedV1(allocationId, voucherId, providerId, statusReason, cardHoursOrNull(cardHours),
                cardHour ? acceptedUnits.toPlainString() : null, acceptedAmountFen, acceptedSubsidyFen, hold,
                hold - acceptedSubsidyFen, unit, cardHours, acceptedUnits.toPlainString());
    }

    /** Not used at all yet: no usage accepted. */
    public boolean unused() {
        return acceptedUnits.signum() == 0;
    }

    /** WAITLISTED, more card-hours: a cancelled reservation's demand joins the voucher's waiting rest. */
    public void addToWaitlist(long moreCardHours, OffsetDateTime now) {
        requireStatus(EnumSet.of(AllocationStatus.WAITLISTED), "extended");
        if (moreCardHours <= 0) {
            throw new IllegalArgumentException("nothing to add to the waitlist");
        }
        cardHours = Math.addExact(cardHours, moreCardHours);
        updatedAt = now;
    }

    /** WAITLISTED → CANCELLED: the voucher can no longer be served (its holds are refused). No event: nothing was held. */
    public void closeWaitlist(String reason, OffsetDateTime now) {
        requireStatus(EnumSet.of(AllocationStatus.WAITLISTED), "taken off the waitlist");
        this.status = AllocationStatus.CANCELLED;
        this.statusReason = reason;
        this.updatedAt = now;
    }

    /**
     * Accepted usage (HELD → ACTIVE; → COMPLETED once every reserved card-hour is used: then the caller publishes
     * {@link #completed()}). The usage rules ran before: this only refuses what would break the reservation itself.
     */
    public void recordAcceptedUsage(BigDecimal usedUnits, long amountFen, long subsidyFen, OffsetDateTime now) {
        requireStatus(EnumSet.of(AllocationStatus.HELD, AllocationStatus.ACTIVE), "used");
        BigDecimal total = acceptedUnits.add(usedUnits);
        if (total.compareTo(BigDecimal.valueOf(cardHours)) > 0) {
            throw new IllegalArgumentException("usage beyond the " + cardHours + " reserved " + unit);
        }
        if (acceptedSubsidyFen + subsidyFen > (holdFen == null ? 0 : holdFen)) {
            throw new IllegalArgumentException("subsidy beyond the hold");
        }
        acceptedUnits = total;
        acceptedAmountFen = Math.addExact(acceptedAmountFen, amountFen);
        acceptedSubsidyFen += subsidyFen;
        if (total.compareTo(BigDecimal.valueOf(cardHours)) == 0) {
            status = AllocationStatus.COMPLETED;
            statusReason = FULLY_USED;
        } else {
            status = AllocationStatus.ACTIVE;
        }
        updatedAt = now;
    }

    private static OffsetDateTime inProgrammeZone(OffsetDateTime t) {
        return t.atZoneSameInstant(ClockProducer.PROGRAMME_ZONE).toOffsetDateTime();
    }

    private void requireStatus(Set<AllocationStatus> allowed, String action) {
        if (!allowed.contains(status)) {
            throw new IllegalTransitionException(allocationId, status, action);
        }
    }

    public Snapshot snapshot() {
        return new Snapshot(allocationId, voucherId, offeringId, status, units, unit, cardHours, amountFen, holdFen,
                acceptedUnits, acceptedSubsidyFen, statusReason);
    }

    /** @param cardHours the quantity, in {@code unit} */
    public record Snapshot(UUID allocationId, UUID voucherId, UUID offeringId, AllocationStatus status, int units,
                           String unit, long cardHours, Long amountFen, Long holdFen, BigDecimal acceptedUnits,
                           long acceptedSubsidyFen, String statusReason) {
    }

    public UUID allocationId() { return allocationId; }
    public UUID voucherId() { return voucherId; }
    public UUID orderId() { return orderId; }
    public OffsetDateTime voucherApprovedAt() { return voucherApprovedAt; }
    public UUID offeringId() { return offeringId; }
    public Integer offeringVersion() { return offeringVersion; }
    public UUID providerId() { return providerId; }
    public String enterpriseCreditCode() { return enterpriseCreditCode; }
    public String resourceClass() { return resourceClass; }
    public String region() { return region; }
    public Boolean domesticChip() { return domesticChip; }
    public int units() { return units; }
    /** CARD_HOUR, CORE_HOUR or TB_MONTH. */
    public String unit() { return unit; }
    public long cardHours() { return cardHours; }
    public Long unitPriceFen() { return unitPriceFen; }
    public Long amountFen() { return amountFen; }
    public BigDecimal subsidyRatio() { return subsidyRatio; }
    public OffsetDateTime windowStart() { return windowStart; }
    public OffsetDateTime windowEnd() { return windowEnd; }
    public AllocationStatus status() { return status; }
    public Long holdFen() { return holdFen; }
    public BigDecimal acceptedUnits() { return acceptedUnits; }
    public long acceptedAmountFen() { return acceptedAmountFen; }
    public long acceptedSubsidyFen() { return acceptedSubsidyFen; }
    public String statusReason() { return statusReason; }
    public String explanation() { return explanation; }
    public OffsetDateTime createdAt() { return createdAt; }
    public OffsetDateTime updatedAt() { return updatedAt; }
}
