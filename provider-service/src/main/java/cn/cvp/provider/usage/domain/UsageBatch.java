package cn.cvp.provider.usage.domain;

import cn.cvp.kit.ids.TimeOrderedIds;
import cn.cvp.provider.usage.events.UsageEvents;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The intake decisions for one batch of usage records, record by record. Intake is idempotent by
 * (provider, recordId): a record already stored with the same content is answered as before
 * (DUPLICATE, same usage report id); the same record id with other content is a RECORD_CONFLICT.
 * <p>
 * Used in three steps: {@link #screen} decides everything that can be decided before storing and
 * returns the candidates to store; the caller stores them (insert … on conflict do nothing) and reports
 * each one back as {@link #stored} or, when a concurrent request stored it first, {@link #storedBefore};
 * {@link #results} then answers every record in the order it was submitted.
 */
public final class UsageBatch {

    public enum Outcome { ACCEPTED_FOR_PROCESSING, REJECTED, DUPLICATE }

    /** The answer for one record. */
    public record Result(String recordId, Outcome status, UUID usageReportId, String code, String messageEn,
                         String messageZh) {
        static Result rejected(String recordId, UsageRecord.Rejection r) {
            return new Result(recordId, Outcome.REJECTED, null, r.code(), r.messageEn(), r.messageZh());
        }
    }

    /** A report this provider stored earlier under a record id. */
    public record StoredReport(UUID usageReportId, String recordId, String fingerprint) {
    }

    /** A record that passed every check and is to be stored under a new id. */
    public record Candidate(int index, UUID usageReportId, UsageRecord record, String fingerprint) {
        /** usage.reported.v1 for the report it is stored as (the record's first version). */
        public UsageEvents.UsageReportedV1 reported(UUID providerId) {
            return record.reported(usageReportId, 1, null, providerId);
        }
    }

    private final List<UsageRecord> records;
    private final Result[] results;
    /** For a record id seen earlier in the same batch, the index of its first occurrence; else -1. */
    private final int[] firstOccurrence;
    private final String[] fingerprints;

    public UsageBatch(List<UsageRecord> records) {
        this.records = List.copyOf(records);
        this.results = new Result[records.size()];
        this.firstOccurrence = new int[records.size()];
        this.fingerprints = new String[records.size()];
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            UsageRecord r = records.get(i);
            fingerprints[i] = r.fingerprint();
            Integer first = r.recordId() == null || r.recordId().isBlank() ? null : seen.putIfAbsent(r.recordId(), i);
            firstOccurrence[i] = first == null ? -1 : first;
        }
    }

    public int size() {
        return records.size();
    }

    /** The distinct record ids of the batch, to look up what this provider stored before. */
    public Set<String> recordIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (UsageRecord r : records) {
            if (r.recordId() != null && !r.recordId().isBlank()) {
                ids.add(r.recordId());
            }
        }
        return ids;
    }

    /** The allocations the batch reports against, to look up in the provider's view. */
    public Set<UUID> allocationIds() {
        Set<UUID> ids = new LinkedHashSet<>();
        for (UsageRecord r : records) {
            if (r.allocationId() != null) {
                ids.add(r.allocationId());
            }
        }
        return ids;
    }

    /**
     * Decides each record's first occurrence: a replay or conflict with what was stored before, the
     * record rules ({@link UsageRecord#check}), and whether the allocation is the provider's own and open for usage
     * ({@link BillableAllocation}).
     *
     * @return the records to store, ordered by record id (so concurrent batches lock rows in one order)
     */
    public List<Candidate> screen(UUID providerId, Map<String, StoredReport> storedBefore,
                                  Map<UUID, Reservation> allocations, OffsetDateTime now) {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            if (firstOccurrence[i] >= 0) {
                continue;
            }
            UsageRecord r = records.get(i);
            StoredReport before = r.recordId() == null ? null : storedBefore.get(r.recordId());
            if (before != null) {
                results[i] = replayOf(r.recordId(), before, fingerprints[i]);
                continue;
            }
            Optional<UsageRecord.Rejection> invalid = r.check(now);
            if (invalid.isEmpty()) {
                invalid = BillableAllocation.check(providerId, allocations.get(r.allocationId()), r.allocationId());
            }
            if (invalid.isPresent()) {
                results[i] = Result.rejected(r.recordId(), invalid.get());
                continue;
            }
            candidates.add(new Candidate(i, TimeOrderedIds.next(), r, fingerprints[i]));
        }
        candidates.sort(Comparator.comparing(c -> c.record().recordId()));
        return candidates;
    }

    /** The candidate was stored under its new id. */
    public void stored(Candidate c) {
        results[c.index()] = new Result(c.record().recordId(), Outcome.ACCEPTED_FOR_PROCESSING, c.usageReportId(),
                null, null, null);
    }

    /** A concurrent request stored this record id first: answer as a replay of what it stored. */
    public void storedBefore(Candidate c, StoredReport existing) {
        results[c.index()] = replayOf(c.record().recordId(), existing, c.fingerprint());
    }

    /** Every record's answer, in the order submitted. */
    public List<Result> results() {
        Result[] all = Arrays.copyOf(results, results.length);
        for (int i = 0; i < all.length; i++) {
            int first = firstOccurrence[i];
            if (first < 0) {
                continue;
            }
            String recordId = records.get(i).recordId();
            if (fingerprints[i].equals(fingerprints[first])) {
                Result earlier = all[first];
                Outcome outcome = earlier.status() == Outcome.REJECTED ? Outcome.REJECTED : Outcome.DUPLICATE;
                all[i] = new Result(recordId, outcome, earlier.usageReportId(), earlier.code(),
                        earlier.messageEn(), earlier.messageZh());
            } else {
                all[i] = new Result(recordId, Outcome.REJECTED, null, "RECORD_CONFLICT",
                        "Record " + recordId + " appears earlier in this batch with different content",
                        "记录 " + recordId + " 在本批次中已出现且内容不同");
            }
        }
        for (int i = 0; i < all.length; i++) {
            if (all[i] == null) {
                throw new IllegalStateException("record " + i + " of the batch was not decided");
            }
        }
        return List.of(all);
    }

    private static Result replayOf(String recordId, StoredReport before, String fingerprint) {
        if (before.fingerprint().equals(fingerprint)) {
            return new Result(recordId, Outcome.DUPLICATE, before.usageReportId(), null, null, null);
        }
        return new Result(recordId, Outcome.REJECTED, before.usageReportId(), "RECORD_CONFLICT",
                "Record " + recordId + " was already reported with different content (usage report "
                        + before.usageReportId() + "); a correction must be submitted as a new version",
                "记录 " + recordId + " 已以不同内容报送（用量报告 " + before.usageReportId() + "），更正须作为新版本提交");
    }
}
