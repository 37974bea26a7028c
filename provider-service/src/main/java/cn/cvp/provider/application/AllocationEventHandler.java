package cn.cvp.provider.application;

import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.events.EventCodec;
import cn.cvp.kit.events.EventEnvelope;
import cn.cvp.kit.events.MalformedEventException;
import cn.cvp.kit.inbox.ProcessedEvents;
import cn.cvp.kit.security.Actor;
import cn.cvp.provider.domain.ProviderAllocation;
import cn.cvp.provider.domain.UsageReportStatus;
import cn.cvp.provider.persistence.UsageReportStore;
import cn.cvp.provider.messaging.AllocationEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Keeps the provider's view of its allocations and the decisions on its usage reports from
 * allocation.events. One event, one transaction: the processed-event log, the change and its audit
 * commit together, so a redelivered event changes nothing.
 */
@ApplicationScoped
public class AllocationEventHandler {
    public static final String CONSUMER = "provider-service/allocation-events";
    private static final Logger LOG = Logger.getLogger(AllocationEventHandler.class);

    private final ProcessedEvents processed;
    private final EventCodec codec;
    private final AuditLog audit;
    private final Clock clock;
    private final Actor system;
    private final UsageReportStore reports;

    public AllocationEventHandler(ProcessedEvents processed, EventCodec codec, AuditLog audit, Clock clock,
                                  UsageReportStore reports,
                                  @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.reports = reports;
        this.processed = processed;
        this.codec = codec;
        this.audit = audit;
        this.clock = clock;
        this.system = Actor.system(applicationName);
    }

    @Transactional
    public void handle(EventEnvelope event) {
        if (isUsageDecision(event)) {
            usageDecided(List.of(event));
            return;
        }
        if (!processed.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        switch (event.type()) {
            case AllocationEvents.CREATED -> created(event, codec.data(event, AllocationEvents.AllocationCreated.class));
            case AllocationEvents.HELD -> held(event, codec.data(event, AllocationEvents.AllocationHeld.class));
            case AllocationEvents.CANCELLED ->
                    cancelled(event, codec.data(event, AllocationEvents.AllocationCancelled.class));
            case AllocationEvents.COMPLETED ->
                    completed(event, codec.data(event, AllocationEvents.AllocationCompleted.class));
            default -> LOG.debugf("ignoring %s %s", event.type(), event.id());
        }
    }

    private void created(EventEnvelope event, AllocationEvents.AllocationCreated e) {
        require(event, "allocationId", e.allocationId(), "providerId", e.providerId(), "voucherId", e.voucherId(),
                "cardHours", e.cardHours(), "unitPriceFen", e.unitPriceFen());
        OffsetDateTime now = OffsetDateTime.now(clock);
        Loaded loaded = allocation(e.allocationId(), e.voucherId(), e.providerId(), now);
        ProviderAllocation a = loaded.allocation();
        a.proposed(new ProviderAllocation.Terms(e.voucherId(), e.offeringId(), e.offeringVersion(), e.providerId(),
                e.enterpriseCreditCode(), e.resourceClass(), e.region(), e.units(), e.cardHours(), e.unitPriceFen(),
                e.amountFen(), e.windowStart(), e.windowEnd()), now);
        a.persist();
        record(event, "ALLOCATION_PROPOSED", a, loaded.before());
    }

    private void held(EventEnvelope event, AllocationEvents.AllocationHeld e) {
        require(event, "allocationId", e.allocationId(), "holdFen", e.holdFen());
        OffsetDateTime now = OffsetDateTime.now(clock);
        Loaded loaded = allocation(e.allocationId(), e.voucherId(), e.providerId(), now);
        ProviderAllocation a = loaded.allocation();
        a.held(e.holdFen(), now);
        a.persist();
        record(event, "ALLOCATION_HELD", a, loaded.before());
    }

    private void cancelled(EventEnvelope event, AllocationEvents.AllocationCancelled e) {
        require(event, "allocationId", e.allocationId());
        OffsetDateTime now = OffsetDateTime.now(clock);
        Loaded loaded = allocation(e.allocationId(), e.voucherId(), e.providerId(), now);
        ProviderAllocation a = loaded.allocation();
        a.cancelled(e.reason(), now);
        a.persist();
        record(event, "ALLOCATION_CANCELLED", a, loaded.before());
    }

    private void completed(EventEnvelope event, AllocationEvents.AllocationCompleted e) {
        require(event, "allocationId", e.allocationId(), "reason", e.reason());
        OffsetDateTime now = OffsetDateTime.now(clock);
        Loaded loaded = allocation(e.allocationId(), e.voucherId(), e.providerId(), now);
        ProviderAllocation a = loaded.allocation();
        a.completed(now);
        a.persist();
        record(event, "ALLOCATION_COMPLETED", a, loaded.before());
    }

    /** usage.accepted.v1 or usage.rejected.v1: a decision on one of the provider's usage reports. */
    public static boolean isUsageDecision(EventEnvelope event) {
        return AllocationEvents.USAGE_ACCEPTED.equals(event.type()) || AllocationEvents.USAGE_REJECTED.equals(event.type());
    }

    /**
     * A run of usage decisions, applied in their order as if one by one, but set-wise: the reports' statuses are
     * read and locked (in id order) with one query, the decisions written with one, and audited with one. Idempotent by the report's status (the
     * same decision again changes nothing), so the event ids need not be logged: decisions arrive by the thousand.
     */
    @Transactional
    public void usageDecided(List<EventEnvelope> events) {
        List<Decided> decided = new ArrayList<>();
        for (EventEnvelope event : events) {
            if (AllocationEvents.USAGE_ACCEPTED.equals(event.type())) {
                AllocationEvents.UsageAccepted e = codec.data(event, AllocationEvents.UsageAccepted.class);
                require(event, "usageReportId", e.usageReportId(), "units", e.units(), "amountFen", e.amountFen(),
                        "subsidyFen", e.subsidyFen());
                decided.add(new Decided(event, e.usageReportId(), e, null));
            } else {
                AllocationEvents.UsageRejected e = codec.data(event, AllocationEvents.UsageRejected.class);
                require(event, "usageReportId", e.usageReportId(), "reason", e.reason());
                decided.add(new Decided(event, e.usageReportId(), null, e));
            }
        }
        if (decided.isEmpty()) {
            return;
        }
        Map<UUID, UsageReportStatus> status = new HashMap<>(reports.lockStatuses(
                decided.stream().map(Decided::usageReportId).collect(Collectors.toSet())));
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<UsageReportStore.Decision> changes = new ArrayList<>();
        List<AuditLog.Entry> audits = new ArrayList<>();
        for (Decided d : decided) {
            UsageReportStatus current = status.get(d.usageReportId());
            if (current == null) {
                LOG.warnf("%s %s is about usage report %s, which this service never received", d.event().type(),
                        d.event().id(), d.usageReportId());
                continue;
            }
            AllocationEvents.UsageAccepted a = d.accepted();
            AllocationEvents.UsageRejected r = d.rejected();
            UsageReportStatus decision = a != null ? UsageReportStatus.ACCEPTED : UsageReportStatus.REJECTED;
            if (!current.changesTo(decision)) {
                continue;
            }
            status.put(d.usageReportId(), decision);
            UsageReportStore.Decision change = a != null
                    ? new UsageReportStore.Decision(d.usageReportId(), decision, a.units(), a.amountFen(),
                    a.subsidyFen(), a.flags() == null ? List.of() : List.copyOf(a.flags()), null, null)
                    : new UsageReportStore.Decision(d.usageReportId(), decision, null, null, null, null, r.reason(),
                    r.detail());
            changes.add(change);
            audits.add(new AuditLog.Entry(system, a != null ? "USAGE_ACCEPTED" : "USAGE_REJECTED", "UsageReport",
                    d.usageReportId(), Map.of("status", current.name()), decidedState(change, now, d.event())));
        }
        reports.decide(changes, now);
        audit.recordAll(audits);
    }

    /** What a decision changed on the report, and the event that brought it. */
    private static Map<String, Object> decidedState(UsageReportStore.Decision d, OffsetDateTime now,
                                                    EventEnvelope event) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", d.status().name());
        if (d.status() == UsageReportStatus.ACCEPTED) {
            m.put("acceptedUnits", d.acceptedUnits());
            m.put("acceptedAmountFen", d.acceptedAmountFen());
            m.put("subsidyFen", d.subsidyFen());
            m.put("flags", d.flags());
        } else {
            m.put("rejectionReason", d.rejectionReason());
            m.put("rejectionDetail", d.rejectionDetail());
        }
        m.put("decidedAt", now);
        m.put("causedByEvent", event.id());
        return m;
    }

    private record Decided(EventEnvelope event, UUID usageReportId, AllocationEvents.UsageAccepted accepted,
                           AllocationEvents.UsageRejected rejected) {
    }

    /** The view of an allocation (locked), or a new one if this is the first event about it. */
    private static Loaded allocation(UUID allocationId, UUID voucherId, UUID providerId, OffsetDateTime now) {
        ProviderAllocation a = ProviderAllocation.findById(allocationId, LockModeType.PESSIMISTIC_WRITE);
        return a != null ? new Loaded(a, Snapshots.of(a))
                : new Loaded(ProviderAllocation.firstHeard(allocationId, voucherId, providerId, now), null);
    }

    private record Loaded(ProviderAllocation allocation, Object before) {
    }

    private void record(EventEnvelope event, String action, ProviderAllocation a, Object before) {
        audit.record(system, action, "Allocation", a.allocationId, before, withEvent(Snapshots.of(a), event));
    }

    private static Map<String, Object> withEvent(Map<String, Object> state, EventEnvelope event) {
        Map<String, Object> m = new LinkedHashMap<>(state);
        m.put("causedByEvent", event.id());
        return m;
    }

    /** A field the contract requires is missing: the event cannot be processed and goes to the DLQ. */
    private static void require(EventEnvelope event, Object... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] == null) {
                throw new MalformedEventException(event.type() + " " + event.id() + " has no " + namesAndValues[i]);
            }
        }
    }
}
