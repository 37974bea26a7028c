package cn.cvp.voucher.ledger.domain;

import cn.cvp.kit.domain.DomainException;
import cn.cvp.voucher.programme.domain.Subsidy;
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
    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected Voucher() {
    }

    /** A new, active voucher of an approved application. */
    public static Voucher issue(UUID id, UUID applicationId, UUID programmeId, UUID enterpriseId,
                                String enterpriseCreditCode, BigDecimal ratio, long faceValueFen,
                                OffsetDateTime now, OffsetDateTime validUntil) {
        Voucher v = new Voucher();
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
        if (status != VoucherStatus.ACTIVE) {
            throw new HoldRefused("VOUCHER_NOT_ACTIVE");
        }
        if (!now.isBefore(validUntil)) {
            throw new HoldRefused("VOUCHER_EXPIRED");
        }
        long wanted = new Subsidy(subsidyRatio).of(allocationAmountFen);
        long amount = Math.min(wanted, balanceFen());
        if (amount <= 0) {
            throw new HoldRefused("INSUFFICIENT_BALANCE");
        }
        heldFen += amount;
        return VoucherHold.place(id, allocationId, amount, now);
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
        long released = hold.release();
        heldFen -= released;
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
}
