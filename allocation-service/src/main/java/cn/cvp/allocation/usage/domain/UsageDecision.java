package cn.cvp.allocation.usage.domain;

import cn.cvp.allocation.usage.events.UsageAcceptedV1;
import cn.cvp.allocation.usage.events.UsageRejectedV1;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The decision on one usage report; one per usageReportId, never changed. */
@Entity
@Table(name = "usage_decision")
public class UsageDecision {
    public static final String ACCEPTED = "ACCEPTED";
    public static final String REJECTED = "REJECTED";

    @Id
    @Column(name = "usage_report_id")
    private UUID usageReportId;
    @Column(name = "report_version")
    private Integer reportVersion;
    @Column(name = "corrects_usage_report_id")
    private UUID correctsUsageReportId;
    @Column(name = "allocation_id", nullable = false)
    private UUID allocationId;
    @Column(name = "provider_id", nullable = false)
    private UUID providerId;
    @Column(name = "voucher_id")
    private UUID voucherId;
    @Column(name = "record_id")
    private String recordId;
    @Column(name = "period_start", nullable = false)
    private OffsetDateTime periodStart;
    @Column(name = "period_end", nullable = false)
    private OffsetDateTime periodEnd;
    @Column(nullable = false)
    private BigDecimal units;
    @Column(name = "unit_price_fen", nullable = false)
    private long unitPriceFen;
    @Column(name = "amount_fen", nullable = false)
    private long amountFen;
    @Column(name = "delivery_certificate_ref")
    private String deliveryCertificateRef;
    @Column(nullable = false)
    private String decision;
    private String reason;
    private String detail;
    @Column(name = "subsidy_fen")
    private Long subsidyFen;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private String[] flags;
    @Column(name = "decided_at", nullable = false)
    private OffsetDateTime decidedAt;
    /** computed by the database: flags not empty */
    @Column(insertable = false, updatable = false)
    private Boolean flagged;

    protected UsageDecision() {
    }

    /** @param voucherId the voucher of the allocation, null if the allocation is unknown */
    public static UsageDecision decide(UsageReport report, UsageVerdict verdict, UUID voucherId, OffsetDateTime now) {
        UsageDecision d = new UsageDecision();
        d.usageReportId = report.usageReportId();
        d.reportVersion = report.version();
        d.correctsUsageReportId = report.correctsUsageReportId();
        d.allocationId = report.allocationId();
        d.providerId = report.providerId();
        d.voucherId = voucherId;
        d.recordId = report.recordId();
        d.periodStart = report.periodStart();
        d.periodEnd = report.periodEnd();
        d.units = report.units();
        d.unitPriceFen = report.unitPriceFen();
        d.amountFen = report.amountFen();
        d.deliveryCertificateRef = report.deliveryCertificateRef();
        d.decision = verdict.accepted() ? ACCEPTED : REJECTED;
        d.reason = verdict.accepted() ? null : verdict.reason().name();
        d.detail = verdict.detail();
        d.subsidyFen = verdict.accepted() ? verdict.subsidyFen() : null;
        d.flags = verdict.flags().toArray(String[]::new);
        d.decidedAt = now;
        return d;
    }

    public boolean isAccepted() {
        return ACCEPTED.equals(decision);
    }

    /** @param unit the allocation's unit, which the report's units are in */
    public UsageAcceptedV1 accepted(String unit) {
        return new UsageAcceptedV1(usageReportId, allocationId, voucherId, providerId, units.toPlainString(),
                amountFen, subsidyFen, List.of(flags), unit);
    }

    public UsageRejectedV1 rejected() {
        return new UsageRejectedV1(usageReportId, allocationId, providerId, reason, detail);
    }

    public UUID usageReportId() { return usageReportId; }
    public Integer reportVersion() { return reportVersion; }
    public UUID correctsUsageReportId() { return correctsUsageReportId; }
    public UUID allocationId() { return allocationId; }
    public UUID providerId() { return providerId; }
    public UUID voucherId() { return voucherId; }
    public String recordId() { return recordId; }
    public OffsetDateTime periodStart() { return periodStart; }
    public OffsetDateTime periodEnd() { return periodEnd; }
    public BigDecimal units() { return units; }
    public long unitPriceFen() { return unitPriceFen; }
    public long amountFen() { return amountFen; }
    public String deliveryCertificateRef() { return deliveryCertificateRef; }
    public String decision() { return decision; }
    public String reason() { return reason; }
    public String detail() { return detail; }
    public Long subsidyFen() { return subsidyFen; }
    public List<String> flags() { return List.of(flags); }
    public OffsetDateTime decidedAt() { return decidedAt; }
}
