package cn.cvp.voucher.ledger.persistence;

import cn.cvp.voucher.ledger.domain.LedgerEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Set-wise access to the ledger for the capture of accepted usage, which arrives by the thousand: which reports
 * are captured already, and many entries appended in ONE statement (the entries' ids are the table's identity, so
 * Hibernate would insert them one by one). In the caller's transaction (the capture use case's).
 */
@ApplicationScoped
public class LedgerEntries {

    private final EntityManager em;

    public LedgerEntries(EntityManager em) {
        this.em = em;
    }

    /** Of these usage reports, those the ledger holds a CAPTURE of. */
    public Set<UUID> captured(Collection<UUID> usageReportIds) {
        if (usageReportIds.isEmpty()) {
            return Set.of();
        }
        return em.unwrap(Session.class).doReturningWork(c -> {
            Set<UUID> found = new HashSet<>();
            try (PreparedStatement s = c.prepareStatement("""
                    select usage_report_id from ledger_entry
                    where entry_type = 'CAPTURE' and usage_report_id = any (?)""")) {
                s.setArray(1, c.createArrayOf("uuid", usageReportIds.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            return found;
        });
    }

    /** Appends the entries in their order. */
    public void appendAll(List<LedgerEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    insert into ledger_entry (voucher_id, entry_type, amount_fen, allocation_id, usage_report_id,
                        usage_amount_fen, provider_id, balance_after_fen, held_after_fen, consumed_after_fen,
                        occurred_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (LedgerEntry e : entries) {
                    s.setObject(1, e.voucherId());
                    s.setString(2, e.type().name());
                    s.setLong(3, e.amountFen());
                    s.setObject(4, e.allocationId());
                    s.setObject(5, e.usageReportId());
                    if (e.usageAmountFen() == null) {
                        s.setNull(6, Types.BIGINT);
                    } else {
                        s.setLong(6, e.usageAmountFen());
                    }
                    s.setObject(7, e.providerId());
                    s.setLong(8, e.balanceAfterFen());
                    s.setLong(9, e.heldAfterFen());
                    s.setLong(10, e.consumedAfterFen());
                    s.setObject(11, e.occurredAt());
                    s.addBatch();
                }
                s.executeBatch();
            }
        });
    }
}
