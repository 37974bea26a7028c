package cn.cvp.voucher.settlement.application;

import cn.cvp.kit.security.Actor;
import cn.cvp.voucher.programme.application.Programmes;
import cn.cvp.voucher.programme.domain.Programme;
import cn.cvp.voucher.programme.domain.ProgrammeRules;
import cn.cvp.voucher.settlement.domain.SettlementBatch;
import cn.cvp.voucher.settlement.domain.SettlementPeriod;
import cn.cvp.voucher.settlement.persistence.LedgerCaptures;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The settlement job: at the end of each programme's settlement period (monthly or quarterly, on the service's
 * injectable clock) it opens one redemption batch per submitter — per enterprise in Beijing, per provider in Shanghai
 * — holding that period's captures not yet redeemed, every {@code cvp.settlement.auto-open-interval}
 * ({@link SettlementSettings}). Idempotent: a programme, period and submitter gets one batch from it at most (a
 * unique index says so too), so running it again opens nothing new. Each batch is opened in a transaction of its own.
 */
@ApplicationScoped
public class OpenDueSettlementBatches {
    private static final Logger LOG = Logger.getLogger(OpenDueSettlementBatches.class);
    /** Who the audit log and the batches name as having opened them. */
    public static final Actor SETTLEMENT_JOB = Actor.system("voucher-service:settlement");

    private final Programmes programmes;
    private final LedgerCaptures captures;
    private final OpenSettlementBatch opening;
    private final SettlementSettings settings;
    private final Clock clock;

    public OpenDueSettlementBatches(Programmes programmes, LedgerCaptures captures, OpenSettlementBatch opening,
                                    SettlementSettings settings, Clock clock) {
        this.programmes = programmes;
        this.captures = captures;
        this.opening = opening;
        this.settings = settings;
        this.clock = clock;
    }

    void started(@Observes StartupEvent started) {
        LOG.infof("redemption batches of ended settlement periods are opened every %s", settings.autoOpenInterval());
    }

    @Scheduled(every = "${cvp.settlement.auto-open-interval:15m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        openDue();
    }

    /** Opens every batch that is due now; returns the batches opened (none when run again). */
    @ActivateRequestContext
    public List<SettlementBatch> openDue() {
        LocalDate today = LocalDate.now(clock);
        List<SettlementBatch> opened = new ArrayList<>();
        for (Programme p : programmes.all()) {
            if (p.status() == Programme.Status.DRAFT) {
                continue;
            }
            ProgrammeRules rules = programmes.currentRules(p);
            SettlementPeriod current = SettlementPeriod.containing(today, rules.settlementCycle());
            boolean quarterly = rules.settlementCycle() == ProgrammeRules.SettlementCycle.QUARTERLY;
            boolean ofEnterprise = rules.redemptionSubmitter() == ProgrammeRules.RedemptionSubmitter.ENTERPRISE;
            for (LedgerCaptures.DueRedemption due : captures.dueForRedemption(p.id(), quarterly, current.start(), ofEnterprise)) {
                SettlementPeriod period = SettlementPeriod.containing(due.periodStart(), rules.settlementCycle());
                try {
                    opening.openBySchedule(p.id(), period, due.submitterCreditCode(), SETTLEMENT_JOB).ifPresent(b -> {
                        opened.add(b);
                        LOG.infof("opened redemption batch %s of %s %s for %s: %d captures, %d fen", b.id(), p.code(),
                                period.label(), b.submitterCreditCode(), b.lineCount(), b.subsidyFen());
                    });
                } catch (RuntimeException e) {
                    // one submitter's failure (e.g. another instance opening the same batch) must not stop the others
                    LOG.warnf(e, "could not open the redemption batch of %s %s for %s", p.code(), period.label(),
                            due.submitterCreditCode());
                }
            }
        }
        return opened;
    }
}
