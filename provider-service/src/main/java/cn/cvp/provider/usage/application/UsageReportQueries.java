package cn.cvp.provider.usage.application;

import cn.cvp.kit.domain.DomainException;
import cn.cvp.provider.provider.application.ProviderQueries;
import cn.cvp.provider.support.Page;
import cn.cvp.provider.support.Viewer;
import cn.cvp.provider.usage.domain.UsageReport;
import cn.cvp.provider.usage.domain.UsageReportStatus;
import cn.cvp.provider.usage.domain.UsageTotals;
import cn.cvp.provider.usage.persistence.UsageReportRepository;
import cn.cvp.provider.usage.persistence.UsageReportStore;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Usage reports as the viewer may see them (providers their own, administrators and auditors all), and totals. */
@ApplicationScoped
public class UsageReportQueries {
    private final ProviderQueries providers;
    private final UsageReportRepository reports;
    private final UsageReportStore store;

    public UsageReportQueries(ProviderQueries providers, UsageReportRepository reports, UsageReportStore store) {
        this.providers = providers;
        this.reports = reports;
        this.store = store;
    }

    /** Newest first, optionally of one allocation, record id (every version) or status. */
    public List<UsageReport> list(Viewer viewer, UUID allocationId, String recordId, UsageReportStatus status,
                                  Page page) {
        ProviderQueries.ListScope scope = providers.listScope(viewer);
        if (scope.nothing()) {
            return List.of();
        }
        UUID providerId = scope.providerId();
        return reports.page(providerId, allocationId, recordId, status, page);
    }

    /** A usage report of the caller's own provider (another's answers 404); administrators and auditors see all. */
    public UsageReport visibleTo(Viewer viewer, UUID usageReportId) {
        UsageReport r = reports.findByIdOptional(usageReportId)
                .orElseThrow(() -> DomainException.notFound("Usage report", usageReportId));
        if (!viewer.seesAll() && !providers.findRegistered(viewer.organisation())
                .map(p -> p.id().equals(r.providerId())).orElse(false)) {
            throw DomainException.notFound("Usage report", usageReportId);
        }
        return r;
    }

    /** Reported and accepted card-hours and amounts per allocation (all versions stored so far). */
    public Map<UUID, UsageTotals> totalsByAllocation(Collection<UUID> allocationIds) {
        return store.totalsByAllocation(allocationIds);
    }
}
