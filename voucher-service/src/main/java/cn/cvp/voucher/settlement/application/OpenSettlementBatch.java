package cn.cvp.voucher.settlement.application;

import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.domain.DomainException;
import cn.cvp.kit.security.Actor;
import cn.cvp.voucher.programme.application.Programmes;
import cn.cvp.voucher.programme.domain.Programme;
import cn.cvp.voucher.programme.domain.ProgrammeRules;
import cn.cvp.voucher.programme.domain.ProgrammeRules.RedemptionSubmitter;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Opens a redemption (兑付) batch of a submitter's not-yet-redeemed captures in a finished period: by hand — the
 * submitter itself, the enterprise (Beijing) or the provider (Shanghai) as the programme says, or programme-office
 * staff for a named submitter — or by the settlement job at the end of the period ({@link #openBySchedule}, once per
 * programme, period and submitter). Batch amounts are sums of ledger captures, so they reconcile to the fen; a capture
 * is redeemed in one active batch at most.
 */
@ApplicationScoped
public class OpenSettlementBatch {

    /**
     * {@code actsAs}: the submitters the actor may act as (its enterprise and/or provider role); {@code staff}: the
     * actor is programme-office staff opening the batch of {@code submitterCreditCode}.
     */
    public record Command(String programmeCode, String period, Set<RedemptionSubmitter> actsAs, boolean staff,
                          String submitterCreditCode) {
        public Command(String programmeCode, String period, Set<RedemptionSubmitter> actsAs) {
            this(programmeCode, period, actsAs, false, null);
        }
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
        if (!sp.endedBy(now.toLocalDate())) {
            throw DomainException.refused("PERIOD_NOT_ENDED", "Period " + period + " has not ended yet",
                    "结算期间 " + period + " 尚未结束");
        }
        RedemptionSubmitter submitter = rules.redemptionSubmitter();
        boolean enterprise = submitter == RedemptionSubmitter.ENTERPRISE;
        String org;
        if (command.staff()) {
            if (command.submitterCreditCode() == null || command.submitterCreditCode().isBlank()) {
                throw DomainException.invalid("SUBMITTER_REQUIRED",
                        "Name the submitter (submitterCreditCode) whose batch you open",
                        "须指定兑付提交方（submitterCreditCode）");
            }
            org = command.submitterCreditCode();
        } else {
            org = Organisations.require(actor);
            if (!command.actsAs().contains(submitter)) {
                throw DomainException.forbidden("WRONG_SUBMITTER",
                        "In programme " + p.code() + " redemption is submitted by the " + submitter.name().toLowerCase(),
                        "项目 " + p.code() + " 的兑付须由" + (enterprise ? "企业" : "服务机构") + "提交");
            }
        }
        captures.lockSubmitter(p.id(), org);
        List<SettlementLine.Capture> unredeemed = captures.unredeemed(p.id(), sp, org, enterprise);
        if (unredeemed.isEmpty()) {
            throw DomainException.refused("NOTHING_TO_SETTLE", "There is nothing left to redeem in " + period,
                    period + " 没有待兑付的金额");
        }
        SettlementBatch b = SettlementBatch.open(UUID.randomUUID(), p.id(), sp, submitter, org, actor.username(), now);
        fill(b, unredeemed);
        audit.record(actor, "SETTLEMENT_BATCH_OPENED", "SettlementBatch", b.id(), null, opened(p, b));
        return b;
    }

    /**
     * The settlement job's opening: the submitter's unredeemed captures of an ended period, unless a batch of this
     * programme, period and submitter was ever opened (by hand or by the job; a cancelled one too — the period is then
     * the staff's or the submitter's to reopen). Empty when there is nothing to open.
     */
    @Transactional
    public Optional<SettlementBatch> openBySchedule(UUID programmeId, SettlementPeriod period, String submitterCreditCode,
                                                    Actor job) {
        Programme p = programmes.get(programmeId);
        ProgrammeRules rules = programmes.currentRules(p);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!period.endedBy(now.toLocalDate())) {
            return Optional.empty();
        }
        RedemptionSubmitter submitter = rules.redemptionSubmitter();
        captures.lockSubmitter(p.id(), submitterCreditCode);
        if (batches.anyFor(p.id(), period.start(), submitterCreditCode)) {
            return Optional.empty();
        }
        List<SettlementLine.Capture> unredeemed = captures.unredeemed(p.id(), period, submitterCreditCode,
                submitter == RedemptionSubmitter.ENTERPRISE);
        if (unredeemed.isEmpty()) {
            return Optional.empty();
        }
        SettlementBatch b = SettlementBatch.openBySchedule(UUID.randomUUID(), p.id(), period, submitter,
                submitterCreditCode, job.username(), now);
        fill(b, unredeemed);
        audit.record(job, "SETTLEMENT_BATCH_OPENED", "SettlementBatch", b.id(), null, opened(p, b));
        return Optional.of(b);
    }

    private void fill(SettlementBatch b, List<SettlementLine.Capture> unredeemed) {
        batches.persist(b);
        for (SettlementLine.Capture capture : unredeemed) {
            SettlementLine line = SettlementLine.of(b, capture);
            lines.persist(line);
            b.add(line);
        }
    }

    private static Map<String, Object> opened(Programme p, SettlementBatch b) {
        Map<String, Object> after = new HashMap<>();
        after.put("programme", p.code());
        after.put("period", b.period().label());
        after.put("submitter", b.submitterCreditCode());
        after.put("subsidyFen", b.subsidyFen());
        after.put("lines", b.lineCount());
        after.put("openedBySchedule", b.openedBySchedule());
        return after;
    }
}
