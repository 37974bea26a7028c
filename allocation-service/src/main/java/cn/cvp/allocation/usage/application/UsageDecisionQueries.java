package cn.cvp.allocation.usage.application;

import cn.cvp.allocation.usage.domain.UsageDecision;
import cn.cvp.allocation.usage.persistence.UsageDecisionRepository;
import cn.cvp.kit.domain.DomainException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Read-only view of usage decisions for the API. */
@ApplicationScoped
public class UsageDecisionQueries {

    private final UsageDecisionRepository decisions;

    public UsageDecisionQueries(UsageDecisionRepository decisions) {
        this.decisions = decisions;
    }

    public UsageDecision get(UUID usageReportId) {
        UsageDecision decision = decisions.findById(usageReportId);
        if (decision == null) {
            throw DomainException.notFound("Usage decision", usageReportId);
        }
        return decision;
    }

    public Page search(Boolean flagged, String decision, UUID allocationId, UUID voucherId, int page, int size) {
        var query = decisions.search(flagged, decision, allocationId, voucherId, page, size);
        return new Page(query.list(), page, size, query.count());
    }

    public record Page(java.util.List<UsageDecision> items, int page, int size, long total) {
    }
}
