package cn.cvp.voucher.settlement.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One captured subsidy redeemed in a batch. A capture is in at most one active line (a unique index); the lines of a
 * cancelled batch are withdrawn — kept, inactive — and their captures can be redeemed again.
 */
@Entity
@Table(name = "settlement_line")
public class SettlementLine {
    @EmbeddedId
    private Key key;
    @Column(name = "voucher_id")
    private UUID voucherId;
    @Column(name = "usage_report_id")
    private UUID usageReportId;
    @Column(name = "provider_id")
    private UUID providerId;
    @Column(name = "enterprise_credit_code")
    private String enterpriseCreditCode;
    @Column(name = "subsidy_fen")
    private long subsidyFen;
    @Column(name = "usage_amount_fen")
    private long usageAmountFen;
    @Column(name = "captured_at")
    private OffsetDateTime capturedAt;
    private boolean active;

    @Embeddable
    public record Key(@Column(name = "batch_id") UUID batchId, @Column(name = "ledger_entry_id") long ledgerEntryId)
            implements Serializable {
    }

    /** A capture of the ledger, as a settlement line reads it. */
    public record Capture(long ledgerEntryId, UUID voucherId, UUID usageReportId, UUID providerId,
                          String enterpriseCreditCode, long subsidyFen, long usageAmountFen, OffsetDateTime capturedAt) {
    }

    protected SettlementLine() {
    }

    public static SettlementLine of(SettlementBatch batch, Capture capture) {
        SettlementLine line = new SettlementLine();
        line.key = new Key(batch.id(), capture.ledgerEntryId());
        line.voucherId = capture.voucherId();
        line.usageReportId = capture.usageReportId();
        line.providerId = capture.providerId();
        line.enterpriseCreditCode = capture.enterpriseCreditCode();
        line.subsidyFen = capture.subsidyFen();
        line.usageAmountFen = capture.usageAmountFen();
        line.capturedAt = capture.capturedAt();
        line.active = true;
        return line;
    }

    public Key key() { return key; }
    public UUID voucherId() { return voucherId; }
    public UUID usageReportId() { return usageReportId; }
    public UUID providerId() { return providerId; }
    public String enterpriseCreditCode() { return enterpriseCreditCode; }
    public long subsidyFen() { return subsidyFen; }
    public long usageAmountFen() { return usageAmountFen; }
    public OffsetDateTime capturedAt() { return capturedAt; }
    public boolean active() { return active; }
}
