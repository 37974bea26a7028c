package cn.cvp.voucher.settlement.application;

import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.domain.DomainException;
import cn.cvp.kit.security.Actor;
import cn.cvp.voucher.programme.application.Programmes;
import cn.cvp.voucher.programme.domain.Programme;
import cn.cvp.voucher.programme.domain.ProgrammeRules.RedemptionSubmitter;
import cn.cvp.voucher.programme.domain.ProgrammeRules;
import cn.cvp.voucher.settlement.domain.SettlementBatch;
import cn.cvp.voucher.settlement.domain.SettlementLine;
import cn.cvp.voucher.settlement.domain.SettlementPeriod;
import cn.cvp.voucher.settlement.persistence.LedgerCaptures;
import cn.cvp.voucher.settlement.persistence.SettlementBatchRepository;
import cn.cvp.voucher.settlement.persistence.SettlementLineRepository;
import cn.cvp.voucher.support.Organisations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Opens a redemption (兑付) batch of the actor's not-yet-redeemed captures in a finished period. Who may submit follows
 * the programme: the enterprise (Beijing) or the provider (Shanghai). Batch amounts are sums of ledger captures, so
 * they reconcile to the fen; a capture is redeemed in one batch at most.
 */
@ApplicationScoped
public class OpenSettlementBatch {

    /** {@code actsAs}: the submitters the actor may act as (its enterprise and/or provider role). */
    public record Command(String programmeCode, String period, Set<RedemptionSubmitter> actsAs) {
    }

    private final Programmes programmes;
    private final LedgerCaptures captures;
    private final SettlementBatchRepository batches;
    private final SettlementLineRepository lines;
    private final AuditLog audit;
    private final Clock clock;

    public OpenSettlementBatch(Programmes programmes, LedgerCaptures captures, SettlementBatchRepository batches,
                               SettlementLineRepository lines, AuditLog audit, Clock clock) {
        this.programmes = programmes;
        this.captures = captures;
        this.batches = batches;
        this.lines = lines;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public SettlementBatch open(Command command, Actor actor) {
        String period = command.period();
        Programme p = programmes.byCode(command.programmeCode());
        ProgrammeRules rules = programmes.currentRules(p);
        SettlementPeriod sp = SettlementPeriod.parse(period, rules.settlementCycle());
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!now.toLocalDate().isAfter(sp.end())) {
            throw DomainException.refused("PERIOD_NOT_ENDED", "Period " + period + " has not ended yet",
                    "结算期间 " + period + " 尚未结束");
        }
        String org = Organisations.require(actor);
        RedemptionSubmitter submitter = rules.redemptionSubmitter();
        boolean enterprise = submitter == RedemptionSubmitter.ENTERPRISE;
        if (!command.actsAs().contains(submitter)) {
            throw DomainException.forbidden("WRONG_SUBMITTER",
                    "In programme " + p.code() + " redemption is submitted by the " + submitter.name().toLowerCase(),
                    "项目 " + p.code() + " 的兑付须由" + (enterprise ? "企业" : "服务机构") + "提交");
        }
        captures.lockSubmitter(p.id(), org);
        List<SettlementLine.Capture> unredeemed = captures.unredeemed(p.id(), sp, org, enterprise);
        if (unredeemed.isEmpty()) {
            throw DomainException.refused("NOTHING_TO_SETTLE", "There is nothing left to redeem in " + period,
                    period + " 没有待兑付的金额");
        }
        SettlementBatch b = SettlementBatch.open(UUID.randomUUID(), p.id(), sp, submitter, org, actor.username(), now);
        batches.persist(b);
        for (SettlementLine.Capture capture : unredeemed) {
            SettlementLine line = SettlementLine.of(b, capture);
            lines.persist(line);
            b.add(line);
        }
        audit.record(actor, "SETTLEMENT_BATCH_OPENED", "SettlementBatch", b.id(), null,
                Map.of("programme", p.code(), "period", period, "subsidyFen", b.subsidyFen(), "lines", b.lineCount()));
        return b;
    }
}
