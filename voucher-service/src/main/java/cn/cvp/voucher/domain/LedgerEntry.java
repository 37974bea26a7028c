package cn.cvp.voucher.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
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

/** One movement of a voucher's money. Append-only (a trigger refuses updates and deletes). */
@Entity
@Table(name = "ledger_entry")
public class LedgerEntry extends PanacheEntityBase {
    public enum Type { ISSUE, HOLD, CAPTURE, RELEASE, EXPIRY, REVOCATION }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "voucher_id")
    public UUID voucherId;
    @Enumerated(EnumType.STRING)
    @Column(name = "entry_type")
    public Type type;
    @Column(name = "amount_fen")
    public long amountFen;
    @Column(name = "allocation_id")
    public UUID allocationId;
    @Column(name = "usage_report_id")
    public UUID usageReportId;
    @Column(name = "usage_amount_fen")
    public Long usageAmountFen;
    @Column(name = "provider_id")
    public UUID providerId;
    @Column(name = "balance_after_fen")
    public long balanceAfterFen;
    @Column(name = "held_after_fen")
    public long heldAfterFen;
    @Column(name = "consumed_after_fen")
    public long consumedAfterFen;
    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;
}
