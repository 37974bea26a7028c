package cn.cvp.allocation.usage.application;

import cn.cvp.allocation.usage.domain.UsageDecision;
import cn.cvp.allocation.usage.persistence.UsageDecisionRepository;
import cn.cvp.kit.domain.DomainException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Read-only view of usage decisions for the API: the usage report behind each debit of a voucher. Staff see all; an
 * enterprise sees the decisions on its own allocations only (another's is "not found").
 */
@ApplicationScoped
public class UsageDecisionQueries {

    private final UsageDecisionRepository decisions;

    public UsageDecisionQueries(UsageDecisionRepository decisions) {
        this.decisions = decisions;
    }

    /** @param enterpriseCreditCode the enterprise asking, or null for staff */
    public UsageDecision get(UUID usageReportId, String enterpriseCreditCode) {
        UsageDecision decision = decisions.findById(usageReportId);
        if (decision == null
                || (enterpriseCreditCode != null && !decisions.belongsTo(usageReportId, enterpriseCreditCode))) {
            throw DomainException.notFound("Usage decision", usageReportId);
        }
        return decision;
    }

    /** @param enterpriseCreditCode only decisions on this enterprise's allocations, or null for all */
    public Page search(String enterpriseCreditCode, Boolean flagged, String decision, UUID allocationId,
                       UUID voucherId, int page, int size) {
        var query = decisions.search(enterpriseCreditCode, flagged, decision, allocationId, voucherId, page, size);
        return new Page(query.list(), page, size, query.count());
    }

    public record Page(java.util.List<UsageDecision> items, int page, int size, long total) {
    }
}
