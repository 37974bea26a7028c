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

    @Column(name = "reserved_fen")
    public long reservedFen;
    @Column(name = "reviewed_at")
    public OffsetDateTime reviewedAt;
    @Column(name = "first_approved_by")
    public String firstApprovedBy;
    @Column(name = "first_approved_at")
    public OffsetDateTime firstApprovedAt;
    @Column(name = "voucher_id")
    public UUID voucherId;

    private static final Set<ApplicationStatus> SUBMITTABLE = EnumSet.of(ApplicationStatus.DRAFT, ApplicationStatus.RETURNED);
    private static final Set<ApplicationStatus> IN_REVIEW = EnumSet.of(ApplicationStatus.UNDER_REVIEW, ApplicationStatus.APPROVED);
    private static final Set<ApplicationStatus> WITHDRAWABLE = EnumSet.of(ApplicationStatus.DRAFT, ApplicationStatus.RETURNED,
            ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW, ApplicationStatus.APPROVED);
    private static final Set<ApplicationStatus> LAPSABLE = EnumSet.of(ApplicationStatus.RETURNED,
            ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW, ApplicationStatus.APPROVED);

    /** Only a draft or a returned application can be edited by the enterprise. */
    public void requireEditable() {
        require(SUBMITTABLE, "edited");
    }

    /** The automatic checks passed: the application waits for review, with the requested subsidy reserved. */
    public void submit(long reservedFen, OffsetDateTime now) {
        require(SUBMITTABLE, "submitted");
        status = ApplicationStatus.UNDER_REVIEW;
        submittedAt = now;
        this.reservedFen = reservedFen;
        reviewedBy = null;
        reviewedAt = null;
        firstApprovedBy = null;
        firstApprovedAt = null;
        decisionReason = null;
    }

    /** A reviewer (初审) has checked the application and recommends approval. */
    public void review(String reviewer, OffsetDateTime now) {
        require(EnumSet.of(ApplicationStatus.UNDER_REVIEW), "reviewed");
        if (reviewedBy != null) {
            throw ProblemException.conflict("ALREADY_REVIEWED", "Application was already reviewed by " + reviewedBy,
                    "该申请已由 " + reviewedBy + " 初审");
        }
        reviewedBy = reviewer;
        reviewedAt = now;
    }

    /**
     * An approver's decision. Returns true when the voucher must be issued now; false when the amount is
     * above the programme's threshold and a second, different approver must still approve (four eyes).
     */
    public boolean approve(String approver, boolean needsSecondApprover, OffsetDateTime now) {
        require(IN_REVIEW, "approved");
        if (reviewedBy == null) {
            throw ProblemException.conflict("REVIEW_REQUIRED", "A reviewer must review the application before approval",
                    "须先经审核员初审才能审批");
        }
        if (approver.equals(reviewedBy)) {
            throw new ProblemException(403, "FOUR_EYES", "The reviewer of an application cannot also approve it",
                    "初审人不得同时审批同一申请");
        }
        if (status == ApplicationStatus.UNDER_REVIEW && needsSecondApprover) {
            status = ApplicationStatus.APPROVED;
            firstApprovedBy = approver;
            firstApprovedAt = now;
            return false;
        }
        if (status == ApplicationStatus.APPROVED && approver.equals(firstApprovedBy)) {
            throw new ProblemException(403, "SECOND_APPROVER_REQUIRED",
                    "Above the programme's threshold a second, different approver must approve",
                    "超过项目阈值的申请须由另一名审批人复核");
        }
        status = ApplicationStatus.ISSUED;
        approvedBy = approver;
        decidedAt = now;
        reservedFen = 0;
        return true;
    }

    /** Marks the voucher issued for this application. */
    public void issued(UUID voucherId) {
        this.voucherId = voucherId;
    }

    public void returnForRevision(String who, String reason, OffsetDateTime now) {
        require(IN_REVIEW, "returned");
        requireReason(reason);
        status = ApplicationStatus.RETURNED;
        decisionReason = reason;
        decidedAt = now;
        reviewedBy = who;
        reservedFen = 0;
    }

    public void reject(String who, String reason, OffsetDateTime now) {
        require(IN_REVIEW, "rejected");
        requireReason(reason);
        status = ApplicationStatus.REJECTED;
        decisionReason = reason;
        decidedAt = now;
        if (reviewedBy == null) {
            reviewedBy = who;
        }
        reservedFen = 0;
    }

    public void withdraw(OffsetDateTime now) {
        require(WITHDRAWABLE, "withdrawn");
        status = ApplicationStatus.WITHDRAWN;
        decidedAt = now;
        reservedFen = 0;
    }

    /** The programme closed (or its window or budget ended) before a decision. */
    public void lapse(String reason, OffsetDateTime now) {
        require(LAPSABLE, "lapsed");
        status = ApplicationStatus.LAPSED;
        decisionReason = reason;
        decidedAt = now;
        reservedFen = 0;
    }

    public boolean isOpenForDecision() {
        return LAPSABLE.contains(status);
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
