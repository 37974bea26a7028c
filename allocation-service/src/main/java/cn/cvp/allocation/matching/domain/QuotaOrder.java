package cn.cvp.allocation.matching.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An order (订单) placed on a quota (额度), as allocation-service matches it: its own demand, matched like a voucher's
 * (first placed, first served), with the quota's programme rules about providers; its allocations belong to the
 * quota's voucher and name the order. A read model of order.placed.v1 and order.cancelled.v1.
 */
@Entity
@Table(name = "quota_order")
public class QuotaOrder {
    public static final String PLACED = "PLACED";
    public static final String CANCELLED = "CANCELLED";

    /**
     * The order as order.placed.v1 carries it; {@code cardHours} is the quantity in {@code unit} (the name stays from
     * when every order was in card-hours).
     */
    public record Placed(UUID orderId, UUID voucherId, String resourceClass, long cardHours, List<String> regions,
                         OffsetDateTime windowStart, OffsetDateTime windowEnd, String providerCreditCode,
                         long amountFen, BigDecimal subsidyRatio, long holdFen, OffsetDateTime placedAt, String unit) {
    }

    @Id
    @Column(name = "order_id")
    private UUID orderId;
    @Column(name = "voucher_id", nullable = false)
    private UUID voucherId;
    @Column(nullable = false)
    private String status;
    @Column(name = "resource_class", nullable = false)
    private String resourceClass;
    /** The quantity ordered, in {@link #unit}. */
    @Column(name = "card_hours", nullable = false)
    private long cardHours;
    /** CARD_HOUR, CORE_HOUR or TB_MONTH. */
    @Column(nullable = false)
    private String unit;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "regions", nullable = false)
    private String[] regions;
    @Column(name = "window_start", nullable = false)
    private OffsetDateTime windowStart;
    @Column(name = "window_end", nullable = false)
    private OffsetDateTime windowEnd;
    @Column(name = "provider_credit_code")
    private String providerCreditCode;
    @Column(name = "amount_fen", nullable = false)
    private long amountFen;
    @Column(name = "subsidy_ratio", nullable = false)
    private BigDecimal subsidyRatio;
    @Column(name = "hold_fen", nullable = false)
    private long holdFen;
    @Column(name = "placed_at", nullable = false)
    private OffsetDateTime placedAt;
    @Column(name = "recorded_at", nullable = false)
    private OffsetDateTime recordedAt;

    protected QuotaOrder() {
    }

    public static QuotaOrder placed(Placed p, OffsetDateTime now) {
        if (!p.windowEnd().isAfter(p.windowStart())) {
            throw new IllegalArgumentException("order " + p.orderId() + " has a window that ends before it starts");
        }
        QuotaOrder o = new QuotaOrder();
        o.orderId = p.orderId();
        o.voucherId = p.voucherId();
        o.status = PLACED;
        o.resourceClass = p.resourceClass();
        o.cardHours = p.cardHours();
        o.unit = p.unit();
        o.regions = p.regions().toArray(String[]::new);
        o.windowStart = p.windowStart();
        o.windowEnd = p.windowEnd();
        o.providerCreditCode = p.providerCreditCode();
        o.amountFen = p.amountFen();
        o.subsidyRatio = p.subsidyRatio();
        o.holdFen = p.holdFen();
        o.placedAt = p.placedAt();
        o.recordedAt = now;
        return o;
    }

    /** order.cancelled.v1. @return whether the status changed */
    public boolean cancel() {
        if (CANCELLED.equals(status)) {
            return false;
        }
        status = CANCELLED;
        return true;
    }

    public boolean isPlaced() {
        return PLACED.equals(status);
    }

    public Snapshot snapshot() {
        return new Snapshot(orderId, voucherId, status, resourceClass, cardHours, subsidyRatio, holdFen);
    }

    public record Snapshot(UUID orderId, UUID voucherId, String status, String resourceClass, long cardHours,
                           BigDecimal subsidyRatio, long holdFen) {
    }

    public UUID orderId() { return orderId; }
    public UUID voucherId() { return voucherId; }
    public String status() { return status; }
    public String resourceClass() { return resourceClass; }
    public long cardHours() { return cardHours; }
    public String unit() { return unit; }
    public List<String> regions() { return List.of(regions); }
    public OffsetDateTime windowStart() { return windowStart; }
    public OffsetDateTime windowEnd() { return windowEnd; }
    public String providerCreditCode() { return providerCreditCode; }
    public long amountFen() { return amountFen; }
    public BigDecimal subsidyRatio() { return subsidyRatio; }
    public long holdFen() { return holdFen; }
    public OffsetDateTime placedAt() { return placedAt; }
}
