package cn.cvp.voucher.ledger.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One movement of a voucher's money, with the voucher's balance, held and consumed amounts after it. Append-only (a
 * trigger refuses updates and deletes). Made by the voucher it moves ({@link Voucher#entry}).
 */
@Entity
@Table(name = "ledger_entry")
public class LedgerEntry {
    public enum Type { ISSUE, HOLD, CAPTURE, RELEASE, EXPIRY, REVOCATION }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "voucher_id")
    private UUID voucherId;
    @Enumerated(EnumType.STRING)
    @Column(name = "entry_type")
    private Type type;
    @Column(name = "amount_fen")
    private long amountFen;
    @Column(name = "allocation_id")
    private UUID allocationId;
    @Column(name = "usage_report_id")
    private UUID usageReportId;
    @Column(name = "usage_amount_fen")
    private Long usageAmountFen;
    @Column(name = "provider_id")
    private UUID providerId;
    @Column(name = "balance_after_fen")
    private long balanceAfterFen;
    @Column(name = "held_after_fen")
    private long heldAfterFen;
    @Column(name = "consumed_after_fen")
    private long consumedAfterFen;
    @Column(name = "occurred_at")
    private OffsetDateTime occurredAt;

    protected LedgerEntry() {
    }

    static LedgerEntry of(Voucher voucher, Type type, long amountFen, OffsetDateTime at) {
        LedgerEntry e = new LedgerEntry();
        e.voucherId = voucher.id();
        e.type = type;
        e.amountFen = amountFen;
        e.balanceAfterFen = voucher.balanceFen();
        e.heldAfterFen = voucher.heldFen();
        e.consumedAfterFen = voucher.consumedFen();
        e.occurredAt = at;
        return e;
    }

    /** The allocation the movement is for (holds, captures, releases). */
    public LedgerEntry forAllocation(UUID allocationId) {
        this.allocationId = allocationId;
        return this;
    }

    public LedgerEntry byProvider(UUID providerId) {
        this.providerId = providerId;
        return this;
    }

    /** The usage report a capture debits, and the usage's amount (subsidy + co-payment). */
    public LedgerEntry forUsage(UUID usageReportId, long usageAmountFen) {
        this.usageReportId = usageReportId;
        this.usageAmountFen = usageAmountFen;
        return this;
    }

    public Long id() { return id; }
    public UUID voucherId() { return voucherId; }
    public Type type() { return type; }
    public long amountFen() { return amountFen; }
    public UUID allocationId() { return allocationId; }
    public UUID usageReportId() { return usageReportId; }
    public Long usageAmountFen() { return usageAmountFen; }
    public UUID providerId() { return providerId; }
    public long balanceAfterFen() { return balanceAfterFen; }
    public long heldAfterFen() { return heldAfterFen; }
    public long consumedAfterFen() { return consumedAfterFen; }
    public OffsetDateTime occurredAt() { return occurredAt; }
}
