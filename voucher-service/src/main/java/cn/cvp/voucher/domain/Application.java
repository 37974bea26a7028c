package cn.cvp.voucher.domain;

import cn.cvp.kit.problem.ProblemException;
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

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** An enterprise's application (申请) for a voucher under a programme, with its compute demand. */
@Entity
@Table(name = "application")
public class Application extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "programme_id")
    public UUID programmeId;
    @Column(name = "rules_version")
    public int rulesVersion;
    @Column(name = "enterprise_id")
    public UUID enterpriseId;
    @Column(name = "enterprise_credit_code")
    public String enterpriseCreditCode;
    @Enumerated(EnumType.STRING)
    public ApplicationStatus status;
    @Enumerated(EnumType.STRING)
    @Column(name = "resource_class")
    public ResourceClass resourceClass;
    @Column(name = "card_hours")
    public long cardHours;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<String> regions;
    @Column(name = "window_start")
    public OffsetDateTime windowStart;
    @Column(name = "window_end")
    public OffsetDateTime windowEnd;
    public String purpose;
    @Column(name = "contract_number")
    public String contractNumber;
    @Column(name = "contract_signed_on")
    public LocalDate contractSignedOn;
    @Column(name = "contract_months")
    public Integer contractMonths;
    @Column(name = "contract_amount_fen")
    public long contractAmountFen;
    @Column(name = "provider_credit_code")
    public String providerCreditCode;
    @Column(name = "other_subsidy_declared")
    public boolean otherSubsidyDeclared;
    @Column(name = "requested_subsidy_fen")
    public long requestedSubsidyFen;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
    @Column(name = "decision_reason")
    public String decisionReason;
    @Column(name = "reviewed_by")
    public String reviewedBy;
    @Column(name = "approved_by")
    public String approvedBy;
    @Version
    @Column(name = "row_version")
    public long rowVersion;

    private static final Set<ApplicationStatus> SUBMITTABLE = EnumSet.of(ApplicationStatus.DRAFT, ApplicationStatus.RETURNED);
    private static final Set<ApplicationStatus> DECIDABLE = EnumSet.of(ApplicationStatus.UNDER_REVIEW);

    /** The automatic checks passed: the application waits for review. */
    public void submit(OffsetDateTime now) {
        require(SUBMITTABLE, "submitted");
        status = ApplicationStatus.UNDER_REVIEW;
        submittedAt = now;
    }

    /** Approval and issue happen in one transaction: the application ends ISSUED. */
    public void approveAndIssue(String approver, OffsetDateTime now) {
        require(DECIDABLE, "approved");
        status = ApplicationStatus.ISSUED;
        approvedBy = approver;
        decidedAt = now;
    }

    public void reject(String reviewer, String reason, OffsetDateTime now) {
        require(DECIDABLE, "rejected");
        requireReason(reason);
        status = ApplicationStatus.REJECTED;
        reviewedBy = reviewer;
        decisionReason = reason;
        decidedAt = now;
    }

    private void require(Set<ApplicationStatus> allowed, String action) {
        if (!allowed.contains(status)) {
            throw ProblemException.illegalState("Application", status, action);
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("REASON_REQUIRED", "A reason is required", "必须填写理由");
        }
    }
}
