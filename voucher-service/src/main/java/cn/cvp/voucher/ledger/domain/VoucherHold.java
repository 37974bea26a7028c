package cn.cvp.voucher.ledger.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Part of a voucher reserved for one allocation, like a card authorisation; captured as usage is accepted, the rest
 * released when the allocation ends. Only its voucher changes it.
 */
@Entity
@Table(name = "voucher_hold")
public class VoucherHold {
    public enum Status { HELD, RELEASED, CAPTURED }

    @Id
    private UUID id;
    @Column(name = "voucher_id")
    private UUID voucherId;
    @Column(name = "allocation_id")
    private UUID allocationId;
    @Column(name = "amount_fen")
    private long amountFen;
    @Column(name = "captured_fen")
    private long capturedFen;
    @Column(name = "released_fen")
    private long releasedFen;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    /** The order of a quota this hold is for (null for a voucher's own allocations). */
    @Column(name = "order_id")
    private UUID orderId;

    protected VoucherHold() {
    }

    static VoucherHold place(UUID voucherId, UUID allocationId, long amountFen, OffsetDateTime now) {
        VoucherHold hold = new VoucherHold();
        hold.id = UUID.randomUUID();
        hold.voucherId = voucherId;
        hold.allocationId = allocationId;
        hold.amountFen = amountFen;
        hold.status = Status.HELD;
        hold.createdAt = now;
        return hold;
    }

    VoucherHold forOrder(UUID orderId) {
        this.orderId = orderId;
        return this;
    }

    /** What the hold took of its order: its amount less what was released (captured or still held). */
    public long takenFen() {
        return amountFen - releasedFen;
    }

    public long remainingFen() {
        return amountFen - capturedFen - releasedFen;
    }

    void capture(long fen) {
        capturedFen += fen;
        if (remainingFen() == 0) {
            status = Status.CAPTURED;
        }
    }

    long release() {
        long released = remainingFen();
        releasedFen += released;
        status = Status.RELEASED;
        return released;
    }

    public UUID id() { return id; }
    public UUID voucherId() { return voucherId; }
    public UUID allocationId() { return allocationId; }
    public long amountFen() { return amountFen; }
    public long capturedFen() { return capturedFen; }
    public long releasedFen() { return releasedFen; }
    public Status status() { return status; }
    public OffsetDateTime createdAt() { return createdAt; }
    public UUID orderId() { return orderId; }
}
