package cn.cvp.provider.usage.application;

import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.domain.DomainException;
import cn.cvp.kit.outbox.Outbox;
import cn.cvp.kit.security.Actor;
import cn.cvp.provider.allocation.application.AllocationQueries;
import cn.cvp.provider.provider.application.ProviderQueries;
import cn.cvp.provider.provider.domain.Provider;
import cn.cvp.provider.usage.domain.BillableAllocation;
import cn.cvp.provider.usage.domain.Reservation;
import cn.cvp.provider.usage.domain.UsageCorrection;
import cn.cvp.provider.usage.domain.UsageRecord;
import cn.cvp.provider.usage.domain.UsageReport;
import cn.cvp.provider.usage.events.UsageEvents;
import cn.cvp.provider.usage.persistence.UsageReportRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Corrections of usage reports ({@link UsageCorrection}): a new version (version + 1) of the same record id that
 * references the report it corrects; the corrected report is kept unchanged.
 */
@ApplicationScoped
public class UsageCorrectionService {
    private final ProviderQueries providers;
    private final AllocationQueries allocations;
    private final UsageReportRepository reports;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    public UsageCorrectionService(ProviderQueries providers, AllocationQueries allocations,
                                  UsageReportRepository reports, Outbox outbox, AuditLog audit, Clock clock) {
        this.providers = providers;
        this.allocations = allocations;
        this.reports = reports;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** A stored correction, and whether this call stored it (false: a replay). */
    public record Corrected(UsageReport report, boolean created) {
    }

    /**
     * Only the latest version can be corrected. A replay of the same correction answers the version it stored
     * (created = false).
     */
    @Transactional
    public Corrected correct(Actor actor, CorrectUsageReport command) {
        Provider provider = providers.actingAs(actor.organisation());
        OffsetDateTime now = OffsetDateTime.now(clock);
        UsageReport corrected = reports.forUpdate(command.usageReportId())
                .filter(r -> r.providerId().equals(provider.id()))
                .orElseThrow(() -> DomainException.notFound("Usage report", command.usageReportId()));
        UsageRecord correction = command.correction();
        UsageRecord record = new UsageRecord(corrected.recordId(), corrected.allocationId(), correction.periodStart(),
                correction.periodEnd(), correction.units(), correction.unitPriceFen(), correction.amountFen(),
                correction.deliveryCertificateRef());
        String fingerprint = record.fingerprint();
        UsageReport latest = reports.latestVersion(provider.id(), corrected.recordId());
        Optional<UsageReport> replay = UsageCorrection.replayOrRefuse(corrected, latest, fingerprint);
        if (replay.isPresent()) {
            return new Corrected(replay.get(), false);
        }
        Optional<UsageRecord.Rejection> invalid = record.check(now);
        if (invalid.isEmpty()) {
            Reservation allocation = allocations.byId(record.allocationId()).map(Reservation::of).orElse(null);
            invalid = BillableAllocation.check(provider.id(), allocation, record.allocationId());
        }
        if (invalid.isPresent()) {
            throw UsageCorrection.refused(invalid.get());
        }
        UsageReport next = UsageReport.correctionOf(corrected, record, fingerprint, command.reason(), actor.subject(),
                now);
        reports.persist(next);
        outbox.appendAll(UsageEvents.TOPIC, List.of(new Outbox.Entry(record.allocationId().toString(),
                UsageEvents.REPORTED, next.id().toString(),
                record.reported(next.id(), next.version(), corrected.id(), provider.id()))));
        audit.record(actor, "USAGE_CORRECTED", "UsageReport", next.id(), corrected.snapshot(), next.snapshot());
        return new Corrected(next, true);
    }
}
