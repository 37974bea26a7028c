package cn.cvp.voucher.review.domain;

import cn.cvp.kit.domain.DomainException;
import cn.cvp.voucher.programme.domain.BillingUnit;
import cn.cvp.voucher.programme.domain.ResourceClass;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An enterprise's application (申请) for a voucher under a programme, with its compute demand. Each transition checks
 * the current state first (409 ILLEGAL_STATE with it otherwise) and never half-applies; every exit that does not
 * issue a voucher gives back what the application reserved ({@link #reservedFen()} drops to 0).
 */
@Entity
@Table(name = "application")
public class Application {
    @Id
    private UUID id;
    @Column(name = "programme_id")
    private UUID programmeId;
    @Column(name = "rules_version")
    private int rulesVersion;
    @Column(name = "enterprise_id")
    private UUID enterpriseId;
    @Column(name = "enterprise_credit_code")
    private String enterpriseCreditCode;
    @Enumerated(EnumType.STRING)
    private ApplicationStatus status;
    @Enumerated(EnumType.STRING)
    private ApplicationKind kind = ApplicationKind.VOUCHER;
    @Enumerated(EnumType.STRING)
    @Column(name = "resource_class")
    private ResourceClass resourceClass;
    /** the demand's quantity, in {@link #unit}; the column keeps its first name */
    @Column(name = "card_hours")
    private long cardHours;
    /** the resource class's unit, recorded with the demand */
    @Enumerated(EnumType.STRING)
    private BillingUnit unit;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private List<String> regions;
    @Column(name = "window_start")
    private OffsetDateTime windowStart;
    @Column(name = "window_end")
    private OffsetDateTime windowEnd;
    private String purpose;
    @Column(name = "contract_number")
    private String contractNumber;
    @Column(name = "contract_signed_on")
    private LocalDate contractSignedOn;
    @Column(name = "contract_months")
    private Integer contractMonths;
    @Column(name = "contract_amount_fen")
    private long contractAmountFen;
    @Column(name = "provider_credit_code")
    private String providerCreditCode;
    @Column(name = "other_subsidy_declared")
    private boolean otherSubsidyDeclared;
    @Column(name = "requested_subsidy_fen")
    private long requestedSubsidyFen;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "submitted_at")
    private OffsetDateTime submittedAt;
    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;
    @Column(name = "decision_reason")
    private String decisionReason;
    @Column(name = "reviewed_by")
    private String reviewedBy;
    @Column(name = "approved_by")
    private String approvedBy;
    @Version
    @Column(name = "row_version")
    private long rowVersion;

    @Column(name = "reserved_fen")
    private long reservedFen;
    @Column(name = "reviewed_at")
    private OffsetDateTime reviewedAt;
    @Column(name = "first_approved_by")
    private String firstApprovedBy;
    @Column(name = "first_approved_at")
    private OffsetDateTime firstApprovedAt;
    @Column(name = "voucher_id")
    private UUID voucherId;
    /** The face value decided at submission (what is reserved), lowered at approval if less is left then. */
    @Column(name = "face_value_fen")
    private Long faceValueFen;
    @Enumerated(EnumType.STRING)
    @Column(name = "capped_by")
    private FaceValue.CappedBy cappedBy;

    private static final Set<ApplicationStatus> SUBMITTABLE = EnumSet.of(ApplicationStatus.DRAFT, ApplicationStatus.RETURNED);
    private static final Set<ApplicationStatus> IN_REVIEW = EnumSet.of(ApplicationStatus.UNDER_REVIEW, ApplicationStatus.APPROVED);
    private static final Set<ApplicationStatus> WITHDRAWABLE = EnumSet.of(ApplicationStatus.DRAFT, ApplicationStatus.RETURNED,
            ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW, ApplicationStatus.APPROVED);
    private static final Set<ApplicationStatus> LAPSABLE = EnumSet.of(ApplicationStatus.RETURNED,
            ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW, ApplicationStatus.APPROVED);

    protected Application() {
    }

    /** A new application (DRAFT) of an enterprise under the programme's current rules version. */
    public static Application draft(UUID id, UUID programmeId, int rulesVersion, UUID enterpriseId,
                                    String enterpriseCreditCode, OffsetDateTime now) {
        Application a = new Application();
        a.id = id;
        a.programmeId = programmeId;
        a.rulesVersion = rulesVersion;
        a.enterpriseId = enterpriseId;
        a.enterpriseCreditCode = enterpriseCreditCode;
        a.status = ApplicationStatus.DRAFT;
        a.createdAt = now;
        return a;
    }

    /** What the enterprise asks for, and the subsidy that follows from it under the application's rules. */
    public void describe(Demand demand, String purpose, long amountFen, Contract contract, boolean otherSubsidyDeclared,
                         long requestedSubsidyFen) {
        describe(ApplicationKind.VOUCHER, demand, purpose, amountFen, contract, otherSubsidyDeclared, requestedSubsidyFen);
    }

    /**
     * What the enterprise asks for: a voucher, or its annual quota under a quota-first programme (then the requested
     * subsidy is the quota, {@link OneQuotaAYear}, and the demand and amount are its estimate).
     */
    public void describe(ApplicationKind kind, Demand demand, String purpose, long amountFen, Contract contract,
                         boolean otherSubsidyDeclared, long requestedSubsidyFen) {
        this.kind = kind;
        resourceClass = demand.resourceClass();
        cardHours = demand.quantity();
        unit = demand.unit();
        regions = List.copyOf(demand.regions());
        windowStart = demand.windowStart();
        windowEnd = demand.windowEnd();
        this.purpose = purpose;
        contractAmountFen = amountFen;
        contractNumber = contract == null ? null : contract.number();
        contractSignedOn = contract == null ? null : contract.signedOn();
        contractMonths = contract == null ? null : contract.months();
        providerCreditCode = contract == null ? null : contract.providerCreditCode();
        this.otherSubsidyDeclared = otherSubsidyDeclared;
        this.requestedSubsidyFen = requestedSubsidyFen;
        faceValueFen = null;
        cappedBy = null;
    }

    /** Only a draft or a returned application can be edited by the enterprise. */
    public void requireEditable() {
        require(SUBMITTABLE, "edited");
    }

    /**
     * The automatic checks passed: the application waits for review, with its face value (the requested subsidy,
     * capped by what is left of the annual cap and the budget) reserved.
     */
    public void submit(FaceValue faceValue, OffsetDateTime now) {
        require(SUBMITTABLE, "submitted");
        status = ApplicationStatus.UNDER_REVIEW;
        submittedAt = now;
        this.reservedFen = faceValue.fen();
        faceValueFen = faceValue.fen();
        cappedBy = faceValue.cappedBy();
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
            throw DomainException.conflict("ALREADY_REVIEWED", "Application was already reviewed by " + reviewedBy,
                    "该申请已由 " + reviewedBy + " 初审");
        }
        reviewedBy = reviewer;
        reviewedAt = now;
    }

    /**
     * An approver's decision. Returns true when the voucher must be issued now; false when the amount is
     * above the programme's threshold and a second, different approver must still approve ({@link FourEyes}).
     */
    public boolean approve(String approver, boolean needsSecondApprover, OffsetDateTime now) {
        require(IN_REVIEW, "approved");
        if (reviewedBy == null) {
            throw DomainException.conflict("REVIEW_REQUIRED", "A reviewer must review the application before approval",
                    "须先经审核员初审才能审批");
        }
        FourEyes.requireApproverIsNotReviewer(approver, reviewedBy);
        if (status == ApplicationStatus.UNDER_REVIEW && needsSecondApprover) {
            status = ApplicationStatus.APPROVED;
            firstApprovedBy = approver;
            firstApprovedAt = now;
            return false;
        }
        if (status == ApplicationStatus.APPROVED) {
            FourEyes.requireSecondApproverIsNotFirst(approver, firstApprovedBy);
        }
        status = ApplicationStatus.ISSUED;
        approvedBy = approver;
        decidedAt = now;
        reservedFen = 0;
        return true;
    }

    /** Marks the voucher issued for this application, with the face value it was issued with. */
    public void issued(UUID voucherId, FaceValue faceValue) {
        this.voucherId = voucherId;
        faceValueFen = faceValue.fen();
        cappedBy = faceValue.cappedBy();
    }

    /**
     * The face value decided so far: at submission (what is reserved), after approval the voucher's; null before
     * the first submission. Applications submitted before capping was recorded count their reservation, uncapped.
     */
    public FaceValue faceValue() {
        if (faceValueFen != null) {
            return new FaceValue(faceValueFen, cappedBy == null ? FaceValue.CappedBy.NONE : cappedBy);
        }
        return submittedAt == null ? null : new FaceValue(reservedFen > 0 ? reservedFen : requestedSubsidyFen,
                FaceValue.CappedBy.NONE);
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
            throw DomainException.illegalState("Application", status, action);
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("REASON_REQUIRED", "A reason is required", "必须填写理由");
        }
    }

    /** What the audit log records before and after a change. */
    public Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status);
        m.put("kind", kind);
        m.put("programmeId", programmeId);
        m.put("amountFen", contractAmountFen);
        m.put("requestedSubsidyFen", requestedSubsidyFen);
        m.put("reservedFen", reservedFen);
        m.put("faceValueFen", faceValueFen);
        m.put("cappedBy", cappedBy);
        m.put("unit", unit);
        m.put("quantity", cardHours);
        m.put("resourceClass", resourceClass);
        m.put("reviewedBy", reviewedBy);
        m.put("firstApprovedBy", firstApprovedBy);
        m.put("approvedBy", approvedBy);
        m.put("voucherId", voucherId);
        return m;
    }

    public UUID id() { return id; }
    public UUID programmeId() { return programmeId; }
    public int rulesVersion() { return rulesVersion; }
    public UUID enterpriseId() { return enterpriseId; }
    public String enterpriseCreditCode() { return enterpriseCreditCode; }
    public ApplicationStatus status() { return status; }
    public ApplicationKind kind() { return kind; }
    public boolean isQuota() { return kind == ApplicationKind.QUOTA; }
    public ResourceClass resourceClass() { return resourceClass; }
    /** The demand's quantity, in {@link #unit()}. */
    public long quantity() { return cardHours; }
    /** Card-hours, core-hours or TB-months (the resource class's unit). */
    public BillingUnit unit() { return unit != null ? unit : resourceClass == null ? null : resourceClass.unit(); }
    public List<String> regions() { return regions; }
    public OffsetDateTime windowStart() { return windowStart; }
    public OffsetDateTime windowEnd() { return windowEnd; }
    public String purpose() { return purpose; }
    public String contractNumber() { return contractNumber; }
    public LocalDate contractSignedOn() { return contractSignedOn; }
    public Integer contractMonths() { return contractMonths; }
    public long contractAmountFen() { return contractAmountFen; }
    public String providerCreditCode() { return providerCreditCode; }
    public boolean otherSubsidyDeclared() { return otherSubsidyDeclared; }
    public long requestedSubsidyFen() { return requestedSubsidyFen; }
    public OffsetDateTime createdAt() { return createdAt; }
    public OffsetDateTime submittedAt() { return submittedAt; }
    public OffsetDateTime decidedAt() { return decidedAt; }
    public String decisionReason() { return decisionReason; }
    public String reviewedBy() { return reviewedBy; }
    public String approvedBy() { return approvedBy; }
    public long rowVersion() { return rowVersion; }
    public long reservedFen() { return reservedFen; }
    public OffsetDateTime reviewedAt() { return reviewedAt; }
    public String firstApprovedBy() { return firstApprovedBy; }
    public OffsetDateTime firstApprovedAt() { return firstApprovedAt; }
    public UUID voucherId() { return voucherId; }

    /** The contract as the application states it (all parts null when it names none). */
    public Contract contract() {
        return new Contract(contractNumber, contractSignedOn, contractMonths, providerCreditCode);
    }

    /** The demand as the application states it. */
    public Demand demand() {
        return new Demand(resourceClass, cardHours, regions, windowStart, windowEnd);
    }
}
