package cn.cvp.provider.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A usage report as stored at intake: RECEIVED, then ACCEPTED or REJECTED(reason) once
 * allocation-service has validated it. Never overwritten: a correction will be a new version.
 * Intake stores reports in bulk (see the persistence package); this entity reads and decides them.
 */
@Entity
@Table(name = "usage_report")
public class UsageReport extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "provider_id")
    public UUID providerId;
    @Column(name = "record_id")
    public String recordId;
    public int version;
    @Column(name = "corrects_usage_report_id")
    public UUID correctsUsageReportId;
    @Column(name = "allocation_id")
    public UUID allocationId;
    @Column(name = "period_start")
    public OffsetDateTime periodStart;
    @Column(name = "period_end")
    public OffsetDateTime periodEnd;
    /** Card-hours (卡时), up to three decimals. */
    public BigDecimal units;
    @Column(name = "unit_price_fen")
    public long unitPriceFen;
    @Column(name = "amount_fen")
    public long amountFen;
    @Column(name = "delivery_certificate_ref")
    public String deliveryCertificateRef;
    @Column(name = "content_hash")
    public String contentHash;
    @Enumerated(EnumType.STRING)
    public UsageReportStatus status;
    @Column(name = "rejection_reason")
    public String rejectionReason;
    @Column(name = "rejection_detail")
    public String rejectionDetail;
    @Column(name = "accepted_units")
    public BigDecimal acceptedUnits;
    @Column(name = "accepted_amount_fen")
    public Long acceptedAmountFen;
    /** The subsidy allocation-service asked voucher-service to capture for this report. */
    @Column(name = "subsidy_fen")
    public Long subsidyFen;
    /** Fraud-rule codes that flagged the report without blocking acceptance. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<String> flags;
    @Column(name = "batch_id")
    public UUID batchId;
    @Column(name = "submitted_by")
    public String submittedBy;
    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
    @Column(name = "correction_reason")
    public String correctionReason;
    @Version
    @Column(name = "row_version")
    public long rowVersion;

    /** A correction: the next version of the corrected report's record, referencing it. */
    public static UsageReport correctionOf(UsageReport corrected, UsageRecord record, String fingerprint, String reason,
                                           String submittedBy, OffsetDateTime now) {
        UsageReport r = new UsageReport();
        r.id = UUID.randomUUID();
        r.providerId = corrected.providerId;
        r.recordId = corrected.recordId;
        r.version = corrected.version + 1;
        r.correctsUsageReportId = corrected.id;
        r.allocationId = corrected.allocationId;
        r.periodStart = record.periodStart();
        r.periodEnd = record.periodEnd();
        r.units = record.units();
        r.unitPriceFen = record.unitPriceFen();
        r.amountFen = record.amountFen();
        r.deliveryCertificateRef = record.deliveryCertificateRef();
        r.contentHash = fingerprint;
        r.status = UsageReportStatus.RECEIVED;
        r.batchId = UUID.randomUUID();
        r.submittedBy = submittedBy;
        r.receivedAt = now;
        r.correctionReason = reason;
        return r;
    }
}
