package cn.cvp.voucher.review.application;

import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.time.ClockProducer;
import cn.cvp.kit.security.Actor;
import cn.cvp.voucher.enterprise.application.Enterprises;
import cn.cvp.voucher.enterprise.domain.Enterprise;
import cn.cvp.voucher.programme.application.Programmes;
import cn.cvp.voucher.programme.domain.Programme;
import cn.cvp.voucher.programme.domain.ProgrammeRules;
import cn.cvp.voucher.review.domain.AnnualCommitment;
import cn.cvp.voucher.review.domain.Application;
import cn.cvp.voucher.review.domain.ApplicationStatus;
import cn.cvp.voucher.review.domain.FaceValue;
import cn.cvp.voucher.review.domain.OneQuotaAYear;
import cn.cvp.voucher.review.domain.OneContractOneApplication;
import cn.cvp.voucher.review.domain.SubmissionChecks;
import cn.cvp.voucher.review.persistence.ApplicationRepository;
import cn.cvp.voucher.settlement.application.Providers;
import cn.cvp.voucher.settlement.domain.ProviderDirectoryEntry;
import cn.cvp.voucher.support.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.hibernate.exception.ConstraintViolationException;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Submission: runs the automatic checks ({@link SubmissionChecks}) and, if they pass, reserves the face value the
 * enterprise will get — the requested subsidy capped by what is left of its annual cap and of the programme budget
 * ({@link FaceValue}, refused only when nothing is left) — against both (both rows locked, so concurrent submissions
 * cannot overshoot); the application then waits for review. On any failure nothing changes: 422 with every failure in
 * {@code errors[]}. A quota application is refused when the enterprise already has one this year
 * ({@link OneQuotaAYear}), checked under the same lock of its annual counter. A contract-first programme's contract must name a partner provider ({@code ContractProvider}); a
 * contract already used by a live application of any programme is refused ({@code OneContractOneApplication}, backed
 * by a unique index whose violation by a concurrent submission is refused the same way).
 */
@ApplicationScoped
public class SubmitApplication {

    public record Command(UUID applicationId) {
    }

    /** The partial unique index behind one contract, one subsidy (V6). */
    private static final String CONTRACT_INDEX = "application_contract_once";

    private final ApplicationRepository repository;
    private final Applications applications;
    private final Programmes programmes;
    private final Enterprises enterprises;
    private final BudgetReservations reservations;
    private final Providers providers;
    private final AuditLog audit;
    private final Clock clock;

    public SubmitApplication(ApplicationRepository repository, Applications applications, Programmes programmes,
                             Enterprises enterprises, BudgetReservations reservations, Providers providers,
                             AuditLog audit, Clock clock) {
        this.providers = providers;
        this.repository = repository;
        this.applications = applications;
        this.programmes = programmes;
        this.enterprises = enterprises;
        this.reservations = reservations;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Application submit(Command command, Actor actor) {
        Application a = applications.ownLocked(actor, command.applicationId());
        a.requireEditable();
        Programme programme = programmes.lock(a.programmeId());
        programme.requireOpen();
        ProgrammeRules rules = programmes.rules(a.programmeId(), a.rulesVersion());
        Enterprise enterprise = enterprises.get(a.enterpriseId());
        OffsetDateTime now = OffsetDateTime.now(clock);
        AnnualCommitment annual = reservations.lockCommitment(a.enterpriseId(), a.programmeId(), now.getYear());
        boolean contractUsed = repository.contractUsedElsewhere(a);
        ProviderDirectoryEntry contractProvider = providers.byCreditCode(a.providerCreditCode()).orElse(null);
        SubmissionChecks.Context ctx = new SubmissionChecks.Context(now.toLocalDate(), contractUsed, annual.usedFen(),
                programme.budgetRemainingFen(), programme.code(), contractProvider);
        if (a.isQuota()) {
            OffsetDateTime yearStart = now.toLocalDate().withDayOfYear(1).atStartOfDay(ClockProducer.PROGRAMME_ZONE)
                    .toOffsetDateTime();
            OneQuotaAYear.requireFirstThisYear(repository.otherQuotaSubmitted(a, yearStart, yearStart.plusYears(1)),
                    now.getYear(), a.requestedSubsidyFen());
        }
        List<Refusal> failures = SubmissionChecks.run(rules, enterprise, a, ctx);
        if (!failures.isEmpty()) {
            throw SubmissionChecks.refused(failures);
        }
        ApplicationStatus before = a.status();
        FaceValue face = SubmissionChecks.faceValue(rules, enterprise, a, ctx);
        reservations.reserve(programme, annual, face.fen());
        a.submit(face, now);
        flushHoldingTheContract(a);
        audit.record(actor, "APPLICATION_SUBMITTED", "Application", a.id(), Map.of("status", before), a.snapshot());
        return a;
    }

    /**
     * A concurrent submission of the same contract (another programme's, whose locks this one does not share) may
     * have passed the check too: the unique index lets one through, the other is refused like the check would.
     */
    private void flushHoldingTheContract(Application a) {
        try {
            repository.flush();
        } catch (PersistenceException e) {
            if (violates(e, CONTRACT_INDEX)) {
                throw SubmissionChecks.refused(List.of(OneContractOneApplication.alreadyUsed(a.contractNumber())));
            }
            throw e;
        }
    }

    private static boolean violates(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException c
                    && c.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE
                    && (c.getConstraintName() == null || c.getConstraintName().contains(constraint))) {
                return true;
            }
        }
        return false;
    }
}
