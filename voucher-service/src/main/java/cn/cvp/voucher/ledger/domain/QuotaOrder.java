package cn.cvp.voucher.ledger.domain;

import cn.cvp.kit.domain.DomainException;
import cn.cvp.voucher.programme.domain.Subsidy;
import cn.cvp.voucher.support.Money;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An order (订单) placed against a quota (额度, a voucher marked quota): compute the enterprise will rent, and the
 * subsidy it may draw for it — its hold, ratio × order amount capped by what was left of the quota
 * ({@link Voucher#reserveForOrder}). allocation-service matches the order's demand; each allocation's hold comes out
 * of the order's hold ({@link Voucher#holdForOrder}). Cancelling gives back to the quota what the order has not used:
 * all of its hold when no allocation took any of it; refused while an allocation still holds part of it
 * ({@code ORDER_IN_USE}); after usage, the hold less what was captured.
 */
@Entity
@Table(name = "quota_order")
public class QuotaOrder {
    public enum Status { PLACED, CANCELLED }

    /** The compute ordered, as allocation-service matches it. */
    public record Demand(String resourceClass, long cardHours, List<String> regions, OffsetDateTime windowStart,
                         OffsetDateTime windowEnd, String providerCreditCode) {
    }

    @Id
    private UUID id;
    @Column(name = "voucher_id")
    private UUID voucherId;
    @Column(name = "programme_id")
    private UUID programmeId;
    @Column(name = "enterprise_id")
    private UUID enterpriseId;
    @Column(name = "enterprise_credit_code")
    private String enterpriseCreditCode;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "resource_class")
    private String resourceClass;
    @Column(name = "card_hours")
    private long cardHours;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private List<String> regions;
    @Column(name = "window_start")
    private OffsetDateTime windowStart;
    @Column(name = "window_end")
    private OffsetDateTime windowEnd;
    @Column(name = "provider_credit_code")
    private String providerCreditCode;
    @Column(name = "amount_fen")
    private long amountFen;
    @Column(name = "subsidy_ratio")
    private BigDecimal subsidyRatio;
    @Column(name = "hold_fen")
    private long holdFen;
    @Column(name = "returned_fen")
    private long returnedFen;
    @Column(name = "placed_at")
    private OffsetDateTime placedAt;
    @Column(name = "cancelled_at")
    private OffsetDateTime cancelledAt;
    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected QuotaOrder() {
    }

    /** ratio × amount, rounded down to the fen (the programme never pays more than its ratio). */
    public static long subsidyOf(BigDecimal ratio, long amountFen) {
        return new Subsidy(ratio).of(amountFen);
    }

    /**
     * Places an order on the quota: it holds the subsidy of the order amount at the given ratio, or what is left of
     * the quota if less ({@link Voucher#reserveForOrder}, which refuses when nothing is left).
     */
    public static QuotaOrder place(UUID id, Voucher quota, Demand demand, long amountFen, BigDecimal ratio,
                                   OffsetDateTime now) {
        if (!demand.windowEnd().isAfter(demand.windowStart())) {
            throw DomainException.invalid("INVALID_WINDOW", "The window must end after it starts", "结束时间须晚于开始时间");
        }
        long hold = quota.reserveForOrder(subsidyOf(ratio, amountFen), now);
        QuotaOrder o = new QuotaOrder();
        o.id = id;
        o.voucherId = quota.id();
        o.programmeId = quota.programmeId();
        o.enterpriseId = quota.enterpriseId();
        o.enterpriseCreditCode = quota.enterpriseCreditCode();
        o.status = Status.PLACED;
        o.resourceClass = demand.resourceClass();
        o.cardHours = demand.cardHours();
        o.regions = List.copyOf(demand.regions());
        o.windowStart = demand.windowStart();
        o.windowEnd = demand.windowEnd();
        o.providerCreditCode = demand.providerCreditCode();
        o.amountFen = amountFen;
        o.subsidyRatio = ratio;
        o.holdFen = hold;
        o.placedAt = now;
        return o;
    }

    /** The subsidy of an allocation amount at the order's ratio. */
    public long subsidyOf(long allocationAmountFen) {
        return subsidyOf(subsidyRatio, allocationAmountFen);
    }

    /** What is left of the order's hold for allocations, given what its allocations' holds took. */
    public long leftFen(long takenFen) {
        return isPlaced() ? Math.max(0, holdFen - takenFen) : 0;
    }

    /**
     * Cancels the order: refused while one of its allocations still holds part of it ({@code ORDER_IN_USE});
     * otherwise what its allocations did not capture goes back to the quota.
     *
     * @param takenFen  what its allocations' holds took (captured or still held)
     * @param stillHeld whether an allocation's hold is still open (HELD)
     * @return what goes back to the quota (all of the hold for an order nobody used)
     */
    public long cancel(long takenFen, boolean stillHeld, OffsetDateTime now) {
        if (status != Status.PLACED) {
            throw DomainException.illegalState("Order", status, "cancelled");
        }
        if (stillHeld) {
            throw DomainException.conflict("ORDER_IN_USE",
                    "An allocation of the order still holds part of it (" + Money.yuan(takenFen)
                            + " yuan); it can be cancelled once the allocation has ended",
                    "订单仍有资源分配占用额度（" + Money.yuan(takenFen) + " 元），待分配结束后才能取消");
        }
        returnedFen = leftFen(takenFen);
        status = Status.CANCELLED;
        cancelledAt = now;
        return returnedFen;
    }

    public boolean isPlaced() {
        return status == Status.PLACED;
    }

    /** Another enterprise's order is "not found". */
    public void requireOwnedBy(String creditCode) {
        if (!enterpriseCreditCode.equals(creditCode)) {
            throw DomainException.notFound("Order", id);
        }
    }

    public Demand demand() {
        return new Demand(resourceClass, cardHours, regions, windowStart, windowEnd, providerCreditCode);
    }

    /** What the audit log records before and after a change. */
    public Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status);
        m.put("voucherId", voucherId);
        m.put("amountFen", amountFen);
        m.put("subsidyRatio", subsidyRatio);
        m.put("holdFen", holdFen);
        m.put("returnedFen", returnedFen);
        m.put("resourceClass", resourceClass);
        m.put("cardHours", cardHours);
        return m;
    }

    public UUID id() { return id; }
    public UUID voucherId() { return voucherId; }
    public UUID programmeId() { return programmeId; }
    public UUID enterpriseId() { return enterpriseId; }
    public String enterpriseCreditCode() { return enterpriseCreditCode; }
    public Status status() { return status; }
    public long amountFen() { return amountFen; }
    public BigDecimal subsidyRatio() { return subsidyRatio; }
    public long holdFen() { return holdFen; }
    public long returnedFen() { return returnedFen; }
    public OffsetDateTime placedAt() { return placedAt; }
    public OffsetDateTime cancelledAt() { return cancelledAt; }
    public long rowVersion() { return rowVersion; }
}
