package cn.cvp.voucher.review.application;

import cn.cvp.kit.audit.AuditLog;
import cn.cvp.voucher.ledger.domain.VoucherEnded;
import cn.cvp.voucher.programme.application.Programmes;
import cn.cvp.voucher.programme.domain.ProgrammeRules;
import cn.cvp.voucher.review.domain.AnnualCommitment;
import cn.cvp.voucher.review.domain.Application;
import cn.cvp.voucher.review.persistence.ApplicationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Clock;
import java.util.Map;

/**
 * {@code capCountsRedeemed} (年度支持额度按实际兑付计): where a programme's annual cap counts what an enterprise is
 * actually paid (Beijing), the unspent face value of a voucher that is revoked or expires stops counting against the
 * cap of the year it was issued in, so the enterprise may apply for it again. Where the cap counts what was granted
 * (Shanghai's quota), an ended voucher's unspent value stays counted. Runs inside the transaction that ends the
 * voucher, after the programme is locked (the lock order of submission and approval: programme, then the counter).
 */
@ApplicationScoped
public class AnnualCapReturns {
    private final ApplicationRepository applications;
    private final Programmes programmes;
    private final BudgetReservations reservations;
    private final AuditLog audit;
    private final Clock clock;

    public AnnualCapReturns(ApplicationRepository applications, Programmes programmes,
                            BudgetReservations reservations, AuditLog audit, Clock clock) {
        this.applications = applications;
        this.programmes = programmes;
        this.reservations = reservations;
        this.audit = audit;
        this.clock = clock;
    }

    void onVoucherEnded(@Observes VoucherEnded ended) {
        if (ended.returnedFen() <= 0) {
            return;
        }
        Application application = applications.findById(ended.applicationId());
        ProgrammeRules rules = application == null
                ? programmes.currentRules(programmes.get(ended.programmeId()))
                : programmes.rules(ended.programmeId(), application.rulesVersion());
        if (!rules.capCountsRedeemed()) {
            return;
        }
        int year = ended.issuedAt().atZoneSameInstant(clock.getZone()).getYear();
        AnnualCommitment commitment = reservations.lockCommitment(ended.enterpriseId(), ended.programmeId(), year);
        long before = commitment.committedFen();
        long back = commitment.giveBack(ended.returnedFen());
        audit.record(ended.actor(), "ANNUAL_CAP_RETURNED", "Voucher", ended.voucherId(),
                Map.of("committedFen", before, "year", year),
                Map.of("committedFen", commitment.committedFen(), "returnedFen", back, "year", year));
    }
}
