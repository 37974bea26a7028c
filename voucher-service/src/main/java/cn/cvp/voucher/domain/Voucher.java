package cn.cvp.voucher.domain;

import cn.cvp.kit.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
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
 * A voucher (算力券) with its money: balance = face − held − consumed − returned. Each method checks
 * the state, moves the money and returns the ledger entry it causes; the database's CHECK constraints
 * back the same invariants.
 */
@Entity
@Table(name = "voucher")
public class Voucher extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "application_id")
    public UUID applicationId;
    @Column(name = "programme_id")
    public UUID programmeId;
    @Column(name = "enterprise_id")
    public UUID enterpriseId;
    @Column(name = "enterprise_credit_code")
    public String enterpriseCreditCode;
    @Enumerated(EnumType.STRING)
    public VoucherStatus status;
    @Column(name = "subsidy_ratio")
    public BigDecimal subsidyRatio;
    @Column(name = "face_value_fen")
    public long faceValueFen;
    @Column(name = "held_fen")
    public long heldFen;
    @Column(name = "consumed_fen")
    public long consumedFen;
    @Column(name = "returned_fen")
    public long returnedFen;
    @Column(name = "issued_at")
    public OffsetDateTime issuedAt;
    @Column(name = "valid_until")
    public OffsetDateTime validUntil;
    @Version
    @Column(name = "row_version")
    public long rowVersion;

    public static Voucher issue(Application application, BigDecimal ratio, long faceValueFen,
                                OffsetDateTime now, OffsetDateTime validUntil) {
        Voucher v = new Voucher();
        v.id = UUID.randomUUID();
        v.applicationId = application.id;
        v.programmeId = application.programmeId;
        v.enterpriseId = application.enterpriseId;
        v.enterpriseCreditCode = application.enterpriseCreditCode;
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
     * Authorises the allocation's subsidy: ratio × allocation amount, or what is left if less.
     * Refused (with a stable reason code) when the voucher is not active or has nothing left.
     */
    public VoucherHold hold(UUID allocationId, long allocationAmountFen, OffsetDateTime now) {
        if (status != VoucherStatus.ACTIVE) {
            throw new HoldRefused("VOUCHER_NOT_ACTIVE");
        }
        if (!now.isBefore(validUntil)) {
            throw new HoldRefused("VOUCHER_EXPIRED");
        }
        long wanted = Money.subsidyFen(subsidyRatio, allocationAmountFen);
        long amount = Math.min(wanted, balanceFen());
        if (amount <= 0) {
            throw new HoldRefused("INSUFFICIENT_BALANCE");
        }
        heldFen += amount;
        VoucherHold hold = new VoucherHold();
        hold.id = UUID.randomUUID();
        hold.voucherId = id;
        hold.allocationId = allocationId;
        hold.amountFen = amount;
        hold.status = VoucherHold.Status.HELD;
        hold.createdAt = now;
        return hold;
    }

    /** Captures up to {@code subsidyFen} from the hold: the subsidy is consumed, the rest is the enterprise's. */
    public long capture(VoucherHold hold, long subsidyFen) {
        long captured = Math.min(Math.max(subsidyFen, 0), hold.remainingFen());
        hold.capturedFen += captured;
        if (hold.remainingFen() == 0) {
            hold.status = VoucherHold.Status.CAPTURED;
        }
        heldFen -= captured;
        consumedFen += captured;
        if (status == VoucherStatus.ACTIVE && heldFen == 0 && balanceFen() == 0) {
            status = VoucherStatus.EXHAUSTED;
        }
        return captured;
    }

    /** Releases what is left of a hold (allocation cancelled or completed). */
    public long release(VoucherHold hold) {
        long released = hold.remainingFen();
        hold.releasedFen += released;
        hold.status = VoucherHold.Status.RELEASED;
        heldFen -= released;
        if (status == VoucherStatus.EXHAUSTED && balanceFen() > 0) {
            status = VoucherStatus.ACTIVE;
        }
        return released;
    }

    public LedgerEntry entry(LedgerEntry.Type type, long amountFen, OffsetDateTime now) {
        LedgerEntry e = new LedgerEntry();
        e.voucherId = id;
        e.type = type;
        e.amountFen = amountFen;
        e.balanceAfterFen = balanceFen();
        e.heldAfterFen = heldFen;
        e.consumedAfterFen = consumedFen;
        e.occurredAt = now;
        return e;
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
            throw ProblemException.illegalState("Voucher", status, "given a new validity");
        }
        if (until.isBefore(issuedAt)) {
            throw ProblemException.invalid("INVALID_VALIDITY", "A voucher cannot expire before it was issued",
                    "有效期不得早于发放时间");
        }
        validUntil = until;
    }

    /** 冻结: no new holds or captures until unfrozen (e.g. during an investigation). */
    public void freeze() {
        if (status != VoucherStatus.ACTIVE) {
            throw ProblemException.illegalState("Voucher", status, "frozen");
        }
        status = VoucherStatus.FROZEN;
    }

    public void unfreeze() {
        if (status != VoucherStatus.FROZEN) {
            throw ProblemException.illegalState("Voucher", status, "unfrozen");
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
            throw ProblemException.illegalState("Voucher", status, endState == VoucherStatus.REVOKED ? "revoked" : "expired");
        }
        if (heldFen != 0) {
            throw new IllegalStateException("release the holds of voucher " + id + " before ending it");
        }
        long returned = balanceFen();
        returnedFen += returned;
        status = endState;
        return returned;
    }

    public void requireOwnedBy(String creditCode) {
        if (!enterpriseCreditCode.equals(creditCode)) {
            throw ProblemException.notFound("Voucher", id);
        }
    }
}
