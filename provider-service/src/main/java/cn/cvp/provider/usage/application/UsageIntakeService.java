package cn.cvp.provider.usage.application;

import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.domain.DomainException;
import cn.cvp.kit.outbox.Outbox;
import cn.cvp.kit.security.Actor;
import cn.cvp.provider.allocation.application.AllocationQueries;
import cn.cvp.provider.allocation.domain.ProviderAllocation;
import cn.cvp.provider.provider.application.ProviderQueries;
import cn.cvp.provider.provider.domain.Provider;
import cn.cvp.provider.usage.domain.Reservation;
import cn.cvp.provider.usage.domain.UsageBatch;
import cn.cvp.provider.usage.events.UsageEvents;
import cn.cvp.provider.usage.persistence.UsageReportStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Usage intake: a provider reports card-hours delivered on its allocations, in batches, idempotently
 * by its own record id. Each stored record becomes a RECEIVED usage report and a usage.reported event
 * (through the outbox) for allocation-service to validate.
 */
@ApplicationScoped
public class UsageIntakeService {
    private final ProviderQueries providers;
    private final AllocationQueries allocations;
    private final UsageReportStore store;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    public UsageIntakeService(ProviderQueries providers, AllocationQueries allocations, UsageReportStore store,
                              Outbox outbox, AuditLog audit, Clock clock) {
        this.providers = providers;
        this.allocations = allocations;
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
    public List<UsageBatch.Result> report(Actor actor, ReportUsage command) {
        Provider provider = providers.actingAs(actor.organisation());
        OffsetDateTime now = OffsetDateTime.now(clock);
        UsageBatch batch = new UsageBatch(command.records());

        Map<String, UsageBatch.StoredReport> storedBefore = store.latestByRecordId(provider.id(), batch.recordIds());
        Map<UUID, Reservation> reservations = batch.allocationIds().isEmpty() ? Map.of()
                : allocations.byIds(batch.allocationIds()).stream()
                .collect(Collectors.toMap(ProviderAllocation::allocationId, Reservation::of));
        List<UsageBatch.Candidate> candidates = batch.screen(provider.id(), storedBefore, reservations, now);

        if (!candidates.isEmpty()) {
            store(actor, provider, batch, candidates, now);
        }

        List<UsageBatch.Result> results = batch.results();
        if (results.size() == 1 && "RECORD_CONFLICT".equals(results.get(0).code())) {
            UsageBatch.Result conflict = results.get(0);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("recordId", conflict.recordId());
            if (conflict.usageReportId() != null) {
                details.put("usageReportId", conflict.usageReportId().toString());
            }
            throw new DomainException(DomainException.Kind.CONFLICT, "RECORD_CONFLICT", conflict.messageEn(),
                    conflict.messageZh(), details, List.of());
        }
        return results;
    }

    /**
     * Stores the candidates in one statement; a candidate a concurrent request stored first is answered as a replay
     * of what that request stored. The stored ones are published (one outbox statement) and audited (one entry).
     */
    private void store(Actor actor, Provider provider, UsageBatch batch, List<UsageBatch.Candidate> candidates,
                       OffsetDateTime now) {
        UUID batchId = UUID.randomUUID();
        Set<UUID> inserted = store.insertReceived(provider.id(), batchId, actor.subject(), now, candidates);
        List<UsageBatch.Candidate> lostRace = candidates.stream()
                .filter(c -> !inserted.contains(c.usageReportId())).toList();
        Map<String, UsageBatch.StoredReport> storedConcurrently = store.latestByRecordId(provider.id(),
                lostRace.stream().map(c -> c.record().recordId()).toList());
        List<Outbox.Entry> events = new ArrayList<>(inserted.size());
        Map<String, UUID> stored = new LinkedHashMap<>();
        for (UsageBatch.Candidate c : candidates) {
            if (inserted.contains(c.usageReportId())) {
                batch.stored(c);
                events.add(new Outbox.Entry(c.record().allocationId().toString(), UsageEvents.REPORTED,
                        c.usageReportId().toString(), c.reported(provider.id())));
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
            after.put("providerId", provider.id());
            after.put("records", batch.size());
            after.put("stored", stored);
            audit.record(actor, "USAGE_REPORTED", "UsageBatch", batchId, null, after);
        }
    }
}
