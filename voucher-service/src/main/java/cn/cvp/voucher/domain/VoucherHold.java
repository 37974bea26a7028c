package cn.cvp.voucher.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** Part of a voucher reserved for one allocation, like a card authorisation; captured as usage is accepted. */
@Entity
@Table(name = "voucher_hold")
public class VoucherHold extends PanacheEntityBase {
    public enum Status { HELD, RELEASED, CAPTURED }

    @Id
    public UUID id;
    @Column(name = "voucher_id")
    public UUID voucherId;
    @Column(name = "allocation_id")
    public UUID allocationId;
    @Column(name = "amount_fen")
    public long amountFen;
    @Column(name = "captured_fen")
    public long capturedFen;
    @Column(name = "released_fen")
    public long releasedFen;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    public long remainingFen() {
        return amountFen - capturedFen - releasedFen;
    }

    public static Optional<VoucherHold> forAllocation(UUID allocationId) {
        return find("allocationId", allocationId).firstResultOptional();
    }
}
