package cn.cvp.allocation.usage.persistence;

import cn.cvp.allocation.usage.domain.UsageDecision;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class UsageDecisionRepository implements PanacheRepositoryBase<UsageDecision, UUID> {

    /** Of these usage reports, those decided: whether each was accepted. */
    public Map<UUID, Boolean> acceptedByReportId(Collection<UUID> usageReportIds) {
        if (usageReportIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Boolean> decided = new HashMap<>();
        getEntityManager().createQuery("""
                        select d.usageReportId, d.decision from UsageDecision d where d.usageReportId in :ids""",
                        Object[].class)
                .setParameter("ids", usageReportIds).getResultStream()
                .forEach(row -> decided.put((UUID) row[0], UsageDecision.ACCEPTED.equals(row[1])));
        return decided;
    }

    /** A page of decisions, newest first, filtered by whatever is given. */
    /** Decisions on allocations made for one enterprise's vouchers. */
    private static final String OF_ENTERPRISE = "allocationId in (select a.allocationId from Allocation a "
            + "where a.enterpriseCreditCode = :enterprise)";

    /** Whether this decision is on an allocation of this enterprise's voucher. */
    public boolean belongsTo(UUID usageReportId, String enterpriseCreditCode) {
        return count("usageReportId = :id and " + OF_ENTERPRISE,
                Parameters.with("id", usageReportId).and("enterprise", enterpriseCreditCode)) > 0;
    }

    public PanacheQuery<UsageDecision> search(String enterpriseCreditCode, Boolean flagged, String decision,
                                              UUID allocationId, UUID voucherId, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (enterpriseCreditCode != null) {
            where.add(OF_ENTERPRISE);
            params = params.and("enterprise", enterpriseCreditCode);
        }
        if (flagged != null) {
            where.add("flagged = :flagged");
            params = params.and("flagged", flagged);
        }
        if (decision != null) {
            where.add("decision = :decision");
            params = params.and("decision", decision);
        }
        if (allocationId != null) {
            where.add("allocationId = :allocationId");
            params = params.and("allocationId", allocationId);
        }
        if (voucherId != null) {
            where.add("voucherId = :voucherId");
            params = params.and("voucherId", voucherId);
        }
        Sort sort = Sort.by("decidedAt", Sort.Direction.Descending).and("usageReportId");
        PanacheQuery<UsageDecision> query = where.isEmpty() ? findAll(sort)
                : find(String.join(" and ", where), sort, params);
        return query.page(Page.of(page, size));
    }
}
