package cn.cvp.provider.usage.persistence;

import cn.cvp.provider.usage.domain.UsageBatch;
import cn.cvp.provider.usage.domain.UsageDecision;
import cn.cvp.provider.usage.domain.UsageReportStatus;
import cn.cvp.provider.usage.domain.UsageTotals;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Set-wise storage of usage reports in plain JDBC, in the calling use case's transaction (usage arrives by the
 * thousand). A batch of up to 1,000 records is one statement ({@code insert … select from unnest(…) on conflict do
 * nothing}); the unique key (provider, record id, version) is what keeps concurrent replays from storing a record
 * twice. Decisions are written set-wise too, and read back as totals per allocation.
 */
@ApplicationScoped
public class UsageReportStore {

    private final EntityManager em;
    private final ObjectMapper mapper;

    public UsageReportStore(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    /** The latest stored version of each of these record ids of the provider. */
    public Map<String, UsageBatch.StoredReport> latestByRecordId(UUID providerId, Collection<String> recordIds) {
        if (recordIds.isEmpty()) {
            return Map.of();
        }
        return em.unwrap(Session.class).doReturningWork(c -> {
            Map<String, UsageBatch.StoredReport> found = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("""
                    select distinct on (record_id) id, record_id, content_hash from usage_report
                    where provider_id = ? and record_id = any (?)
                    order by record_id, version desc""")) {
                s.setObject(1, providerId);
                s.setArray(2, c.createArrayOf("text", recordIds.toArray(String[]::new)));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String recordId = rs.getString(2);
                        found.put(recordId, new UsageBatch.StoredReport(rs.getObject(1, UUID.class), recordId,
                                rs.getString(3)));
                    }
                }
            }
            return found;
        });
    }

    /**
     * Stores the candidates as RECEIVED reports, version 1, in the candidates' order.
     *
     * @return the ids of the reports this call stored; a candidate missing here was stored first by a
     * concurrent request under the same record id
     */
    public Set<UUID> insertReceived(UUID providerId, UUID batchId, String submittedBy, OffsetDateTime now,
                                    List<UsageBatch.Candidate> candidates) {
        if (candidates.isEmpty()) {
            return Set.of();
        }
        int n = candidates.size();
        String[] ids = new String[n];
        String[] recordIds = new String[n];
        String[] allocationIds = new String[n];
        String[] starts = new String[n];
        String[] ends = new String[n];
        String[] units = new String[n];
        String[] prices = new String[n];
        String[] amounts = new String[n];
        String[] refs = new String[n];
        String[] hashes = new String[n];
        for (int i = 0; i < n; i++) {
            UsageBatch.Candidate c = candidates.get(i);
            ids[i] = c.usageReportId().toString();
            recordIds[i] = c.record().recordId();
            allocationIds[i] = c.record().allocationId().toString();
            starts[i] = c.record().periodStart().toString();
            ends[i] = c.record().periodEnd().toString();
            units[i] = c.record().unitsText();
            prices[i] = c.record().unitPriceFen().toString();
            amounts[i] = c.record().amountFen().toString();
            refs[i] = c.record().deliveryCertificateRef();
            hashes[i] = c.fingerprint();
        }
        return em.unwrap(Session.class).doReturningWork(c -> {
            Set<UUID> inserted = new HashSet<>();
            try (PreparedStatement s = c.prepareStatement("""
                    insert into usage_report (id, provider_id, record_id, version, allocation_id, period_start,
                        period_end, units, unit_price_fen, amount_fen, delivery_certificate_ref, content_hash, status,
                        batch_id, submitted_by, received_at)
                    select u.id::uuid, ?, u.record_id, 1, u.allocation_id::uuid, u.period_start::timestamptz,
                        u.period_end::timestamptz, u.units::numeric, u.unit_price_fen::bigint, u.amount_fen::bigint,
                        u.ref, u.hash, 'RECEIVED', ?, ?, ?
                    from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                ?::text[], ?::text[], ?::text[])
                         with ordinality as u(id, record_id, allocation_id, period_start, period_end, units,
                                              unit_price_fen, amount_fen, ref, hash, ord)
                    order by u.ord
                    on conflict (provider_id, record_id, version) do nothing
                    returning id""")) {
                s.setObject(1, providerId);
                s.setObject(2, batchId);
                s.setString(3, submittedBy);
                s.setObject(4, now);
                int p = 5;
                for (String[] column : List.of(ids, recordIds, allocationIds, starts, ends, units, prices, amounts,
                        refs, hashes)) {
                    s.setArray(p++, text(c, column));
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        inserted.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            return inserted;
        });
    }

    /** The status of those of these reports that exist, locked (in id order) until the transaction ends. */
    public Map<UUID, UsageReportStatus> lockStatuses(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.unwrap(Session.class).doReturningWork(c -> {
            Map<UUID, UsageReportStatus> found = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(
                    "select id, status from usage_report where id = any (?) order by id for update")) {
                s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getObject(1, UUID.class), UsageReportStatus.valueOf(rs.getString(2)));
                    }
                }
            }
            return found;
        });
    }

    /**
     * Writes decisions on RECEIVED reports (locked by {@link #lockStatuses}) in one statement; the row version moves
     * on as if each had been changed through its entity.
     */
    public void decide(List<UsageDecision> decisions, OffsetDateTime decidedAt) {
        if (decisions.isEmpty()) {
            return;
        }
        int n = decisions.size();
        UUID[] ids = new UUID[n];
        String[] statuses = new String[n];
        String[] units = new String[n];
        String[] amounts = new String[n];
        String[] subsidies = new String[n];
        String[] flags = new String[n];
        String[] reasons = new String[n];
        String[] details = new String[n];
        for (int i = 0; i < n; i++) {
            UsageDecision d = decisions.get(i);
            ids[i] = d.usageReportId();
            statuses[i] = d.status().name();
            units[i] = d.acceptedUnits() == null ? null : d.acceptedUnits().toPlainString();
            amounts[i] = d.acceptedAmountFen() == null ? null : d.acceptedAmountFen().toString();
            subsidies[i] = d.subsidyFen() == null ? null : d.subsidyFen().toString();
            flags[i] = d.status() == UsageReportStatus.ACCEPTED ? json(d.flags() == null ? List.of() : d.flags()) : null;
            reasons[i] = d.rejectionReason();
            details[i] = d.rejectionDetail();
        }
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    update usage_report r set status = d.status, accepted_units = d.units::numeric,
                        accepted_amount_fen = d.amount::bigint, subsidy_fen = d.subsidy::bigint,
                        flags = coalesce(d.flags::jsonb, r.flags), rejection_reason = d.reason,
                        rejection_detail = d.detail, decided_at = ?, row_version = r.row_version + 1
                    from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                         as d(id, status, units, amount, subsidy, flags, reason, detail)
                    where r.id = d.id and r.status = 'RECEIVED'""")) {
                s.setObject(1, decidedAt);
                s.setArray(2, c.createArrayOf("uuid", ids));
                int p = 3;
                for (String[] column : List.of(statuses, units, amounts, subsidies, flags, reasons, details)) {
                    s.setArray(p++, text(c, column));
                }
                int updated = s.executeUpdate();
                if (updated != n) {
                    throw new IllegalStateException(n + " usage reports to decide, " + updated + " were RECEIVED");
                }
            }
        });
    }

    private String json(List<String> values) {
        try {
            return mapper.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("flags cannot be written as JSON", e);
        }
    }

    /** Reported and accepted card-hours and amounts per allocation (all versions stored so far). */
    public Map<UUID, UsageTotals> totalsByAllocation(Collection<UUID> allocationIds) {
        if (allocationIds.isEmpty()) {
            return Map.of();
        }
        return em.unwrap(Session.class).doReturningWork(c -> {
            Map<UUID, UsageTotals> totals = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("""
                    select allocation_id, count(*), sum(units), sum(amount_fen),
                           coalesce(sum(accepted_units) filter (where status = 'ACCEPTED'), 0),
                           coalesce(sum(accepted_amount_fen) filter (where status = 'ACCEPTED'), 0)
                    from usage_report where allocation_id = any (?) group by allocation_id""")) {
                s.setArray(1, c.createArrayOf("uuid", allocationIds.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        totals.put(rs.getObject(1, UUID.class), new UsageTotals(rs.getLong(2), rs.getBigDecimal(3),
                                rs.getLong(4), rs.getBigDecimal(5), rs.getLong(6)));
                    }
                }
            }
            return totals;
        });
    }

    private static Array text(Connection c, String[] values) throws SQLException {
        return c.createArrayOf("text", values);
    }
}
