package cn.cvp.provider.usage.domain;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A usage report as stored at intake: RECEIVED, then ACCEPTED or REJECTED(reason) once
 * allocation-service has validated it. Never overwritten: a correction will be a new version.
 * Intake stores reports in bulk (UsageReportStore); this entity reads them and stores corrections.
 */
@Entity
@Table(name = "usage_report")
public class UsageReport {
    @Id
    private UUID id;
    @Column(name = "provider_id")
    private UUID providerId;
    @Column(name = "record_id")
    private String recordId;
    private int version;
    @Column(name = "corrects_usage_report_id")
    private UUID correctsUsageReportId;
    @Column(name = "allocation_id")
    private UUID allocationId;
    @Column(name = "period_start")
    private OffsetDateTime periodStart;
    @Column(name = "period_end")
    private OffsetDateTime periodEnd;
    /** Card-hours (卡时), up to three decimals. */
    private BigDecimal units;
    @Column(name = "unit_price_fen")
    private long unitPriceFen;
    @Column(name = "amount_fen")
    private long amountFen;
    @Column(name = "delivery_certificate_ref")
    private String deliveryCertificateRef;
    @Column(name = "content_hash")
    private String contentHash;
    @Enumerated(EnumType.STRING)
    private UsageReportStatus status;
    @Column(name = "rejection_reason")
    private String rejectionReason;
    @Column(name = "rejection_detail")
    private String rejectionDetail;
    @Column(name = "accepted_units")
    private BigDecimal acceptedUnits;
    @Column(name = "accepted_amount_fen")
    private Long acceptedAmountFen;
    /** The subsidy allocation-service asked voucher-service to capture for this report. */
    @Column(name = "subsidy_fen")
    private Long subsidyFen;
    /** Fraud-rule codes that flagged the report without blocking acceptance. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private List<String> flags;
    @Column(name = "batch_id")
    private UUID batchId;
    @Column(name = "submitted_by")
    private String submittedBy;
    @Column(name = "received_at")
    private OffsetDateTime receivedAt;
    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;
    @Column(name = "correction_reason")
    private String correctionReason;
    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected UsageReport() {
    }

    /**
     * A record as received at intake: version 1, RECEIVED. (Intake stores whole batches set-wise with these values,
     * see UsageReportStore; this is the same report one at a time.)
     */
    public static UsageReport received(UUID id, UUID providerId, UsageRecord record, String fingerprint, UUID batchId,
                                       String submittedBy, OffsetDateTime now) {
        UsageReport r = new UsageReport();
        r.id = id;
        r.providerId = providerId;
        r.recordId = record.recordId();
        r.version = 1;
        r.allocationId = record.allocationId();
        r.periodStart = record.periodStart();
        r.periodEnd = record.periodEnd();
        r.units = record.units();
        r.unitPriceFen = record.unitPriceFen();
        r.amountFen = record.amountFen();
        r.deliveryCertificateRef = record.deliveryCertificateRef();
        r.contentHash = fingerprint;
        r.status = UsageReportStatus.RECEIVED;
        r.batchId = batchId;
        r.submittedBy = submittedBy;
        r.receivedAt = now;
        return r;
    }

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

    /** The state recorded in the audit log. */
    public Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("recordId", recordId);
        m.put("status", status);
        m.put("rejectionReason", rejectionReason);
        m.put("acceptedAmountFen", acceptedAmountFen);
        m.put("subsidyFen", subsidyFen);
        return m;
    }

    public UUID id() { return id; }
    public UUID providerId() { return providerId; }
    public String recordId() { return recordId; }
    public int version() { return version; }
    public UUID correctsUsageReportId() { return correctsUsageReportId; }
    public UUID allocationId() { return allocationId; }
    public OffsetDateTime periodStart() { return periodStart; }
    public OffsetDateTime periodEnd() { return periodEnd; }
    public BigDecimal units() { return units; }
    public long unitPriceFen() { return unitPriceFen; }
    public long amountFen() { return amountFen; }
    public String deliveryCertificateRef() { return deliveryCertificateRef; }
    public String contentHash() { return contentHash; }
    public UsageReportStatus status() { return status; }
    public String rejectionReason() { return rejectionReason; }
    public String rejectionDetail() { return rejectionDetail; }
    public BigDecimal acceptedUnits() { return acceptedUnits; }
    public Long acceptedAmountFen() { return acceptedAmountFen; }
    public Long subsidyFen() { return subsidyFen; }
    public List<String> flags() { return flags; }
    public UUID batchId() { return batchId; }
    public String submittedBy() { return submittedBy; }
    public OffsetDateTime receivedAt() { return receivedAt; }
    public OffsetDateTime decidedAt() { return decidedAt; }
    public String correctionReason() { return correctionReason; }
}
