package cn.cvp.voucher.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One captured subsidy redeemed in a batch; a capture belongs to at most one batch. */
@Entity
@Table(name = "settlement_line")
public class SettlementLine extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    @Column(name = "voucher_id")
    public UUID voucherId;
    @Column(name = "usage_report_id")
    public UUID usageReportId;
    @Column(name = "provider_id")
    public UUID providerId;
    @Column(name = "enterprise_credit_code")
    public String enterpriseCreditCode;
    @Column(name = "subsidy_fen")
    public long subsidyFen;
    @Column(name = "usage_amount_fen")
    public long usageAmountFen;
    @Column(name = "captured_at")
    public OffsetDateTime capturedAt;

    @Embeddable
    public record Key(@Column(name = "batch_id") UUID batchId, @Column(name = "ledger_entry_id") long ledgerEntryId)
            implements Serializable {
    }
}
