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

    /** The provider's published offerings. */
    public List<Offering> listPublishedOf(UUID providerId) {
        return list("providerId = ?1 and status = ?2", providerId, Offering.PUBLISHED);
    }

    /**
     * The offering, locked and read fresh under the lock. (Hibernate's find-with-lock of an entity this transaction
     * has already loaded takes the row lock but keeps the state read before: a reservation committed meanwhile
     * would be written back over.)
     */
    public Offering lock(UUID offeringId) {
        Offering known = getEntityManager().find(Offering.class, offeringId);
        if (known == null) {
            return null;
        }
        getEntityManager().refresh(known, LockModeType.PESSIMISTIC_WRITE);
        return known;
    }

    /** The offering's resource class (its pool), without loading the offering into this transaction. */
    public String resourceClassOf(UUID offeringId) {
        return getEntityManager().createQuery("select o.resourceClass from Offering o where o.offeringId = :id",
                        String.class).setParameter("id", offeringId).getResultStream().findFirst().orElse(null);
    }
}
