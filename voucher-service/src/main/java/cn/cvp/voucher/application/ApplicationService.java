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
import cn.cvp.voucher.domain.LedgerEntry;
import cn.cvp.voucher.domain.Money;
import cn.cvp.voucher.domain.Programme;
import cn.cvp.voucher.domain.ProgrammeRuleSet;
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
        var demand = request.demand();
        if (!demand.windowEnd().isAfter(demand.windowStart())
                || Duration.between(demand.windowStart(), demand.windowEnd()).toDays() > 366) {
            throw ProblemException.invalid("INVALID_WINDOW",
                    "The demand window must end after it starts and last at most 366 days",
                    "需求时间窗口的结束时间须晚于开始时间，且不超过 366 天");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Application a = new Application();
        a.id = UUID.randomUUID();
        a.programmeId = programme.id;
        a.rulesVersion = programme.currentRulesVersion;
        a.enterpriseId = enterprise.id;
        a.enterpriseCreditCode = enterprise.creditCode;
        a.status = ApplicationStatus.DRAFT;
        a.resourceClass = demand.resourceClass();
        a.cardHours = demand.cardHours();
        a.regions = List.copyOf(demand.regions());
        a.windowStart = demand.windowStart();
        a.windowEnd = demand.windowEnd();
        a.purpose = request.purpose();
        a.contractAmountFen = request.amountFen();
        if (request.contract() != null) {
            a.contractNumber = request.contract().number();
            a.contractSignedOn = request.contract().signedOn();
            a.contractMonths = request.contract().months();
            a.providerCreditCode = request.contract().providerCreditCode();
        }
        a.otherSubsidyDeclared = request.otherMunicipalSubsidy();
        a.requestedSubsidyFen = Money.subsidyFen(rules.ratioFor(enterprise, a.resourceClass), a.contractAmountFen);
        a.createdAt = now;
        a.persist();
        audit.record(caller.actor(), "APPLICATION_CREATED", "Application", a.id, null, snapshot(a));
        return a;
    }

    /** Runs the automatic checks; on success the application waits for review, else nothing changes. */
    @Transactional
    public Application submit(Caller caller, UUID id) {
        Application a = ownApplication(caller, id, LockModeType.PESSIMISTIC_WRITE);
        Programme programme = Programme.findById(a.programmeId);
        programme.requireOpen();
        ProgrammeRules rules = programmes.rules(a.programmeId, a.rulesVersion);
        Enterprise enterprise = Enterprise.findById(a.enterpriseId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean contractUsed = a.contractNumber != null && Application.count(
                "programmeId = ?1 and contractNumber = ?2 and id <> ?3 and status in ?4",
                a.programmeId, a.contractNumber, a.id, OPEN_STATES) > 0;
        List<SubmissionChecks.Failure> failures = SubmissionChecks.run(rules, enterprise, a,
                new SubmissionChecks.Context(now.toLocalDate(), contractUsed,
                        committedThisYear(a.enterpriseId, a.programmeId, now.getYear()),
                        programme.budgetRemainingFen()));
        if (!failures.isEmpty()) {
            SubmissionChecks.Failure first = failures.get(0);
            throw new ProblemException(422, first.code(), first.messageEn(), first.messageZh(), Map.of(),
                    failures.stream().map(f -> new ProblemException.FieldError("application", f.code(), f.messageEn())).toList());
        }
        ApplicationStatus before = a.status;
        a.submit(now);
        audit.record(caller.actor(), "APPLICATION_SUBMITTED", "Application", a.id, Map.of("status", before), snapshot(a));
        return a;
    }

    /**
     * Approves and issues the voucher in one transaction: face value = min(ratio × amount, the enterprise's
     * remaining annual cap, the programme's remaining budget), committed under row locks so that hundreds
     * of concurrent approvals never overspend.
     */
    @Transactional
    public Voucher approve(Caller caller, UUID id) {
        Application a = Application.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            throw ProblemException.notFound("Application", id);
        }
        requireNotOwnOrganisation(caller, a);
        Programme programme = Programme.findById(a.programmeId, LockModeType.PESSIMISTIC_WRITE);
        ProgrammeRules rules = programmes.rules(a.programmeId, a.rulesVersion);
        Enterprise enterprise = Enterprise.findById(a.enterpriseId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        ApplicationStatus before = a.status;
        a.approveAndIssue(caller.username(), now);

        AnnualCommitment commitment = lockCommitment(a.enterpriseId, a.programmeId, now.getYear());
        BigDecimal ratio = rules.ratioFor(enterprise, a.resourceClass);
        long capLeft = rules.annualCapFor(enterprise) - commitment.committedFen;
        if (capLeft <= 0) {
            throw ProblemException.unprocessable("ANNUAL_CAP_EXCEEDED",
                    "The enterprise has used its annual cap of " + Money.yuan(rules.annualCapFor(enterprise)) + " yuan",
                    "该企业已用完年度补贴上限 " + Money.yuan(rules.annualCapFor(enterprise)) + " 元");
        }
        long face = Math.min(Money.subsidyFen(ratio, a.contractAmountFen), Math.min(capLeft, programme.budgetRemainingFen()));
        programme.commit(face);
        commitment.committedFen += face;

        Voucher voucher = Voucher.issue(a, ratio, face, now, now.plusMonths(rules.voucherValidityMonths()));
        voucher.persist();
        voucher.issueEntry(now).persist();
        outbox.append(VoucherEvents.TOPIC, voucher.id.toString(), VoucherEvents.ISSUED, voucher.id.toString(),
                new VoucherEvents.VoucherIssuedV1(voucher.id, a.id, programme.id, programme.code,
                        enterprise.creditCode, enterprise.relatedParties, face, ratio.toPlainString(),
                        rules.domesticChipSubsidyRatio() == null ? null : rules.domesticChipSubsidyRatio().toPlainString(),
                        rules.providerRequirements().stream().map(Enum::name).sorted().toList(),
                        now, voucher.validUntil,
                        new VoucherEvents.Demand(a.resourceClass.name(), a.cardHours, a.regions, a.windowStart, a.windowEnd)));
        audit.record(caller.actor(), "APPLICATION_APPROVED", "Application", a.id, Map.of("status", before), snapshot(a));
        audit.record(caller.actor(), "VOUCHER_ISSUED", "Voucher", voucher.id, null,
                Map.of("faceValueFen", face, "ratio", ratio, "applicationId", a.id));
        return voucher;
    }

    @Transactional
    public Application reject(Caller caller, UUID id, String reason) {
        Application a = Application.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            throw ProblemException.notFound("Application", id);
        }
        requireNotOwnOrganisation(caller, a);
        ApplicationStatus before = a.status;
        a.reject(caller.username(), reason, OffsetDateTime.now(clock));
        audit.record(caller.actor(), "APPLICATION_REJECTED", "Application", a.id, Map.of("status", before), snapshot(a));
        return a;
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

    private long committedThisYear(UUID enterpriseId, UUID programmeId, int year) {
        AnnualCommitment c = AnnualCommitment.findById(new AnnualCommitment.Key(enterpriseId, programmeId, year));
        return c == null ? 0 : c.committedFen;
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
        return Map.of("status", a.status, "programmeId", a.programmeId, "amountFen", a.contractAmountFen,
                "requestedSubsidyFen", a.requestedSubsidyFen, "cardHours", a.cardHours,
                "resourceClass", a.resourceClass);
    }
}
