package cn.cvp.allocation.usage.application;

import cn.cvp.allocation.catalogue.domain.ProviderStanding;
import cn.cvp.allocation.catalogue.application.Catalogue;
import cn.cvp.allocation.matching.domain.Allocation;
import cn.cvp.allocation.matching.domain.AllocationStatus;
import cn.cvp.allocation.matching.events.AllocationCompletedV1;
import cn.cvp.allocation.matching.domain.Voucher;
import cn.cvp.allocation.matching.application.Allocations;
import cn.cvp.allocation.support.Topics;
import cn.cvp.allocation.usage.domain.Reservation;
import cn.cvp.allocation.usage.domain.UsageDecision;
import cn.cvp.allocation.usage.domain.UsageReport;
import cn.cvp.allocation.usage.domain.UsageValidator;
import cn.cvp.allocation.usage.domain.UsageVerdict;
import cn.cvp.allocation.usage.events.UsageAcceptedV1;
import cn.cvp.allocation.usage.events.UsageRejectedV1;
import cn.cvp.allocation.usage.persistence.UsageDecisionRepository;
import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.outbox.Outbox;
import cn.cvp.kit.security.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Decides on usage reports: validates each against its allocation (locked, so reports on one allocation are
 * decided one after another), records the decision once per usageReportId, and publishes it. A poll of reports is
 * decided at once (set-wise), in the order the reports were polled.
 */
@ApplicationScoped
public class UsageService {

    private static final Logger LOG = Logger.getLogger(UsageService.class);
    private static final Actor SYSTEM = Actor.system(Topics.SERVICE);

    private final UsageDecisionRepository decisions;
    private final Allocations allocations;
    private final Catalogue catalogue;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    public UsageService(UsageDecisionRepository decisions, Allocations allocations, Catalogue catalogue,
                        Outbox outbox, AuditLog audit, Clock clock) {
        this.decisions = decisions;
        this.allocations = allocations;
        this.catalogue = catalogue;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * usage.reported.v1 → usage.accepted.v1 or usage.rejected.v1, for a poll of reports: decided in their order as if
     * one by one, but set-wise: one statement per table for the whole list, and each allocation read, locked (in id
     * order) and written once. A report already decided keeps its decision: idempotent by usageReportId (the
     * decision's primary key), so the event ids need not be logged.
     */
    @Transactional
    public void usageReported(DecideUsage c) {
        // Idempotent by the report, not the event: a report decided before (a redelivery, or the same report sent
        // twice) keeps its decision. No processed-event row needed: usage arrives by the thousand.
        List<UsageReport> reports = c.reports().stream().map(DecideUsage.Reported::report).toList();
        if (reports.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Set<UUID> asked = new HashSet<>();
        reports.forEach(r -> {
            asked.add(r.usageReportId());
            if (r.correctsUsageReportId() != null) {
                asked.add(r.correctsUsageReportId());
            }
        });
        Map<UUID, Boolean> decided = new HashMap<>(decisions.acceptedByReportId(asked));
        Map<UUID, Allocation> locked = allocations.lockAll(reports.stream().map(UsageReport::allocationId)
                .collect(Collectors.toSet()));
        Map<UUID, Voucher> voucherOf = new HashMap<>();
        Map<UUID, ProviderStanding> providerOf = new HashMap<>();
        Map<UUID, Allocation.Snapshot> before = new LinkedHashMap<>();
        List<AuditLog.Entry> audits = new ArrayList<>();
        List<Outbox.Entry> published = new ArrayList<>();

        for (UsageReport report : reports) {
            if (decided.containsKey(report.usageReportId())) {
                LOG.infof("usage report %s was decided before; the decision stands", report.usageReportId());
                continue;
            }
            Allocation allocation = locked.get(report.allocationId());
            Voucher voucher = allocation == null ? null
                    : voucherOf.computeIfAbsent(allocation.voucherId(), allocations::voucher);
            ProviderStanding provider = allocation == null || allocation.providerId() == null ? null
                    : providerOf.computeIfAbsent(allocation.providerId(), catalogue::provider);
            boolean correctsAccepted = report.correctsUsageReportId() != null
                    && decided.getOrDefault(report.correctsUsageReportId(), false);
            UsageVerdict verdict = UsageValidator.validate(report, reservationOf(allocation, voucher, provider, now),
                    correctsAccepted);
            UUID voucherId = allocation == null || allocation.providerId() == null
                    || !allocation.providerId().equals(report.providerId()) ? null : allocation.voucherId();
            UsageDecision decision = UsageDecision.decide(report, verdict, voucherId, now);
            decisions.persist(decision);
            decided.put(report.usageReportId(), decision.isAccepted());
            String key = report.allocationId().toString();
            String subject = report.usageReportId().toString();
            if (decision.isAccepted()) {
                before.putIfAbsent(allocation.allocationId(), allocation.snapshot());
                allocation.recordAcceptedUsage(report.units(), report.amountFen(), verdict.subsidyFen(), now);
                audits.add(new AuditLog.Entry(SYSTEM, "USAGE_ACCEPTED", "UsageReport", report.usageReportId(), null,
                        decision.accepted(allocation.unit())));
                published.add(new Outbox.Entry(key, UsageAcceptedV1.TYPE, subject, decision.accepted(allocation.unit())));
                if (allocation.status() == AllocationStatus.COMPLETED) {
                    // after usage.accepted on the same key: voucher-service captures first, then releases the rest
                    published.add(new Outbox.Entry(key, AllocationCompletedV1.TYPE, key, allocation.completed()));
                }
            } else {
                if (verdict.flagged()) {
                    LOG.warnf("usage report %s rejected %s and flagged %s for review", report.usageReportId(),
                            verdict.reason(), verdict.flags());
                }
                audits.add(new AuditLog.Entry(SYSTEM, "USAGE_REJECTED", "UsageReport", report.usageReportId(), null,
                        decision.rejected()));
                published.add(new Outbox.Entry(key, UsageRejectedV1.TYPE, subject, decision.rejected()));
            }
        }
        // each allocation's accepted usage of this poll, before → after, next to the USAGE_ACCEPTED of each report
        before.forEach((id, was) -> audits.add(new AuditLog.Entry(SYSTEM, "ALLOCATION_USAGE_ACCEPTED", "Allocation",
                id, was, locked.get(id).snapshot())));
        audit.recordAll(audits);
        outbox.appendAll(Topics.ALLOCATION_EVENTS, published);
    }

    private static Reservation reservationOf(Allocation a, Voucher v, ProviderStanding p, OffsetDateTime now) {
        if (a == null || a.providerId() == null) {
            return null; // no allocation, or only a waitlist entry: nothing a provider could deliver on
        }
        return new Reservation(a.allocationId(), a.providerId(), a.voucherId(), a.status(), a.windowStart(),
                a.windowEnd(), a.units(), a.cardHours(), a.unitPriceFen(), a.subsidyRatio(),
                a.holdFen() == null ? 0 : a.holdFen(), a.acceptedUnits(), a.acceptedSubsidyFen(),
                v != null && v.isActiveAt(now), v == null ? "UNKNOWN" : v.statusAt(now),
                v == null ? null : v.validUntil(),
                v != null && p != null && v.relatedParties().relatedTo(p.creditCode(), p.name(), p.relatedParties()),
                a.unit());
    }
}
