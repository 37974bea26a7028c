package cn.cvp.voucher.application;

import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.outbox.Outbox;
import cn.cvp.kit.problem.ProblemException;
import cn.cvp.kit.security.Caller;
import cn.cvp.voucher.api.ApplicationRequests;
import cn.cvp.voucher.domain.AnnualCommitment;
import cn.cvp.voucher.domain.Application;
import cn.cvp.voucher.domain.ApplicationStatus;
import cn.cvp.voucher.domain.Enterprise;
import cn.cvp.voucher.domain.Money;
import cn.cvp.voucher.domain.Programme;
import cn.cvp.voucher.domain.ProgrammeRules;
import cn.cvp.voucher.domain.SubmissionChecks;
import cn.cvp.voucher.domain.Voucher;
import cn.cvp.voucher.messaging.VoucherEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Applications (申请): drafting, submission with automatic checks, review and issue of the voucher. */
@ApplicationScoped
public class ApplicationService {
    private static final EnumSet<ApplicationStatus> OPEN_STATES =
            EnumSet.of(ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW, ApplicationStatus.APPROVED, ApplicationStatus.ISSUED);

    private final EntityManager em;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;
    private final ProgrammeService programmes;

    public ApplicationService(EntityManager em, Outbox outbox, AuditLog audit, Clock clock, ProgrammeService programmes) {
        this.em = em;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.programmes = programmes;
    }

    @Transactional
    public Application create(Caller caller, ApplicationRequests.Create request) {
        Enterprise enterprise = Enterprise.byCreditCode(caller.requireOrganisation())
                .orElseThrow(() -> ProblemException.unprocessable("ENTERPRISE_NOT_REGISTERED",
                        "Register your organisation as an enterprise before applying", "请先完成企业登记再申请"));
        Programme programme = programmes.byCode(request.programmeCode());
        programme.requireOpen();
        ProgrammeRules rules = programmes.rules(programme.id, programme.currentRulesVersion);
        validateWindow(request.demand());
        Application a = new Application();
        a.id = UUID.randomUUID();
        a.programmeId = programme.id;
        a.rulesVersion = programme.currentRulesVersion;
        a.enterpriseId = enterprise.id;
        a.enterpriseCreditCode = enterprise.creditCode;
        a.status = ApplicationStatus.DRAFT;
        a.createdAt = OffsetDateTime.now(clock);
        fill(a, request, rules, enterprise);
        a.persist();
        audit.record(caller.actor(), "APPLICATION_CREATED", "Application", a.id, null, snapshot(a));
        return a;
    }

    /** Changes a draft or returned application (the enterprise revises it after a return). */
    @Transactional
    public Application revise(Caller caller, UUID id, ApplicationRequests.Create request) {
        Application a = ownApplication(caller, id, LockModeType.PESSIMISTIC_WRITE);
        a.requireEditable();
        Programme programme = Programme.findById(a.programmeId);
        if (!programme.code.equals(request.programmeCode())) {
            throw ProblemException.invalid("PROGRAMME_CHANGE_NOT_ALLOWED",
                    "An application cannot move to another programme; withdraw it and apply there",
                    "申请不能转到其他项目，请撤回后重新申请");
        }
        validateWindow(request.demand());
        Enterprise enterprise = Enterprise.findById(a.enterpriseId);
        ProgrammeRules rules = programmes.rules(a.programmeId, a.rulesVersion);
        Map<String, Object> before = snapshot(a);
        fill(a, request, rules, enterprise);
        audit.record(caller.actor(), "APPLICATION_REVISED", "Application", a.id, before, snapshot(a));
        return a;
    }

    /**
     * Runs the automatic checks and, if they pass, reserves the requested subsidy against the programme
     * budget and the enterprise's annual cap (both rows locked, so concurrent submissions cannot
     * overshoot); the application then waits for review. On any failure nothing changes.
     */
    @Transactional
    public Application submit(Caller caller, UUID id) {
        Application a = ownApplication(caller, id, LockModeType.PESSIMISTIC_WRITE);
        a.requireEditable();
        Programme programme = Programme.findById(a.programmeId, LockModeType.PESSIMISTIC_WRITE);
        programme.requireOpen();
        ProgrammeRules rules = programmes.rules(a.programmeId, a.rulesVersion);
        Enterprise enterprise = Enterprise.findById(a.enterpriseId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        AnnualCommitment annual = lockCommitment(a.enterpriseId, a.programmeId, now.getYear());
        boolean contractUsed = a.contractNumber != null && Application.count(
                "programmeId = ?1 and contractNumber = ?2 and id <> ?3 and status in ?4",
                a.programmeId, a.contractNumber, a.id, OPEN_STATES) > 0;
        List<SubmissionChecks.Failure> failures = SubmissionChecks.run(rules, enterprise, a,
                new SubmissionChecks.Context(now.toLocalDate(), contractUsed,
                        annual.committedFen + annual.reservedFen, programme.budgetRemainingFen()));
        if (!failures.isEmpty()) {
            SubmissionChecks.Failure first = failures.get(0);
            throw new ProblemException(422, first.code(), first.messageEn(), first.messageZh(), Map.of(),
                    failures.stream().map(f -> new ProblemException.FieldError("application", f.code(), f.messageEn())).toList());
        }
        ApplicationStatus before = a.status;
        programme.reserve(a.requestedSubsidyFen);
        annual.reservedFen += a.requestedSubsidyFen;
        a.submit(a.requestedSubsidyFen, now);
        audit.record(caller.actor(), "APPLICATION_SUBMITTED", "Application", a.id, Map.of("status", before), snapshot(a));
        return a;
    }

    /** The reviewer's check (初审): recommends the application to the approvers. */
    @Transactional
    public Application review(Caller caller, UUID id) {
        Application a = lockedForDecision(caller, id);
        Map<String, Object> before = snapshot(a);
        a.review(caller.username(), OffsetDateTime.now(clock));
        audit.record(caller.actor(), "APPLICATION_REVIEWED", "Application", a.id, before, snapshot(a));
        return a;
    }

    /**
     * An approver's decision. Below the programme's threshold it issues the voucher; above it, the first
     * approval waits for a second, different approver, whose approval issues it. On issue, the face value
     * = min(ratio × amount, the enterprise's annual cap left, the programme's budget left), committed in
     * the same transaction under row locks, so that hundreds of concurrent approvals never overspend.
     */
    @Transactional
    public Application approve(Caller caller, UUID id) {
        Application a = lockedForDecision(caller, id);
        Programme programme = Programme.findById(a.programmeId, LockModeType.PESSIMISTIC_WRITE);
        ProgrammeRules rules = programmes.rules(a.programmeId, a.rulesVersion);
        Enterprise enterprise = Enterprise.findById(a.enterpriseId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, Object> before = snapshot(a);
        long reserved = a.reservedFen;
        boolean issueNow = a.approve(caller.username(), a.requestedSubsidyFen > rules.secondApproverThresholdFen(), now);
        if (!issueNow) {
            audit.record(caller.actor(), "APPLICATION_FIRST_APPROVAL", "Application", a.id, before, snapshot(a));
            return a;
        }
        releaseReservation(programme, a, reserved);
        AnnualCommitment commitment = lockCommitment(a.enterpriseId, a.programmeId, now.getYear());
        BigDecimal ratio = rules.ratioFor(enterprise, a.resourceClass);
        long cap = rules.annualCapFor(enterprise);
        long capLeft = cap - commitment.committedFen - commitment.reservedFen;
        if (capLeft <= 0) {
            throw ProblemException.unprocessable("ANNUAL_CAP_EXCEEDED",
                    "The enterprise has used its annual cap of " + Money.yuan(cap) + " yuan",
                    "该企业已用完年度补贴上限 " + Money.yuan(cap) + " 元");
        }
        long face = Math.min(Money.subsidyFen(ratio, a.contractAmountFen), Math.min(capLeft, programme.budgetRemainingFen()));
        programme.commit(face);
        commitment.committedFen += face;

        Voucher voucher = Voucher.issue(a, ratio, face, now, now.plusMonths(rules.voucherValidityMonths()));
        voucher.persist();
        voucher.issueEntry(now).persist();
        a.issued(voucher.id);
        outbox.append(VoucherEvents.TOPIC, voucher.id.toString(), VoucherEvents.ISSUED, voucher.id.toString(),
                new VoucherEvents.VoucherIssuedV1(voucher.id, a.id, programme.id, programme.code,
                        enterprise.creditCode, enterprise.relatedParties, face, ratio.toPlainString(),
                        rules.domesticChipSubsidyRatio() == null ? null : rules.domesticChipSubsidyRatio().toPlainString(),
                        rules.providerRequirements().stream().map(Enum::name).sorted().toList(),
                        now, voucher.validUntil,
                        new VoucherEvents.Demand(a.resourceClass.name(), a.cardHours, a.regions, a.windowStart, a.windowEnd)));
        audit.record(caller.actor(), "APPLICATION_APPROVED", "Application", a.id, before, snapshot(a));
        audit.record(caller.actor(), "VOUCHER_ISSUED", "Voucher", voucher.id, null,
                Map.of("faceValueFen", face, "ratio", ratio, "applicationId", a.id));
        return a;
    }

    @Transactional
    public Application reject(Caller caller, UUID id, String reason) {
        return close(caller, id, "APPLICATION_REJECTED", (a, now) -> a.reject(caller.username(), reason, now));
    }

    /** Sends the application back to the enterprise for revision (退回修改); it can be resubmitted. */
    @Transactional
    public Application returnForRevision(Caller caller, UUID id, String reason) {
        return close(caller, id, "APPLICATION_RETURNED", (a, now) -> a.returnForRevision(caller.username(), reason, now));
    }

    @Transactional
    public Application withdraw(Caller caller, UUID id) {
        Application a = ownApplication(caller, id, LockModeType.PESSIMISTIC_WRITE);
        Programme programme = Programme.findById(a.programmeId, LockModeType.PESSIMISTIC_WRITE);
        Map<String, Object> before = snapshot(a);
        long reserved = a.reservedFen;
        a.withdraw(OffsetDateTime.now(clock));
        releaseReservation(programme, a, reserved);
        audit.record(caller.actor(), "APPLICATION_WITHDRAWN", "Application", a.id, before, snapshot(a));
        return a;
    }

    /** Lapses every undecided application of a programme that closes, releasing what they reserved. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int lapseAll(Caller caller, Programme programme, String reason) {
        List<Application> open = Application.list("programmeId = ?1 and status in ?2", programme.id,
                EnumSet.of(ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW, ApplicationStatus.APPROVED,
                        ApplicationStatus.RETURNED));
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Application a : open) {
            em.lock(a, LockModeType.PESSIMISTIC_WRITE);
            Map<String, Object> before = snapshot(a);
            long reserved = a.reservedFen;
            a.lapse(reason, now);
            releaseReservation(programme, a, reserved);
            audit.record(caller.actor(), "APPLICATION_LAPSED", "Application", a.id, before, snapshot(a));
        }
        return open.size();
    }

    private Application close(Caller caller, UUID id, String action,
                              java.util.function.BiConsumer<Application, OffsetDateTime> transition) {
        Application a = lockedForDecision(caller, id);
        Programme programme = Programme.findById(a.programmeId, LockModeType.PESSIMISTIC_WRITE);
        Map<String, Object> before = snapshot(a);
        long reserved = a.reservedFen;
        transition.accept(a, OffsetDateTime.now(clock));
        releaseReservation(programme, a, reserved);
        audit.record(caller.actor(), action, "Application", a.id, before, snapshot(a));
        return a;
    }

    private Application lockedForDecision(Caller caller, UUID id) {
        Application a = Application.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            throw ProblemException.notFound("Application", id);
        }
        requireNotOwnOrganisation(caller, a);
        return a;
    }

    private void releaseReservation(Programme programme, Application a, long reserved) {
        if (reserved <= 0) {
            return;
        }
        programme.releaseReservation(reserved);
        AnnualCommitment annual = lockCommitment(a.enterpriseId, a.programmeId, a.submittedAt.getYear());
        annual.reservedFen -= reserved;
    }

    private static void validateWindow(ApplicationRequests.Demand demand) {
        if (!demand.windowEnd().isAfter(demand.windowStart())
                || Duration.between(demand.windowStart(), demand.windowEnd()).toDays() > 366) {
            throw ProblemException.invalid("INVALID_WINDOW",
                    "The demand window must end after it starts and last at most 366 days",
                    "需求时间窗口的结束时间须晚于开始时间，且不超过 366 天");
        }
    }

    private static void fill(Application a, ApplicationRequests.Create request, ProgrammeRules rules, Enterprise enterprise) {
        var demand = request.demand();
        a.resourceClass = demand.resourceClass();
        a.cardHours = demand.cardHours();
        a.regions = List.copyOf(demand.regions());
        a.windowStart = demand.windowStart();
        a.windowEnd = demand.windowEnd();
        a.purpose = request.purpose();
        a.contractAmountFen = request.amountFen();
        a.contractNumber = request.contract() == null ? null : request.contract().number();
        a.contractSignedOn = request.contract() == null ? null : request.contract().signedOn();
        a.contractMonths = request.contract() == null ? null : request.contract().months();
        a.providerCreditCode = request.contract() == null ? null : request.contract().providerCreditCode();
        a.otherSubsidyDeclared = request.otherMunicipalSubsidy();
        a.requestedSubsidyFen = Money.subsidyFen(rules.ratioFor(enterprise, a.resourceClass), a.contractAmountFen);
    }

    /** An enterprise sees its own applications only; others' are "not found". */
    public Application ownApplication(Caller caller, UUID id, LockModeType lock) {
        Application a = Application.findById(id, lock);
        if (a == null || !a.enterpriseCreditCode.equals(caller.requireOrganisation())) {
            throw ProblemException.notFound("Application", id);
        }
        return a;
    }

    private static void requireNotOwnOrganisation(Caller caller, Application a) {
        if (a.enterpriseCreditCode.equals(caller.organisation())) {
            throw new ProblemException(403, "OWN_ORGANISATION",
                    "Nobody may review an application of their own organisation", "不得审核本单位的申请");
        }
    }

    private AnnualCommitment lockCommitment(UUID enterpriseId, UUID programmeId, int year) {
        em.createNativeQuery("""
                        insert into enterprise_annual_commitment (enterprise_id, programme_id, year, committed_fen)
                        values (:e, :p, :y, 0) on conflict do nothing""")
                .setParameter("e", enterpriseId).setParameter("p", programmeId).setParameter("y", year)
                .executeUpdate();
        return AnnualCommitment.findById(new AnnualCommitment.Key(enterpriseId, programmeId, year),
                LockModeType.PESSIMISTIC_WRITE);
    }

    private static Map<String, Object> snapshot(Application a) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("status", a.status);
        m.put("programmeId", a.programmeId);
        m.put("amountFen", a.contractAmountFen);
        m.put("requestedSubsidyFen", a.requestedSubsidyFen);
        m.put("reservedFen", a.reservedFen);
        m.put("cardHours", a.cardHours);
        m.put("resourceClass", a.resourceClass);
        m.put("reviewedBy", a.reviewedBy);
        m.put("firstApprovedBy", a.firstApprovedBy);
        m.put("approvedBy", a.approvedBy);
        m.put("voucherId", a.voucherId);
        return m;
    }
}
