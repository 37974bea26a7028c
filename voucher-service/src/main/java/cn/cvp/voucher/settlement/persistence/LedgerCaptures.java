package cn.cvp.voucher.settlement.persistence;

import cn.cvp.kit.time.ClockProducer;
import cn.cvp.voucher.settlement.domain.SettlementLine;
import cn.cvp.voucher.settlement.domain.SettlementPeriod;
import cn.cvp.voucher.settlement.domain.StatementLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Settlement's read of the ledger: the CAPTURE entries of a programme's vouchers in a period (in the programme's
 * zone), summed per party for statements, or one by one — those not yet in a batch — for a redemption batch. Plain
 * SQL over the ledger's tables (the same database), read-only.
 */
@ApplicationScoped
public class LedgerCaptures {
    private final EntityManager em;

    public LedgerCaptures(EntityManager em) {
        this.em = em;
    }

    /** Per provider (credit code from the provider directory, else the provider id), in credit-code order. */
    public List<StatementLine> perProvider(UUID programmeId, SettlementPeriod period) {
        return lines("""
                select coalesce(d.credit_code, cast(l.provider_id as text)), coalesce(d.name, ''), count(*),
                       coalesce(sum(l.usage_amount_fen), 0), coalesce(sum(l.amount_fen), 0)
                from ledger_entry l join voucher v on v.id = l.voucher_id
                left join provider_directory d on d.provider_id = l.provider_id
                where l.entry_type = 'CAPTURE' and v.programme_id = :p and l.occurred_at >= :from and l.occurred_at < :to
                group by 1, 2 order by 1""", programmeId, period);
    }

    /** Per enterprise (credit code), in credit-code order. */
    public List<StatementLine> perEnterprise(UUID programmeId, SettlementPeriod period) {
        return lines("""
                select v.enterprise_credit_code, coalesce(e.name, ''), count(*),
                       coalesce(sum(l.usage_amount_fen), 0), coalesce(sum(l.amount_fen), 0)
                from ledger_entry l join voucher v on v.id = l.voucher_id
                left join enterprise e on e.id = v.enterprise_id
                where l.entry_type = 'CAPTURE' and v.programme_id = :p and l.occurred_at >= :from and l.occurred_at < :to
                group by 1, 2 order by 1""", programmeId, period);
    }

    /** One enterprise's captures per provider, in credit-code order (its own statement). */
    public List<StatementLine> perProviderOfEnterprise(UUID programmeId, SettlementPeriod period, String enterprise) {
        return lines("""
                select coalesce(d.credit_code, cast(l.provider_id as text)), coalesce(d.name, ''), count(*),
                       coalesce(sum(l.usage_amount_fen), 0), coalesce(sum(l.amount_fen), 0)
                from ledger_entry l join voucher v on v.id = l.voucher_id
                left join provider_directory d on d.provider_id = l.provider_id
                where l.entry_type = 'CAPTURE' and v.programme_id = :p and l.occurred_at >= :from and l.occurred_at < :to
                  and v.enterprise_credit_code = :org
                group by 1, 2 order by 1""", programmeId, period, enterprise);
    }

    /** One enterprise's totals (no line when it captured nothing in the period). */
    public List<StatementLine> ofEnterprise(UUID programmeId, SettlementPeriod period, String enterprise) {
        return lines("""
                select v.enterprise_credit_code, coalesce(e.name, ''), count(*),
                       coalesce(sum(l.usage_amount_fen), 0), coalesce(sum(l.amount_fen), 0)
                from ledger_entry l join voucher v on v.id = l.voucher_id
                left join enterprise e on e.id = v.enterprise_id
                where l.entry_type = 'CAPTURE' and v.programme_id = :p and l.occurred_at >= :from and l.occurred_at < :to
                  and v.enterprise_credit_code = :org
                group by 1, 2 order by 1""", programmeId, period, enterprise);
    }

    /**
     * Who has captures of an ended period that are in no active batch: each (period start, submitter) of the
     * programme's captures before {@code before}, the period being a month or a quarter (in the programme's zone).
     * Provider-submitted: the provider's credit code from the provider directory (captures of providers it does not
     * know yet wait for it).
     */
    public List<DueRedemption> dueForRedemption(UUID programmeId, boolean quarterly, LocalDate before,
                                                boolean ofEnterprise) {
        String submitter = ofEnterprise ? "v.enterprise_credit_code" : "d.credit_code";
        String join = ofEnterprise ? "" : "join provider_directory d on d.provider_id = l.provider_id";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select cast(date_trunc('%s', l.occurred_at at time zone 'Asia/Shanghai') as date), %s
                from ledger_entry l join voucher v on v.id = l.voucher_id %s
                where l.entry_type = 'CAPTURE' and v.programme_id = :p and l.occurred_at < :before
                  and not exists (select 1 from settlement_line s where s.ledger_entry_id = l.id and s.active)
                group by 1, 2 order by 1, 2""".formatted(quarterly ? "quarter" : "month", submitter, join))
                .setParameter("p", programmeId).setParameter("before", startOf(before))
                .getResultList();
        return rows.stream().map(r -> new DueRedemption(toLocalDate(r[0]), (String) r[1])).toList();
    }

    /** A submitter with unredeemed captures in the period starting on {@code periodStart}. */
    public record DueRedemption(LocalDate periodStart, String submitterCreditCode) {
    }

    /** The name the platform knows a submitter by: the enterprise's, or the provider's from the directory. */
    public String nameOf(String creditCode, boolean enterprise) {
        String sql = enterprise ? "select name from enterprise where credit_code = :c"
                : "select name from provider_directory where credit_code = :c order by name limit 1";
        @SuppressWarnings("unchecked")
        List<Object> names = em.createNativeQuery(sql).setParameter("c", creditCode).getResultList();
        return names.isEmpty() ? "" : String.valueOf(names.get(0));
    }

    /** One batch per submitter and period is built at a time: the lock is held to the end of the transaction. */
    public void lockSubmitter(UUID programmeId, String organisation) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(:k))").setParameter("k", programmeId + organisation)
                .getSingleResult();
    }

    /**
     * The captures of the period not yet in any batch, in ledger order, of the enterprise's vouchers
     * ({@code ofEnterprise}) or of the provider's allocations (its credit code in the provider directory).
     */
    public List<SettlementLine.Capture> unredeemed(UUID programmeId, SettlementPeriod period, String organisation,
                                                   boolean ofEnterprise) {
        String partyFilter = ofEnterprise ? "v.enterprise_credit_code = :org"
                : "l.provider_id in (select d.provider_id from provider_directory d where d.credit_code = :org)";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select l.id, l.voucher_id, l.usage_report_id, l.provider_id, v.enterprise_credit_code, l.amount_fen,
                       coalesce(l.usage_amount_fen, 0), l.occurred_at
                from ledger_entry l join voucher v on v.id = l.voucher_id
                where l.entry_type = 'CAPTURE' and v.programme_id = :p and l.occurred_at >= :from and l.occurred_at < :to
                  and %s and not exists (select 1 from settlement_line s where s.ledger_entry_id = l.id and s.active)
                order by l.id""".formatted(partyFilter))
                .setParameter("p", programmeId).setParameter("org", organisation)
                .setParameter("from", startOf(period.start())).setParameter("to", startOf(period.end().plusDays(1)))
                .getResultList();
        return rows.stream().map(c -> new SettlementLine.Capture(((Number) c[0]).longValue(), (UUID) c[1], (UUID) c[2],
                (UUID) c[3], (String) c[4], ((Number) c[5]).longValue(), ((Number) c[6]).longValue(), toOffset(c[7])))
                .toList();
    }

    private List<StatementLine> lines(String sql, UUID programmeId, SettlementPeriod period) {
        return lines(sql, programmeId, period, null);
    }

    @SuppressWarnings("unchecked")
    private List<StatementLine> lines(String sql, UUID programmeId, SettlementPeriod period, String organisation) {
        var query = em.createNativeQuery(sql).setParameter("p", programmeId)
                .setParameter("from", startOf(period.start())).setParameter("to", startOf(period.end().plusDays(1)));
        if (organisation != null) {
            query.setParameter("org", organisation);
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> {
            long usage = ((Number) r[3]).longValue();
            long subsidy = ((Number) r[4]).longValue();
            return new StatementLine((String) r[0], (String) r[1], ((Number) r[2]).longValue(), usage, subsidy,
                    usage - subsidy);
        }).toList();
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(ClockProducer.PROGRAMME_ZONE).toOffsetDateTime();
    }

    private static LocalDate toLocalDate(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        return ((java.sql.Date) value).toLocalDate();
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof Instant i) {
            return i.atZone(ClockProducer.PROGRAMME_ZONE).toOffsetDateTime();
        }
        return ((Timestamp) value).toInstant().atZone(ClockProducer.PROGRAMME_ZONE).toOffsetDateTime();
    }
}
