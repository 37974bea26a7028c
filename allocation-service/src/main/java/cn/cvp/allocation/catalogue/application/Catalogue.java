package cn.cvp.allocation.catalogue.application;

import cn.cvp.allocation.catalogue.domain.Offering;
import cn.cvp.allocation.catalogue.domain.ProviderStanding;
import cn.cvp.allocation.catalogue.persistence.OfferingRepository;
import cn.cvp.allocation.catalogue.persistence.ProviderStandingRepository;
import cn.cvp.allocation.catalogue.persistence.ResourcePools;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The catalogue as the other contexts use it, inside their own transaction: the resource pools (one per resource
 * class) and their offerings, locked in the order every use case takes them (the pool, then offerings in id order),
 * and the standing of the providers behind them. Matching reserves and releases capacity on the offerings it gets
 * here; usage validation reads the provider's standing as it is now.
 */
@ApplicationScoped
public class Catalogue {

    private final ResourcePools pools;
    private final OfferingRepository offerings;
    private final ProviderStandingRepository providers;

    public Catalogue(ResourcePools pools, OfferingRepository offerings, ProviderStandingRepository providers) {
        this.pools = pools;
        this.offerings = offerings;
        this.providers = providers;
    }

    /** Serializes capacity changes of the resource class across instances (see {@link ResourcePools}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockPool(String resourceClass) {
        pools.lock(resourceClass);
    }

    /** The published offerings of a resource class, locked in id order (take the pool's lock first). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Offering> lockPublished(String resourceClass) {
        return offerings.lockPublished(resourceClass);
    }

    /** One offering, locked and read fresh (null if never published here; take its pool's lock first). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Offering lockOffering(UUID offeringId) {
        return offerings.lock(offeringId);
    }

    /** The standing of these providers (those known here). */
    public List<ProviderStanding> providers(Collection<UUID> providerIds) {
        return providers.findByIds(providerIds);
    }

    /** The standing of a provider (null if not known here). */
    public ProviderStanding provider(UUID providerId) {
        return providers.findById(providerId);
    }
}
