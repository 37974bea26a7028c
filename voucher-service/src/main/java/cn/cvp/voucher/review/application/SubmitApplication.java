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
import cn.cvp.voucher.review.domain.SubmissionChecks;
import cn.cvp.voucher.review.persistence.ApplicationRepository;
import cn.cvp.voucher.support.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Submission: runs the automatic checks ({@link SubmissionChecks}) and, if they pass, reserves the face value the
 * enterprise will get — the requested subsidy capped by what is left of its annual cap and of the programme budget
 * ({@link FaceValue}, refused only when nothing is left) — against both (both rows locked, so concurrent submissions
 * cannot overshoot); the application then waits for review. A quota application is refused when the enterprise
 * already has one this year ({@link OneQuotaAYear}), checked under the same lock of its annual counter. On any failure nothing changes: 422 with every failure in
 * {@code errors[]}.
 */
@ApplicationScoped
public class SubmitApplication {

    public record Command(UUID applicationId) {
    }

    private final ApplicationRepository repository;
    private final Applications applications;
    private final Programmes programmes;
    private final Enterprises enterprises;
    private final BudgetReservations reservations;
    private final AuditLog audit;
    private final Clock clock;

    public SubmitApplication(ApplicationRepository repository, Applications applications, Programmes programmes,
                             Enterprises enterprises, BudgetReservations reservations, AuditLog audit, Clock clock) {
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
        SubmissionChecks.Context ctx = new SubmissionChecks.Context(
                now.toLocalDate(), contractUsed, annual.usedFen(), programme.budgetRemainingFen());
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
        audit.record(actor, "APPLICATION_SUBMITTED", "Application", a.id(), Map.of("status", before), a.snapshot());
        return a;
    }
}
