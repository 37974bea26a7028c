package cn.cvp.provider.usage.application;

import cn.cvp.kit.audit.AuditLog;
import cn.cvp.provider.support.Service;
import cn.cvp.provider.usage.domain.UsageDecision;
import cn.cvp.provider.usage.domain.UsageReportStatus;
import cn.cvp.provider.usage.persistence.UsageReportStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
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
 * allocation-service's decisions on the usage reports taken in here (usage.accepted.v1 / usage.rejected.v1): a run
 * of them applied in their order as if one by one, but set-wise — the reports' statuses read and locked (in id order)
 * with one query, the decisions written with one, and audited with one. Idempotent by the report's status
 * ({@link UsageReportStatus#changesTo}: the same decision again changes nothing, the other one is refused), so the
 * event ids need not be logged: decisions arrive by the thousand.
 */
@ApplicationScoped
public class UsageDecisionService {
    private static final Logger LOG = Logger.getLogger(UsageDecisionService.class);

    private final UsageReportStore reports;
    private final AuditLog audit;
    private final Clock clock;

    public UsageDecisionService(UsageReportStore reports, AuditLog audit, Clock clock) {
        this.reports = reports;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void record(RecordUsageDecisions command) {
        List<RecordUsageDecisions.Decided> decided = command.decisions();
        if (decided.isEmpty()) {
            return;
        }
        Map<UUID, UsageReportStatus> status = new HashMap<>(reports.lockStatuses(
                decided.stream().map(RecordUsageDecisions.Decided::usageReportId).collect(Collectors.toSet())));
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<UsageDecision> changes = new ArrayList<>();
        List<AuditLog.Entry> audits = new ArrayList<>();
        for (RecordUsageDecisions.Decided d : decided) {
            UsageReportStatus current = status.get(d.usageReportId());
            if (current == null) {
                LOG.warnf("%s %s is about usage report %s, which this service never received", d.eventType(),
                        d.eventId(), d.usageReportId());
                continue;
            }
            UsageReportStatus decision = d.accepted() ? UsageReportStatus.ACCEPTED : UsageReportStatus.REJECTED;
            if (!current.changesTo(decision)) {
                continue;
            }
            status.put(d.usageReportId(), decision);
            UsageDecision change = d.accepted()
                    ? UsageDecision.accepted(d.usageReportId(), d.units(), d.amountFen(), d.subsidyFen(), d.flags())
                    : UsageDecision.rejected(d.usageReportId(), d.reason(), d.detail());
            changes.add(change);
            audits.add(new AuditLog.Entry(Service.SYSTEM, d.accepted() ? "USAGE_ACCEPTED" : "USAGE_REJECTED",
                    "UsageReport", d.usageReportId(), Map.of("status", current.name()),
                    decidedState(change, now, d.eventId())));
        }
        reports.decide(changes, now);
        audit.recordAll(audits);
    }

    /** What a decision changed on the report, and the event that brought it. */
    private static Map<String, Object> decidedState(UsageDecision d, OffsetDateTime now, String eventId) {
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
        m.put("causedByEvent", eventId);
        return m;
    }
}
