package cn.cvp.voucher.application;

import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.inbox.ProcessedEvents;
import cn.cvp.kit.problem.ProblemException;
import cn.cvp.kit.security.Caller;
import cn.cvp.kit.time.ClockProducer;
import cn.cvp.voucher.domain.Programme;
import cn.cvp.voucher.domain.ProgrammeRules;
import cn.cvp.voucher.domain.ProviderDirectoryEntry;
import cn.cvp.voucher.domain.SettlementBatch;
import cn.cvp.voucher.domain.SettlementLine;
import cn.cvp.voucher.domain.SettlementPeriod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Settlement (兑付): statements per provider and per enterprise computed from the ledger, and redemption
 * batches of captured subsidies. Batch amounts are sums of ledger captures, so they reconcile to the fen.
 */
@ApplicationScoped
public class SettlementService {
    private final EntityManager em;
    private final AuditLog audit;
    private final Clock clock;
    private final ProgrammeService programmes;
    private final ProcessedEvents processed;

    public SettlementService(EntityManager em, AuditLog audit, Clock clock, ProgrammeService programmes,
                             ProcessedEvents processed) {
        this.processed = processed;
        this.em = em;
        this.audit = audit;
        this.clock = clock;
        this.programmes = programmes;
    }

    /** One party's totals in a period. */
    public record StatementLine(String party, String partyName, long captures, long usageAmountFen, long subsidyFen,
                                long coPaymentFen) {
    }

    public record Statement(String programmeCode, LocalDate periodStart, LocalDate periodEnd, List<StatementLine> providers,
                            List<StatementLine> enterprises, long subsidyFen, long usageAmountFen) {
    }

    public Statement statement(String programmeCode, String period) {
        Programme p = programmes.byCode(programmeCode);
        ProgrammeRules rules = programmes.rules(p.id, p.currentRulesVersion);
        SettlementPeriod sp = SettlementPeriod.parse(period, rules.settlementCycle());
        List<StatementLine> providers = lines("""
                select coalesce(d.credit_code, cast(l.provider_id as text)), coalesce(d.name, ''), count(*),
                       coalesce(sum(l.usage_amount_fen), 0), coalesce(sum(l.amount_fen), 0)
                from ledger_entry l join voucher v on v.id = l.voucher_id
                left join provider_directory d on d.provider_id = l.provider_id
                where l.entry_type = 'CAPTURE' and v.programme_id = :p and l.occurred_at >= :from and l.occurred_at < :to
                group by 1, 2 order by 1""", p.id, sp);
        List<StatementLine> enterprises = lines("""
                select v.enterprise_credit_code, coalesce(e.name, ''), count(*),
                       coalesce(sum(l.usage_amount_fen), 0), coalesce(sum(l.amount_fen), 0)
                from ledger_entry l join voucher v on v.id = l.voucher_id
                left join enterprise e on e.id = v.enterprise_id
                where l.entry_type = 'CAPTURE' and v.programme_id = :p and l.occurred_at >= :from and l.occurred_at < :to
                group by 1, 2 order by 1""", p.id, sp);
        return new Statement(p.code, sp.start(), sp.end(), providers, enterprises,
                enterprises.stream().mapToLong(StatementLine::subsidyFen).sum(),
                enterprises.stream().mapToLong(StatementLine::usageAmountFen).sum());
    }

    @SuppressWarnings("unchecked")
    private List<StatementLine> lines(String sql, UUID programmeId, SettlementPeriod period) {
        List<Object[]> rows = em.createNativeQuery(sql).setParameter("p", programmeId)
                .setParameter("from", startOf(period.start())).setParameter("to", startOf(period.end().plusDays(1)))
                .getResultList();
        return rows.stream().map(r -> {
            long usage = ((Number) r[3]).longValue();
            long subsidy = ((Number) r[4]).longValue();
            return new StatementLine((String) r[0], (String) r[1], ((Number) r[2]).longValue(), usage, subsidy, usage - subsidy);
        }).toList();
    }

    /**
     * Opens a batch of the caller's not-yet-redeemed captures in a finished period. Who may submit follows
     * the programme: the enterprise (Beijing) or the provider (Shanghai).
     */
    @Transactional
    public SettlementBatch open(Caller caller, String programmeCode, String period) {
        Programme p = programmes.byCode(programmeCode);
        ProgrammeRules rules = programmes.rules(p.id, p.currentRulesVersion);
        SettlementPeriod sp = SettlementPeriod.parse(period, rules.settlementCycle());
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!now.toLocalDate().isAfter(sp.end())) {
            throw ProblemException.unprocessable("PERIOD_NOT_ENDED", "Period " + period + " has not ended yet",
                    "结算期间 " + period + " 尚未结束");
        }
        String org = caller.requireOrganisation();
        ProgrammeRules.RedemptionSubmitter submitter = rules.redemptionSubmitter();
        boolean enterprise = submitter == ProgrammeRules.RedemptionSubmitter.ENTERPRISE;
        if (enterprise ? !caller.hasRole("enterprise") : !caller.hasRole("provider")) {
            throw new ProblemException(403, "WRONG_SUBMITTER",
                    "In programme " + p.code + " redemption is submitted by the " + submitter.name().toLowerCase(),
                    "项目 " + p.code + " 的兑付须由" + (enterprise ? "企业" : "服务机构") + "提交");
        }
        // one batch per submitter and period is built at a time
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(:k))").setParameter("k", p.id + org).getSingleResult();
        String partyFilter = enterprise ? "v.enterprise_credit_code = :org"
                : "l.provider_id in (select d.provider_id from provider_directory d where d.credit_code = :org)";
        @SuppressWarnings("unchecked")
        List<Object[]> captures = em.createNativeQuery("""
                select l.id, l.voucher_id, l.usage_report_id, l.provider_id, v.enterprise_credit_code, l.amount_fen,
                       coalesce(l.usage_amount_fen, 0), l.occurred_at
                from ledger_entry l join voucher v on v.id = l.voucher_id
                where l.entry_type = 'CAPTURE' and v.programme_id = :p and l.occurred_at >= :from and l.occurred_at < :to
                  and %s and not exists (select 1 from settlement_line s where s.ledger_entry_id = l.id)
                order by l.id""".formatted(partyFilter))
                .setParameter("p", p.id).setParameter("org", org)
                .setParameter("from", startOf(sp.start())).setParameter("to", startOf(sp.end().plusDays(1)))
                .getResultList();
        if (captures.isEmpty()) {
            throw ProblemException.unprocessable("NOTHING_TO_SETTLE", "There is nothing left to redeem in " + period,
                    period + " 没有待兑付的金额");
        }
        SettlementBatch b = new SettlementBatch();
        b.id = UUID.randomUUID();
        b.programmeId = p.id;
        b.periodStart = sp.start();
        b.periodEnd = sp.end();
        b.submitterType = submitter;
        b.submitterCreditCode = org;
        b.status = SettlementBatch.Status.OPEN;
        b.createdBy = caller.username();
        b.createdAt = now;
        b.persist();
        for (Object[] c : captures) {
            SettlementLine line = new SettlementLine();
            line.key = new SettlementLine.Key(b.id, ((Number) c[0]).longValue());
            line.voucherId = (UUID) c[1];
            line.usageReportId = (UUID) c[2];
            line.providerId = (UUID) c[3];
            line.enterpriseCreditCode = (String) c[4];
            line.subsidyFen = ((Number) c[5]).longValue();
            line.usageAmountFen = ((Number) c[6]).longValue();
            line.capturedAt = toOffset(c[7]);
            line.persist();
            b.subsidyFen += line.subsidyFen;
            b.usageAmountFen += line.usageAmountFen;
            b.lineCount++;
        }
        audit.record(caller.actor(), "SETTLEMENT_BATCH_OPENED", "SettlementBatch", b.id, null,
                Map.of("programme", p.code, "period", period, "subsidyFen", b.subsidyFen, "lines", b.lineCount));
        return b;
    }

    @Transactional
    public SettlementBatch submit(Caller caller, UUID id, String invoice, String deliveryCertificate) {
        SettlementBatch b = own(caller, id);
        SettlementBatch.Status before = b.status;
        b.submit(invoice, deliveryCertificate, OffsetDateTime.now(clock));
        audit.record(caller.actor(), "SETTLEMENT_BATCH_SUBMITTED", "SettlementBatch", b.id, Map.of("status", before),
                Map.of("status", b.status, "invoiceNumber", invoice));
        return b;
    }

    @Transactional
    public SettlementBatch approve(Caller caller, UUID id) {
        SettlementBatch b = locked(id);
        SettlementBatch.Status before = b.status;
        b.approve(caller.username(), OffsetDateTime.now(clock));
        audit.record(caller.actor(), "SETTLEMENT_BATCH_APPROVED", "SettlementBatch", b.id, Map.of("status", before),
                Map.of("status", b.status));
        return b;
    }

    @Transactional
    public SettlementBatch returnToSubmitter(Caller caller, UUID id, String reason) {
        SettlementBatch b = locked(id);
        SettlementBatch.Status before = b.status;
        b.returnToSubmitter(reason);
        audit.record(caller.actor(), "SETTLEMENT_BATCH_RETURNED", "SettlementBatch", b.id, Map.of("status", before),
                Map.of("status", b.status, "reason", reason));
        return b;
    }

    @Transactional
    public SettlementBatch markPaid(Caller caller, UUID id, String reference) {
        SettlementBatch b = locked(id);
        SettlementBatch.Status before = b.status;
        b.markPaid(reference, OffsetDateTime.now(clock));
        audit.record(caller.actor(), "SETTLEMENT_BATCH_PAID", "SettlementBatch", b.id, Map.of("status", before),
                Map.of("status", b.status, "paymentReference", reference));
        return b;
    }

    /** The batch if the caller may see it: staff, or the submitting organisation (others: not found). */
    public SettlementBatch visible(Caller caller, UUID id, boolean staff) {
        SettlementBatch b = SettlementBatch.findById(id);
        if (b == null || !staff && !b.submitterCreditCode.equals(caller.organisation())) {
            throw ProblemException.notFound("Settlement batch", id);
        }
        return b;
    }

    public List<SettlementLine> lines(UUID batchId) {
        return SettlementLine.list("key.batchId = ?1 order by key.ledgerEntryId", batchId);
    }

    /** The batch as CSV: one row per captured usage report, amounts in yuan with two decimals. */
    public String csv(SettlementBatch b) {
        Programme p = Programme.findById(b.programmeId);
        StringBuilder out = new StringBuilder("programme,period_start,period_end,batch_id,status,voucher_id,usage_report_id,"
                + "provider_id,enterprise_credit_code,captured_at,usage_amount_yuan,subsidy_yuan,co_payment_yuan\r\n");
        for (SettlementLine l : lines(b.id)) {
            out.append(String.join(",", p.code, b.periodStart.toString(), b.periodEnd.toString(), b.id.toString(),
                    b.status.name(), l.voucherId.toString(), l.usageReportId.toString(),
                    l.providerId == null ? "" : l.providerId.toString(), l.enterpriseCreditCode, l.capturedAt.toString(),
                    yuan(l.usageAmountFen), yuan(l.subsidyFen), yuan(l.usageAmountFen - l.subsidyFen))).append("\r\n");
        }
        out.append(String.join(",", p.code, b.periodStart.toString(), b.periodEnd.toString(), b.id.toString(), b.status.name(),
                "TOTAL", String.valueOf(b.lineCount), "", b.submitterCreditCode, "", yuan(b.usageAmountFen), yuan(b.subsidyFen),
                yuan(b.usageAmountFen - b.subsidyFen))).append("\r\n");
        return out.toString();
    }

    private SettlementBatch own(Caller caller, UUID id) {
        SettlementBatch b = locked(id);
        if (!b.submitterCreditCode.equals(caller.organisation())) {
            throw ProblemException.notFound("Settlement batch", id);
        }
        return b;
    }

    private static SettlementBatch locked(UUID id) {
        SettlementBatch b = SettlementBatch.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (b == null) {
            throw ProblemException.notFound("Settlement batch", id);
        }
        return b;
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(ClockProducer.PROGRAMME_ZONE).toOffsetDateTime();
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.time.Instant i) {
            return i.atZone(ClockProducer.PROGRAMME_ZONE).toOffsetDateTime();
        }
        return ((java.sql.Timestamp) value).toInstant().atZone(ClockProducer.PROGRAMME_ZONE).toOffsetDateTime();
    }

    private static String yuan(long fen) {
        return java.math.BigDecimal.valueOf(fen, 2).toPlainString();
    }

    /** Records a provider from provider.events, once per event. */
    @Transactional
    public void knowProvider(String consumer, String eventId, UUID providerId, String creditCode, String name) {
        if (!processed.firstDelivery(consumer, eventId)) {
            return;
        }
        ProviderDirectoryEntry e = ProviderDirectoryEntry.findById(providerId);
        if (e == null) {
            e = new ProviderDirectoryEntry();
            e.providerId = providerId;
            e.creditCode = creditCode;
            e.name = name == null ? "" : name;
            e.persist();
        } else if (name != null) {
            e.name = name;
        }
    }
}
