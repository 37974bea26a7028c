package cn.cvp.provider.offering.persistence;

import cn.cvp.provider.offering.domain.Offering;
import cn.cvp.provider.offering.domain.OfferingStatus;
import cn.cvp.provider.support.Page;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class OfferingRepository implements PanacheRepositoryBase<Offering, UUID> {

    /** The offering, locked until the transaction ends. */
    public Optional<Offering> forUpdate(UUID offeringId) {
        return findByIdOptional(offeringId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Offerings, newest first: of one provider (null: all), optionally in one status. */
    public List<Offering> page(UUID providerId, OfferingStatus status, Page page) {
        Parameters params = new Parameters();
        StringBuilder query = new StringBuilder("1 = 1");
        if (providerId != null) {
            query.append(" and providerId = :provider");
            params.and("provider", providerId);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        return find(query.toString(), Sort.descending("createdAt").and("id"), params)
                .page(page.index(), page.size()).list();
    }
}
