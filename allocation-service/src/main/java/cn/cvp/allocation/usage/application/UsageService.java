package cn.cvp.allocation.usage.application;

import cn.cvp.allocation.catalogue.domain.ProviderStanding;
import cn.cvp.allocation.catalogue.persistence.ProviderStandingRepository;
import cn.cvp.allocation.matching.domain.Allocation;
import cn.cvp.allocation.matching.domain.AllocationStatus;
import cn.cvp.allocation.matching.domain.events.AllocationCompletedV1;
import cn.cvp.allocation.matching.domain.Voucher;
import cn.cvp.allocation.matching.persistence.AllocationRepository;
import cn.cvp.allocation.matching.persistence.VoucherRepository;
import cn.cvp.allocation.support.Topics;
import cn.cvp.allocation.usage.domain.Reservation;
import cn.cvp.allocation.usage.domain.UsageDecision;
import cn.cvp.allocation.usage.domain.UsageReport;
import cn.cvp.allocation.usage.domain.UsageValidator;
import cn.cvp.allocation.usage.domain.UsageVerdict;
import cn.cvp.allocation.usage.domain.events.UsageAcceptedV1;
import cn.cvp.allocation.usage.domain.events.UsageRejectedV1;
import cn.cvp.allocation.usage.persistence.UsageDecisionRepository;
import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.inbox.ProcessedEvents;
import cn.cvp.kit.outbox.Outbox;
import cn.cvp.kit.security.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides on usage reports: validates each against its allocation (locked, so reports on one allocation are
 * decided one after another), records the decision once per usageReportId, and publishes it.
 */
@ApplicationScoped
public class UsageService {

    private static final Logger LOG = Logger.getLogger(UsageService.class);
    private static final Actor SYSTEM = Actor.system(Topics.SERVICE);

    private final ProcessedEvents processed;
    private final UsageDecisionRepository decisions;
    private final AllocationRepository allocations;
    private final VoucherRepository vouchers;
    private final ProviderStandingRepository providers;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    public UsageService(ProcessedEvents processed, UsageDecisionRepository decisions, AllocationRepository allocations,
                        VoucherRepository vouchers, ProviderStandingRepository providers, Outbox outbox, AuditLog audit,
                        Clock clock) {
        this.processed = processed;
        this.decisions = decisions;
        this.allocations = allocations;
        this.vouchers = vouchers;
        this.providers = providers;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** usage.reported.v1 → usage.accepted.v1 or usage.rejected.v1. A report already decided keeps its decision. */
    @Transactional
    public void usageReported(String eventId, UsageReport report) {
        if (!processed.firstDelivery(Topics.CONSUMER, eventId)) {
            return;
        }
        if (decisions.findById(report.usageReportId()) != null) {
            LOG.infof("usage report %s was decided before; the decision stands", report.usageReportId());
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Allocation allocation = allocations.lock(report.allocationId());
        Voucher voucher = allocation == null ? null : vouchers.findById(allocation.voucherId());
        ProviderStanding provider = allocation == null || allocation.providerId() == null ? null
                : providers.findById(allocation.providerId());
        boolean correctsAccepted = report.correctsUsageReportId() != null
                && Optional.ofNullable(decisions.findById(report.correctsUsageReportId()))
                .map(UsageDecision::isAccepted).orElse(false);
        UsageVerdict verdict = UsageValidator.validate(report, reservationOf(allocation, voucher, provider, now),
                correctsAccepted);
        UUID voucherId = allocation == null || allocation.providerId() == null
                || !allocation.providerId().equals(report.providerId()) ? null : allocation.voucherId();
        UsageDecision decision = UsageDecision.decide(report, verdict, voucherId, now);
        decisions.persist(decision);
        String key = report.allocationId().toString();
        if (decision.isAccepted()) {
            Allocation.Snapshot before = allocation.snapshot();
            allocation.recordAcceptedUsage(report.units(), report.amountFen(), verdict.subsidyFen(), now);
            audit.record(SYSTEM, "ALLOCATION_USAGE_ACCEPTED", "Allocation", allocation.allocationId(), before,
                    allocation.snapshot());
            audit.record(SYSTEM, "USAGE_ACCEPTED", "UsageReport", report.usageReportId(), null, decision.accepted());
            outbox.append(Topics.ALLOCATION_EVENTS, key, UsageAcceptedV1.TYPE, report.usageReportId().toString(),
                    decision.accepted());
            if (allocation.status() == AllocationStatus.COMPLETED) {
                // after usage.accepted on the same key: voucher-service captures first, then releases the rest
                outbox.append(Topics.ALLOCATION_EVENTS, key, AllocationCompletedV1.TYPE, key, allocation.completed());
            }
        } else {
            if (verdict.flagged()) {
                LOG.warnf("usage report %s rejected %s and flagged %s for review", report.usageReportId(),
                        verdict.reason(), verdict.flags());
            }
            audit.record(SYSTEM, "USAGE_REJECTED", "UsageReport", report.usageReportId(), null, decision.rejected());
            outbox.append(Topics.ALLOCATION_EVENTS, key, UsageRejectedV1.TYPE, report.usageReportId().toString(),
                    decision.rejected());
        }
    }

    private static Reservation reservationOf(Allocation a, Voucher v, ProviderStanding p, OffsetDateTime now) {
        if (a == null || a.providerId() == null) {
            return null; // no allocation, or only a waitlist entry: nothing a provider could deliver on
        }
        return new Reservation(a.allocationId(), a.providerId(), a.voucherId(), a.status(), a.windowStart(),
                a.windowEnd(), a.units(), a.cardHours(), a.unitPriceFen(), a.subsidyRatio(),
                a.holdFen() == null ? 0 : a.holdFen(), a.acceptedUnits(), a.acceptedSubsidyFen(),
                v != null && v.isActiveAt(now), v == null ? "UNKNOWN" : v.statusAt(now),
                v == null ? null : v.validUntil(), v != null && p != null && related(v, p));
    }

    /** Related parties (关联方) either way round, as the provider's standing says now. */
    static boolean related(Voucher v, ProviderStanding p) {
        List<String> enterpriseRelated = v.enterpriseRelatedParties();
        return (p.creditCode() != null && (enterpriseRelated.contains(p.creditCode())
                        || p.creditCode().equals(v.enterpriseCreditCode())))
                || (p.name() != null && enterpriseRelated.contains(p.name()))
                || p.relatedParties().contains(v.enterpriseCreditCode());
    }
}
