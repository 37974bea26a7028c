package cn.cvp.provider.usage.persistence;

import cn.cvp.provider.support.Page;
import cn.cvp.provider.usage.domain.UsageReport;
import cn.cvp.provider.usage.domain.UsageReportStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Usage reports one at a time (reading, corrections); intake and decisions in bulk are {@link UsageReportStore}'s. */
@ApplicationScoped
public class UsageReportRepository implements PanacheRepositoryBase<UsageReport, UUID> {

    /** The report, locked until the transaction ends. */
    public Optional<UsageReport> forUpdate(UUID usageReportId) {
        return findByIdOptional(usageReportId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The latest version of a record of the provider. */
    public UsageReport latestVersion(UUID providerId, String recordId) {
        return find("providerId = ?1 and recordId = ?2 order by version desc", providerId, recordId).firstResult();
    }

    /** Newest first: of one provider (null: all), optionally of one allocation, record id or status. */
    public List<UsageReport> page(UUID providerId, UUID allocationId, String recordId, UsageReportStatus status,
                                  Page page) {
        Parameters params = new Parameters();
        StringBuilder query = new StringBuilder("1 = 1");
        if (providerId != null) {
            query.append(" and providerId = :provider");
            params.and("provider", providerId);
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
        return find(query.toString(), Sort.descending("receivedAt").and("id", Sort.Direction.Descending), params)
                .page(page.index(), page.size()).list();
    }
}
