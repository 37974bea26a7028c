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

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A voucher (算力券) with its money: balance = face − held − consumed − returned. Each method checks the state, moves
 * the money and returns what it causes (a hold, the fen moved, a ledger entry); the database's CHECK constraints back
 * the same invariants.
 */
@Entity
@Table(name = "voucher")
public class Voucher {
    @Id
    private UUID id;
    @Column(name = "application_id")
    private UUID applicationId;
    @Column(name = "programme_id")
    private UUID programmeId;
    @Column(name = "enterprise_id")
    private UUID enterpriseId;
    @Column(name = "enterprise_credit_code")
    private String enterpriseCreditCode;
    @Enumerated(EnumType.STRING)
    private VoucherStatus status;
    @Column(name = "subsidy_ratio")
    private BigDecimal subsidyRatio;
    @Column(name = "face_value_fen")
    private long faceValueFen;
    @Column(name = "held_fen")
    private long heldFen;
    @Column(name = "consumed_fen")
    private long consumedFen;
    @Column(name = "returned_fen")
    private long returnedFen;
    @Column(name = "issued_at")
    private OffsetDateTime issuedAt;
    @Column(name = "valid_until")
    private OffsetDateTime validUntil;
    /** A quota (额度) of a quota-first programme: it pays only through the orders placed against it. */
    private boolean quota;
    /** The part of the balance placed orders hold that their allocations have not taken yet. */
    @Column(name = "order_reserved_fen")
    private long orderReservedFen;
    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected Voucher() {
    }

    /** A new, active voucher of an approved application. */
    public static Voucher issue(UUID id, UUID applicationId, UUID programmeId, UUID enterpriseId,
                                String enterpriseCreditCode, BigDecimal ratio, long faceValueFen,
                                OffsetDateTime now, OffsetDateTime validUntil) {
        return issue(id, applicationId, programmeId, enterpriseId, enterpriseCreditCode, ratio, faceValueFen, now,
                validUntil, false);
    }

    /** A new, active voucher — or quota, when {@code quota} — of an approved application. */
    public static Voucher issue(UUID id, UUID applicationId, UUID programmeId, UUID enterpriseId,
                                String enterpriseCreditCode, BigDecimal ratio, long faceValueFen,
                                OffsetDateTime now, OffsetDateTime validUntil, boolean quota) {
        Voucher v = new Voucher();
        v.quota = quota;
        v.id = id;
        v.applicationId = applicationId;
        v.programmeId = programmeId;
        v.enterpriseId = enterpriseId;
        v.enterpriseCreditCode = enterpriseCreditCode;
        v.status = VoucherStatus.ACTIVE;
        v.subsidyRatio = ratio;
        v.faceValueFen = faceValueFen;
        v.issuedAt = now;
        v.validUntil = validUntil;
        return v;
    }

    public long balanceFen() {
        return faceValueFen - heldFen - consumedFen - returnedFen;
    }

    public LedgerEntry issueEntry(OffsetDateTime now) {
        return entry(LedgerEntry.Type.ISSUE, faceValueFen, now);
    }

    /**
     * Authorises the allocation's subsidy: the voucher's {@link Subsidy} of the allocation amount, or what is left if
     * less. Refused (with a stable reason code) when the voucher is not active or has nothing left.
     */
    public VoucherHold hold(UUID allocationId, long allocationAmountFen, OffsetDateTime now) {
        requireHoldable(now);
        if (quota) {
            throw new HoldRefused("ORDER_REQUIRED");
        }
        long wanted = new Subsidy(subsidyRatio).of(allocationAmountFen);
        long amount = Math.min(wanted, balanceFen());
        if (amount <= 0) {
            throw new HoldRefused("INSUFFICIENT_BALANCE");
        }
        heldFen += amount;
        return VoucherHold.place(id, allocationId, amount, now);
    }

    private void requireHoldable(OffsetDateTime now) {
        if (status != VoucherStatus.ACTIVE) {
            throw new HoldRefused("VOUCHER_NOT_ACTIVE");
        }
        if (!now.isBefore(validUntil)) {
            throw new HoldRefused("VOUCHER_EXPIRED");
        }
    }

    /** What is left of a quota for new orders: the balance less what placed orders hold. */
    public long availableForOrdersFen() {
        return balanceFen() - orderReservedFen;
    }

    /**
     * A new order on this quota holds the order's subsidy ({@link QuotaOrder#subsidyOf}), or what is left of the
     * quota if less; refused when nothing is left ({@code QUOTA_EXHAUSTED}), when this is no quota, or when the quota
     * is not active or has expired. The balance does not move: the order only earmarks part of it.
     * @return the order's hold
     */
    public long reserveForOrder(long subsidyFen, OffsetDateTime now) {
        if (!quota) {
            throw DomainException.refused("NOT_A_QUOTA", "Voucher " + id + " is not a quota; orders are placed on quotas",
                    "该券不是额度，只能在额度上下订单");
        }
        if (status != VoucherStatus.ACTIVE || !now.isBefore(validUntil)) {
            throw DomainException.refused("QUOTA_NOT_ACTIVE", "The quota is " + (status == VoucherStatus.ACTIVE
                            ? "expired" : status.name().toLowerCase(java.util.Locale.ROOT)) + ": no orders can be placed on it",
                    "额度当前不可用（" + (status == VoucherStatus.ACTIVE ? "已过期" : status.name()) + "），不能下单");
        }
        long available = availableForOrdersFen();
        if (available <= 0) {
            throw DomainException.refused("QUOTA_EXHAUSTED", "Nothing is left of the quota of "
                            + Money.yuan(faceValueFen) + " yuan for new orders",
                    "额度 " + Money.yuan(faceValueFen) + " 元已全部用于订单，没有剩余");
        }
        long hold = Math.min(Math.max(subsidyFen, 0), available);
        if (hold <= 0) {
            throw DomainException.invalid("ORDER_TOO_SMALL", "The order's subsidy rounds to nothing",
                    "订单的补贴金额不足一分");
        }
        orderReservedFen += hold;
        return hold;
    }

    /** A cancelled order gives back what it still held to the quota. */
    public void returnOrderReservation(long fen) {
        if (fen < 0 || fen > orderReservedFen) {
            throw new IllegalStateException("voucher " + id + " cannot return " + fen + " fen of order holds; it has "
                    + orderReservedFen);
        }
        orderReservedFen -= fen;
    }

    /**
     * Authorises an allocation of an order: the order's ratio of the allocation amount, or what is left of the
     * order's hold if less; that part moves from the order's reservation to the allocation's hold. Refused (with a
     * stable reason) when the quota is not active, the order is cancelled or its hold is used up.
     */
    public VoucherHold holdForOrder(UUID allocationId, QuotaOrder order, long orderLeftFen, long allocationAmountFen,
                                    OffsetDateTime now) {
        requireHoldable(now);
        if (!order.voucherId().equals(id)) {
            throw new IllegalArgumentException("order " + order.id() + " is not on voucher " + id);
        }
        if (!order.isPlaced()) {
            throw new HoldRefused("ORDER_CANCELLED");
        }
        long amount = Math.min(order.subsidyOf(allocationAmountFen), orderLeftFen);
        if (amount <= 0) {
            throw new HoldRefused("ORDER_HOLD_USED_UP");
        }
        orderReservedFen -= amount;
        heldFen += amount;
        return VoucherHold.place(id, allocationId, amount, now).forOrder(order.id());
    }

    /** Captures up to {@code subsidyFen} from the hold: the subsidy is consumed, the rest is the enterprise's. */
    public long capture(VoucherHold hold, long subsidyFen) {
        long captured = Math.min(Math.max(subsidyFen, 0), hold.remainingFen());
        hold.capture(captured);
        heldFen -= captured;
        consumedFen += captured;
        if (status == VoucherStatus.ACTIVE && heldFen == 0 && balanceFen() == 0) {
            status = VoucherStatus.EXHAUSTED;
        }
        return captured;
    }

    /** Releases what is left of a hold (allocation cancelled or completed). */
    public long release(VoucherHold hold) {
        return release(hold, false);
    }

    /**
     * Releases what is left of a hold; with {@code backToOrder} (the hold's order is still placed) it goes back to
     * the order's reservation, where another allocation of the order can take it, otherwise to the balance.
     */
    public long release(VoucherHold hold, boolean backToOrder) {
        long released = hold.release();
        heldFen -= released;
        if (backToOrder) {
            orderReservedFen += released;
        }
        if (status == VoucherStatus.EXHAUSTED && balanceFen() > 0) {
            status = VoucherStatus.ACTIVE;
        }
        return released;
    }

    /** The ledger entry of a movement just made, with the balances after it. */
    public LedgerEntry entry(LedgerEntry.Type type, long amountFen, OffsetDateTime now) {
        return LedgerEntry.of(this, type, amountFen, now);
    }

    /** A hold the voucher cannot place; the reason is a stable code sent back to allocation-service. */
    public static class HoldRefused extends RuntimeException {
        private final String reason;

        public HoldRefused(String reason) {
            super(reason);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /** Administrators extend or shorten a voucher's validity; the expiry job ends it once the date has passed. */
    public void changeValidity(OffsetDateTime until) {
        if (status != VoucherStatus.ACTIVE && status != VoucherStatus.FROZEN && status != VoucherStatus.EXHAUSTED) {
            throw DomainException.illegalState("Voucher", status, "given a new validity");
        }
        if (until.isBefore(issuedAt)) {
            throw DomainException.invalid("INVALID_VALIDITY", "A voucher cannot expire before it was issued",
                    "有效期不得早于发放时间");
        }
        validUntil = until;
    }

    /** 冻结: no new holds or captures until unfrozen (e.g. during an investigation). */
    public void freeze() {
        if (status != VoucherStatus.ACTIVE) {
            throw DomainException.illegalState("Voucher", status, "frozen");
        }
        status = VoucherStatus.FROZEN;
    }

    public void unfreeze() {
        if (status != VoucherStatus.FROZEN) {
            throw DomainException.illegalState("Voucher", status, "unfrozen");
        }
        status = balanceFen() == 0 && heldFen == 0 ? VoucherStatus.EXHAUSTED : VoucherStatus.ACTIVE;
    }

    /**
     * Ends the voucher (revocation or expiry): what is neither consumed nor still held is returned to the
     * programme budget. Outstanding holds must have been released first.
     * @return the fen returned
     */
    public long end(VoucherStatus endState) {
        if (status != VoucherStatus.ACTIVE && status != VoucherStatus.FROZEN && status != VoucherStatus.EXHAUSTED) {
            throw DomainException.illegalState("Voucher", status, endState == VoucherStatus.REVOKED ? "revoked" : "expired");
        }
        if (heldFen != 0) {
            throw new IllegalStateException("release the holds of voucher " + id + " before ending it");
        }
        long returned = balanceFen();
        returnedFen += returned;
        orderReservedFen = 0;
        status = endState;
        return returned;
    }

    /** Whether the expiry job should end it now: its validity has passed and it has not ended yet. */
    public boolean isDueForExpiry(OffsetDateTime now) {
        return !validUntil.isAfter(now) && status != VoucherStatus.EXPIRED && status != VoucherStatus.REVOKED;
    }

    /** Another enterprise's voucher is "not found". */
    public void requireOwnedBy(String creditCode) {
        if (!enterpriseCreditCode.equals(creditCode)) {
            throw DomainException.notFound("Voucher", id);
        }
    }

    public UUID id() { return id; }
    public UUID applicationId() { return applicationId; }
    public UUID programmeId() { return programmeId; }
    public UUID enterpriseId() { return enterpriseId; }
    public String enterpriseCreditCode() { return enterpriseCreditCode; }
    public VoucherStatus status() { return status; }
    public BigDecimal subsidyRatio() { return subsidyRatio; }
    public long faceValueFen() { return faceValueFen; }
    public long heldFen() { return heldFen; }
    public long consumedFen() { return consumedFen; }
    public long returnedFen() { return returnedFen; }
    public OffsetDateTime issuedAt() { return issuedAt; }
    public OffsetDateTime validUntil() { return validUntil; }
    public boolean quota() { return quota; }
    public long orderReservedFen() { return orderReservedFen; }
}
