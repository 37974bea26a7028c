package cn.cvp.voucher.review.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.UUID;

/**
 * What an enterprise has committed (issued vouchers) and reserved (applications under review) under a programme in
 * one calendar year: the counter {@link AnnualCap} is checked against. Its row is locked while it changes.
 */
@Entity
@Table(name = "enterprise_annual_commitment")
public class AnnualCommitment {
    @EmbeddedId
    private Key key;
    @Column(name = "committed_fen")
    private long committedFen;
    /** Requested subsidies of applications under review. */
    @Column(name = "reserved_fen")
    private long reservedFen;

    @Embeddable
    public record Key(@Column(name = "enterprise_id") UUID enterpriseId,
                      @Column(name = "programme_id") UUID programmeId,
                      int year) implements Serializable {
    }

    protected AnnualCommitment() {
    }

    public Key key() { return key; }
    public long committedFen() { return committedFen; }
    public long reservedFen() { return reservedFen; }

    /** What counts against the annual cap: committed and reserved. */
    public long usedFen() {
        return committedFen + reservedFen;
    }

    public void reserve(long fen) {
        reservedFen += fen;
    }

    public void release(long fen) {
        reservedFen -= fen;
    }

    public void commit(long fen) {
        committedFen += fen;
    }

    /**
     * Face value of an ended voucher that was never redeemed no longer counts (where the cap counts what is
     * redeemed); never below nothing.
     */
    public long giveBack(long fen) {
        long back = Math.min(Math.max(0, fen), committedFen);
        committedFen -= back;
        return back;
    }
}
