package cn.cvp.voucher.review.application;

import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.security.Actor;
import cn.cvp.voucher.enterprise.application.Enterprises;
import cn.cvp.voucher.enterprise.domain.Enterprise;
import cn.cvp.voucher.ledger.application.IssueVoucher;
import cn.cvp.voucher.programme.application.Programmes;
import cn.cvp.voucher.programme.domain.Programme;
import cn.cvp.voucher.programme.domain.ProgrammeRules;
import cn.cvp.voucher.programme.domain.Subsidy;
import cn.cvp.voucher.review.domain.AnnualCap;
import cn.cvp.voucher.review.domain.AnnualCommitment;
import cn.cvp.voucher.review.domain.Application;
import cn.cvp.voucher.review.domain.FaceValue;
import cn.cvp.voucher.review.domain.FourEyes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * An approver's decision. Below the programme's threshold it issues the voucher; above it, the first approval waits
 * for a second, different approver, whose approval issues it ({@link FourEyes}). On issue, the face value decided at
 * submission (what was reserved) is re-checked under the same row locks: min(reserved, the enterprise's annual cap
 * left, the programme's budget left) ({@link FaceValue#recheck}) — it can only go down — and committed in the same
 * transaction, so that hundreds of concurrent approvals never overspend.
 */
@ApplicationScoped
public class ApproveApplication {

    public record Command(UUID applicationId) {
    }

    private final Applications applications;
    private final Programmes programmes;
    private final Enterprises enterprises;
    private final BudgetReservations reservations;
    private final IssueVoucher issueVoucher;
    private final AuditLog audit;
    private final Clock clock;

    public ApproveApplication(Applications applications, Programmes programmes, Enterprises enterprises,
                              BudgetReservations reservations, IssueVoucher issueVoucher, AuditLog audit, Clock clock) {
        this.applications = applications;
        this.programmes = programmes;
        this.enterprises = enterprises;
        this.reservations = reservations;
        this.issueVoucher = issueVoucher;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Application approve(Command command, Actor actor) {
        Application a = applications.lockedForDecision(actor, command.applicationId());
        Programme programme = programmes.lock(a.programmeId());
        ProgrammeRules rules = programmes.rules(a.programmeId(), a.rulesVersion());
        Enterprise enterprise = enterprises.get(a.enterpriseId());
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, Object> before = a.snapshot();
        long reserved = a.reservedFen();
        FaceValue decided = a.faceValue();
        boolean issueNow = a.approve(actor.username(),
                FourEyes.needsSecondApprover(a.requestedSubsidyFen(), rules.secondApproverThresholdFen()), now);
        if (!issueNow) {
            audit.record(actor, "APPLICATION_FIRST_APPROVAL", "Application", a.id(), before, a.snapshot());
            return a;
        }
        reservations.release(programme, a, reserved);
        AnnualCommitment commitment = reservations.lockCommitment(a.enterpriseId(), a.programmeId(), now.getYear());
        Subsidy subsidy = Subsidy.under(rules, enterprise.startup(), a.resourceClass());
        long capLeft = AnnualCap.of(rules, enterprise).leftOrRefuse(commitment.usedFen());
        FaceValue face = decided.recheck(capLeft, programme.budgetRemainingFen());
        programme.commit(face.fen());
        commitment.commit(face.fen());

        UUID voucherId = UUID.randomUUID();
        a.issued(voucherId, face);
        audit.record(actor, "APPLICATION_APPROVED", "Application", a.id(), before, a.snapshot());
        issueVoucher.issue(new IssueVoucher.Command(voucherId, a.id(), programme.id(), programme.code(),
                enterprise.id(), enterprise.creditCode(), enterprise.relatedParties(), subsidy.ratio(), face.fen(),
                rules.domesticChipSubsidyRatio(),
                rules.providerRequirements().stream().map(Enum::name).sorted().toList(),
                now, now.plusMonths(rules.voucherValidityMonths()),
                new IssueVoucher.Demand(a.resourceClass().name(), a.unit().name(), a.quantity(), a.regions(),
                        a.windowStart(), a.windowEnd()), a.isQuota(),
                rules.model() == ProgrammeRules.FundingModel.CONTRACT_FIRST ? a.providerCreditCode() : null), actor);
        return a;
    }
}
