package cn.cvp.provider.application;

import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.outbox.Outbox;
import cn.cvp.kit.problem.ProblemException;
import cn.cvp.kit.security.Actor;
import cn.cvp.provider.domain.Provider;
import cn.cvp.provider.domain.ProviderAllocation;
import cn.cvp.provider.domain.UsageBatch;
import cn.cvp.provider.domain.UsageRecord;
import cn.cvp.provider.domain.UsageReport;
import cn.cvp.provider.messaging.UsageEvents;
import cn.cvp.provider.persistence.UsageReportStore;
import jakarta.enterprise.context.ApplicationScoped;
import cn.cvp.provider.domain.UsageReportStatus;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.Optional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Usage intake: a provider reports card-hours delivered on its allocations, in batches, idempotently
 * by its own record id. Each stored record becomes a RECEIVED usage report and a usage.reported event
 * (through the outbox) for allocation-service to validate.
 */
@ApplicationScoped
public class UsageIntakeService {
    private final ProviderService providers;
    private final UsageReportStore store;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    public UsageIntakeService(ProviderService providers, UsageReportStore store, Outbox outbox, AuditLog audit,
                              Clock clock) {
        this.providers = providers;
        this.store = store;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Decides and stores one batch. A single record that conflicts with what was reported before under
     * its record id is refused as a whole (409 RECORD_CONFLICT); in a larger batch only that record is.
     */
    @Transactional
    public List<UsageBatch.Result> submit(Actor actor, String organisation, List<UsageRecord> records) {
        Provider provider = providers.actingAs(organisation);
        OffsetDateTime now = OffsetDateTime.now(clock);
        UsageBatch batch = new UsageBatch(records);

        Map<String, UsageBatch.StoredReport> storedBefore = store.latestByRecordId(provider.id, batch.recordIds());
        Map<UUID, ProviderAllocation> allocations = batch.allocationIds().isEmpty() ? Map.of()
                : ProviderAllocation.<ProviderAllocation>list("allocationId in ?1", batch.allocationIds()).stream()
                .collect(Collectors.toMap(a -> a.allocationId, Function.identity()));
        List<UsageBatch.Candidate> candidates = batch.screen(provider.id, storedBefore, allocations, now);

        if (!candidates.isEmpty()) {
            UUID batchId = UUID.randomUUID();
            Set<UUID> inserted = store.insertReceived(provider.id, batchId, actor.subject(), now, candidates);
            List<UsageBatch.Candidate> lostRace = candidates.stream()
                    .filter(c -> !inserted.contains(c.usageReportId())).toList();
            Map<String, UsageBatch.StoredReport> storedConcurrently = store.latestByRecordId(provider.id,
                    lostRace.stream().map(c -> c.record().recordId()).toList());
            List<Outbox.Entry> events = new ArrayList<>(inserted.size());
            Map<String, UUID> stored = new LinkedHashMap<>();
            for (UsageBatch.Candidate c : candidates) {
                if (inserted.contains(c.usageReportId())) {
                    batch.stored(c);
                    events.add(reported(provider, c));
                    stored.put(c.record().recordId(), c.usageReportId());
                } else {
                    UsageBatch.StoredReport winner = storedConcurrently.get(c.record().recordId());
                    if (winner == null) {
                        throw new IllegalStateException("record " + c.record().recordId()
                                + " was neither stored nor found stored");
                    }
                    batch.storedBefore(c, winner);
                }
            }
            outbox.appendAll(UsageEvents.TOPIC, events);
            if (!stored.isEmpty()) {
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("providerId", provider.id);
                after.put("records", batch.size());
                after.put("stored", stored);
                audit.record(actor, "USAGE_REPORTED", "UsageBatch", batchId, null, after);
            }
        }

        List<UsageBatch.Result> results = batch.results();
        if (results.size() == 1 && "RECORD_CONFLICT".equals(results.get(0).code())) {
            UsageBatch.Result conflict = results.get(0);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("recordId", conflict.recordId());
            if (conflict.usageReportId() != null) {
                details.put("usageReportId", conflict.usageReportId().toString());
            }
            throw new ProblemException(409, "RECORD_CONFLICT", conflict.messageEn(), conflict.messageZh(), details,
                    List.of());
        }
        return results;
    }

    /**
     * A correction of a usage report: a new version (version + 1) of the same record id that references
     * the report it corrects; the corrected report is kept unchanged. Only the latest version can be
     * corrected. A replay of the same correction answers the version it stored (created = false).
     */
    @Transactional
    public Correction correct(Actor actor, String organisation, UUID correctedId, UsageRecord correction,
                              String reason) {
        Provider provider = providers.actingAs(organisation);
        OffsetDateTime now = OffsetDateTime.now(clock);
        UsageReport corrected = UsageReport.<UsageReport>findByIdOptional(correctedId, LockModeType.PESSIMISTIC_WRITE)
                .filter(r -> r.providerId.equals(provider.id))
                .orElseThrow(() -> ProblemException.notFound("Usage report", correctedId));
        UsageRecord record = new UsageRecord(corrected.recordId, corrected.allocationId, correction.periodStart(),
                correction.periodEnd(), correction.units(), correction.unitPriceFen(), correction.amountFen(),
                correction.deliveryCertificateRef());
        String fingerprint = record.fingerprint();
        UsageReport latest = UsageReport.<UsageReport>find("providerId = ?1 and recordId = ?2 order by version desc",
                provider.id, corrected.recordId).firstResult();
        if (!latest.id.equals(corrected.id)) {
            if (correctedId.equals(latest.correctsUsageReportId) && latest.contentHash.equals(fingerprint)) {
                return new Correction(latest, false);
            }
            throw new ProblemException(409, "STALE_CORRECTION",
                    "Usage report " + correctedId + " has been corrected already; correct the latest version "
                            + latest.id + " (version " + latest.version + ")",
                    "用量报告 " + correctedId + " 已被更正，请更正最新版本 " + latest.id + "（第 " + latest.version + " 版）",
                    Map.of("latestUsageReportId", latest.id.toString(), "latestVersion", latest.version), List.of());
        }
        if (corrected.contentHash.equals(fingerprint)) {
            throw new ProblemException(422, "CORRECTION_CHANGES_NOTHING",
                    "The correction says the same as usage report " + correctedId,
                    "更正内容与用量报告 " + correctedId + " 相同");
        }
        var invalid = record.check(now);
        if (invalid.isEmpty()) {
            ProviderAllocation allocation = ProviderAllocation.findById(record.allocationId());
            invalid = UsageBatch.allocationProblem(provider.id, allocation, record.allocationId());
        }
        if (invalid.isPresent()) {
            throw new ProblemException(422, invalid.get().code(), invalid.get().messageEn(), invalid.get().messageZh());
        }
        UsageReport next = UsageReport.correctionOf(corrected, record, fingerprint, reason, actor.subject(), now);
        next.persist();
        outbox.appendAll(UsageEvents.TOPIC, List.of(new Outbox.Entry(
                record.allocationId().toString(), UsageEvents.REPORTED, next.id.toString(),
                new UsageEvents.UsageReportedV1(next.id, next.version, corrected.id, provider.id, record.allocationId(),
                        record.recordId(), record.periodStart(), record.periodEnd(), record.unitsText(),
                        record.unitPriceFen(), record.amountFen(), record.deliveryCertificateRef()))));
        audit.record(actor, "USAGE_CORRECTED", "UsageReport", next.id, Snapshots.of(corrected), Snapshots.of(next));
        return new Correction(next, true);
    }

    /** A stored correction, and whether this call stored it (false: a replay). */
    public record Correction(UsageReport report, boolean created) {
    }

    /** Usage reports the viewer may see, newest first, optionally of one allocation, record id or status. */
    public List<UsageReport> list(Viewer viewer, UUID allocationId, String recordId, UsageReportStatus status,
                                  Page page) {
        Parameters params = new Parameters();
        StringBuilder query = new StringBuilder("1 = 1");
        if (!viewer.seesAll()) {
            Optional<Provider> own = providers.findRegistered(viewer.organisation());
            if (own.isEmpty()) {
                return List.of();
            }
            query.append(" and providerId = :provider");
            params.and("provider", own.get().id);
        }
        if (allocationId != null) {
            query.append(" and allocationId = :allocation");
            params.and("allocation", allocationId);
        }
        if (recordId != null && !recordId.isBlank()) {
            query.append(" and recordId = :record");
            params.and("record", recordId);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        return UsageReport.<UsageReport>find(query.toString(), Sort.descending("receivedAt").and("id", Sort.Direction.Descending), params)
                .page(page.index(), page.size()).list();
    }

    /** A usage report of the caller's own provider; administrators and auditors see all. */
    public UsageReport visibleTo(Viewer viewer, UUID usageReportId) {
        UsageReport r = UsageReport.<UsageReport>findByIdOptional(usageReportId)
                .orElseThrow(() -> ProblemException.notFound("Usage report", usageReportId));
        if (!viewer.seesAll() && !providers.findRegistered(viewer.organisation())
                .map(p -> p.id.equals(r.providerId)).orElse(false)) {
            throw ProblemException.notFound("Usage report", usageReportId);
        }
        return r;
    }

    private static Outbox.Entry reported(Provider provider, UsageBatch.Candidate c) {
        UsageRecord r = c.record();
        return new Outbox.Entry(r.allocationId().toString(), UsageEvents.REPORTED, c.usageReportId().toString(),
                new UsageEvents.UsageReportedV1(c.usageReportId(), 1, null, provider.id, r.allocationId(),
                        r.recordId(), r.periodStart(), r.periodEnd(), r.unitsText(), r.unitPriceFen(), r.amountFen(),
                        r.deliveryCertificateRef()));
    }
}
