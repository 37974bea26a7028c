package cn.cvp.allocation.catalogue.persistence;

import cn.cvp.allocation.catalogue.domain.Offering;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OfferingRepository implements PanacheRepositoryBase<Offering, UUID> {

    /**
     * The published offerings of a resource class, locked for this transaction (in offering-id order, so that
     * concurrent matchers cannot deadlock): capacity read here cannot be reserved by anyone else meanwhile.
     */
    public List<Offering> lockPublished(String resourceClass) {
        return find("resourceClass = ?1 and status = ?2 order by offeringId", resourceClass, Offering.PUBLISHED)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public Offering lock(UUID offeringId) {
        return findById(offeringId, LockModeType.PESSIMISTIC_WRITE);
    }
}
