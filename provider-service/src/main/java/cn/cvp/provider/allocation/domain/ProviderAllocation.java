package cn.cvp.provider.allocation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The provider's view of an allocation (a capacity reservation made by allocation-service), kept from
 * allocation.events. A projection, so it is tolerant: it never goes back from a later status to an
 * earlier one, and it keeps whatever arrives even for providers this service does not know.
 */
@Entity
@Table(name = "provider_allocation")
public class ProviderAllocation {
    @Id
    @Column(name = "allocation_id")
    private UUID allocationId;
    @Column(name = "voucher_id")
    private UUID voucherId;
    @Column(name = "offering_id")
    private UUID offeringId;
    @Column(name = "offering_version")
    private Integer offeringVersion;
    @Column(name = "provider_id")
    private UUID providerId;
    @Column(name = "enterprise_credit_code")
    private String enterpriseCreditCode;
    /** As allocation-service names it; kept as text so a new class there does not break this view. */
    @Column(name = "resource_class")
    private String resourceClass;
    private String region;
    /** Cards, cores or TB reserved. */
    private Integer units;
    /** CARD_HOUR, CORE_HOUR or TB_MONTH: what {@link #cardHours}, the price and usage are counted in. */
    private String unit;
    /** The quantity reserved, in {@link #unit}; the column keeps its first name. */
    @Column(name = "card_hours")
    private Long cardHours;
    @Column(name = "unit_price_fen")
    private Long unitPriceFen;
    @Column(name = "amount_fen")
    private Long amountFen;
    @Column(name = "window_start")
    private OffsetDateTime windowStart;
    @Column(name = "window_end")
    private OffsetDateTime windowEnd;
    @Enumerated(EnumType.STRING)
    private AllocationStatus status;
    /** The subsidy voucher-service holds for this allocation. */
    @Column(name = "hold_fen")
    private Long holdFen;
    @Column(name = "cancel_reason")
    private String cancelReason;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;
    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected ProviderAllocation() {
    }

    /** A view of an allocation first heard of now; its terms follow with allocation.created. */
    public static ProviderAllocation firstHeard(UUID allocationId, UUID voucherId, UUID providerId, OffsetDateTime now) {
        ProviderAllocation a = new ProviderAllocation();
        a.allocationId = allocationId;
        a.voucherId = voucherId;
        a.providerId = providerId;
        a.status = AllocationStatus.PROPOSED;
        a.createdAt = now;
        a.updatedAt = now;
        return a;
    }

    /** allocation.created: the reservation's terms. Does not undo a status that has already moved on. */
    public void proposed(Terms terms, OffsetDateTime now) {
        voucherId = terms.voucherId();
        offeringId = terms.offeringId();
        offeringVersion = terms.offeringVersion();
        providerId = terms.providerId();
        enterpriseCreditCode = terms.enterpriseCreditCode();
        resourceClass = terms.resourceClass();
        region = terms.region();
        units = terms.units();
        cardHours = terms.cardHours();
        unit = terms.unit();
        unitPriceFen = terms.unitPriceFen();
        amountFen = terms.amountFen();
        windowStart = terms.windowStart();
        windowEnd = terms.windowEnd();
        advanceTo(AllocationStatus.PROPOSED, now);
    }

    /** allocation.held: voucher-service holds the subsidy, the provider can deliver and report usage. */
    public void held(long holdFen, OffsetDateTime now) {
        if (advanceTo(AllocationStatus.HELD, now)) {
            this.holdFen = holdFen;
        }
    }

    /** allocation.cancelled: no usage can be reported any more. */
    public void cancelled(String reason, OffsetDateTime now) {
        if (advanceTo(AllocationStatus.CANCELLED, now)) {
            cancelReason = reason;
        }
    }

    /** allocation.completed: fully used, or its window is over; no more usage can be reported. */
    public void completed(OffsetDateTime now) {
        advanceTo(AllocationStatus.COMPLETED, now);
    }

    public boolean isBillable() {
        return status.isBillable();
    }

    /** Moves forward only: a late or repeated event never takes the view back. */
    private boolean advanceTo(AllocationStatus target, OffsetDateTime now) {
        updatedAt = now;
        if (status.isFinal() || target.ordinal() < status.ordinal()) {
            return false;
        }
        status = target;
        return true;
    }

    /** The state recorded in the audit log. */
    public Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("allocationId", allocationId);
        m.put("providerId", providerId);
        m.put("status", status);
        m.put("holdFen", holdFen);
        m.put("cancelReason", cancelReason);
        return m;
    }

    public UUID allocationId() { return allocationId; }
    public UUID voucherId() { return voucherId; }
    public UUID offeringId() { return offeringId; }
    public Integer offeringVersion() { return offeringVersion; }
    public UUID providerId() { return providerId; }
    public String enterpriseCreditCode() { return enterpriseCreditCode; }
    public String resourceClass() { return resourceClass; }
    public String region() { return region; }
    public Integer units() { return units; }
    public Long cardHours() { return cardHours; }
    /** CARD_HOUR, CORE_HOUR or TB_MONTH (null before allocation.created arrived). */
    public String unit() { return unit; }
    public Long unitPriceFen() { return unitPriceFen; }
    public Long amountFen() { return amountFen; }
    public OffsetDateTime windowStart() { return windowStart; }
    public OffsetDateTime windowEnd() { return windowEnd; }
    public AllocationStatus status() { return status; }
    public Long holdFen() { return holdFen; }
    public String cancelReason() { return cancelReason; }
    public OffsetDateTime createdAt() { return createdAt; }
    public OffsetDateTime updatedAt() { return updatedAt; }

    /**
     * What allocation.created says about the reservation.
     *
     * @param cardHours the quantity reserved, in {@code unit}
     * @param unit      CARD_HOUR, CORE_HOUR or TB_MONTH
     */
    public record Terms(UUID voucherId, UUID offeringId, Integer offeringVersion, UUID providerId,
                        String enterpriseCreditCode, String resourceClass, String region, Integer units,
                        Long cardHours, Long unitPriceFen, Long amountFen, OffsetDateTime windowStart,
                        OffsetDateTime windowEnd, String unit) {

        /** A card-hour reservation. */
        public Terms(UUID voucherId, UUID offeringId, Integer offeringVersion, UUID providerId,
                     String enterpriseCreditCode, String resourceClass, String region, Integer units,
                     Long cardHours, Long unitPriceFen, Long amountFen, OffsetDateTime windowStart,
                     OffsetDateTime windowEnd) {
            this(voucherId, offeringId, offeringVersion, providerId, enterpriseCreditCode, resourceClass, region,
                    units, cardHours, unitPriceFen, amountFen, windowStart, windowEnd, "CARD_HOUR");
        }
    }
}
