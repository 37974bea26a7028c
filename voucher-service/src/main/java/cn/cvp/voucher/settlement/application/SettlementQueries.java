package cn.cvp.voucher.settlement.application;

import cn.cvp.kit.domain.DomainException;
import cn.cvp.kit.security.Actor;
import cn.cvp.voucher.programme.application.Programmes;
import cn.cvp.voucher.programme.domain.Programme;
import cn.cvp.voucher.programme.domain.ProgrammeRules;
import cn.cvp.voucher.settlement.domain.PaymentFile;
import cn.cvp.voucher.settlement.domain.SettlementBatch;
import cn.cvp.voucher.settlement.domain.SettlementLine;
import cn.cvp.voucher.settlement.domain.SettlementPeriod;
import cn.cvp.voucher.settlement.domain.Statement;
import cn.cvp.voucher.settlement.persistence.LedgerCaptures;
import cn.cvp.voucher.settlement.persistence.SettlementBatchRepository;
import cn.cvp.voucher.settlement.persistence.SettlementLineRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** Statements and batches as the API reads them: staff see every batch, a submitter its own. */
@ApplicationScoped
public class SettlementQueries {
    private final Programmes programmes;
    private final LedgerCaptures captures;
    private final SettlementBatchRepository batches;
    private final SettlementLineRepository lines;

    public SettlementQueries(Programmes programmes, LedgerCaptures captures, SettlementBatchRepository batches,
                             SettlementLineRepository lines) {
        this.programmes = programmes;
        this.captures = captures;
        this.batches = batches;
        this.lines = lines;
    }

    /** The statement of a programme's period (given in its settlement cycle: 2026-11 or 2026-Q4). */
    public Statement statement(String programmeCode, String period) {
        Programme p = programmes.byCode(programmeCode);
        SettlementPeriod sp = SettlementPeriod.parse(period, programmes.currentRules(p).settlementCycle());
        return Statement.of(p.code(), sp, captures.perProvider(p.id(), sp), captures.perEnterprise(p.id(), sp));
    }

    /**
     * One enterprise's own statement (对账单) of a programme's period: its captures per provider and its totals. An
     * enterprise reads only its own (another's is "not found"); staff read any.
     */
    public Statement enterpriseStatement(Actor actor, boolean staff, String enterpriseCreditCode, String programmeCode,
                                         String period) {
        if (!staff && !enterpriseCreditCode.equals(actor.organisation())) {
            throw DomainException.notFound("Statement of enterprise", enterpriseCreditCode);
        }
        Programme p = programmes.byCode(programmeCode);
        SettlementPeriod sp = SettlementPeriod.parse(period, programmes.currentRules(p).settlementCycle());
        return Statement.of(p.code(), sp, captures.perProviderOfEnterprise(p.id(), sp, enterpriseCreditCode),
                captures.ofEnterprise(p.id(), sp, enterpriseCreditCode));
    }

    /** The batch's bank-transfer instruction: its submitter paid the sum of its lines. */
    public PaymentFile paymentFile(SettlementBatch batch) {
        boolean enterprise = batch.submitterType() == ProgrammeRules.RedemptionSubmitter.ENTERPRISE;
        return PaymentFile.of(programmeCode(batch), batch, captures.nameOf(batch.submitterCreditCode(), enterprise),
                lines(batch));
    }

    /** Newest first: a submitter's own ({@code submitterCreditCode}), or every batch when it is null. */
    public List<SettlementBatch> list(String submitterCreditCode) {
        return submitterCreditCode == null ? batches.allNewestFirst() : batches.ofSubmitterNewestFirst(submitterCreditCode);
    }

    /** The batch if the actor may see it: staff, or the submitting organisation (others: not found). */
    public SettlementBatch visible(Actor actor, boolean staff, UUID id) {
        SettlementBatch b = batches.findById(id);
        if (b == null || !staff && !b.submittedBy(actor.organisation())) {
            throw DomainException.notFound("Settlement batch", id);
        }
        return b;
    }

    public List<SettlementLine> lines(SettlementBatch batch) {
        return lines.ofBatch(batch.id());
    }

    public String programmeCode(SettlementBatch batch) {
        return programmes.get(batch.programmeId()).code();
    }
}
