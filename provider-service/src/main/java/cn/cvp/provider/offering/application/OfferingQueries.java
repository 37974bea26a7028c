package cn.cvp.provider.offering.application;

import cn.cvp.kit.domain.DomainException;
import cn.cvp.provider.offering.domain.Offering;
import cn.cvp.provider.offering.domain.OfferingStatus;
import cn.cvp.provider.offering.domain.OfferingVersion;
import cn.cvp.provider.offering.persistence.OfferingRepository;
import cn.cvp.provider.offering.persistence.OfferingVersions;
import cn.cvp.provider.provider.application.ProviderQueries;
import cn.cvp.provider.provider.domain.Provider;
import cn.cvp.provider.support.Page;
import cn.cvp.provider.support.Viewer;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Offerings as the viewer may see them: providers their own, administrators and auditors all. */
@ApplicationScoped
public class OfferingQueries {
    private final ProviderQueries providers;
    private final OfferingRepository offerings;
    private final OfferingVersions versions;

    public OfferingQueries(ProviderQueries providers, OfferingRepository offerings, OfferingVersions versions) {
        this.providers = providers;
        this.offerings = offerings;
        this.versions = versions;
    }

    /** Newest first, optionally in one status. */
    public List<Offering> list(Viewer viewer, OfferingStatus status, Page page) {
        ProviderQueries.ListScope scope = providers.listScope(viewer);
        if (scope.nothing()) {
            return List.of();
        }
        UUID providerId = scope.providerId();
        return offerings.page(providerId, status, page);
    }

    /** An offering the viewer may see; another provider's answers 404 as if it did not exist. */
    public Offering visibleTo(Viewer viewer, UUID offeringId) {
        Offering o = offerings.findByIdOptional(offeringId)
                .orElseThrow(() -> DomainException.notFound("Offering", offeringId));
        if (!viewer.seesAll()) {
            Optional<Provider> own = providers.findRegistered(viewer.organisation());
            if (own.isEmpty() || !own.get().id().equals(o.providerId())) {
                throw DomainException.notFound("Offering", offeringId);
            }
        }
        return o;
    }

    /** Every published version of an offering the viewer may see, oldest first. */
    public List<OfferingVersion> versions(Viewer viewer, UUID offeringId) {
        visibleTo(viewer, offeringId);
        return versions.of(offeringId);
    }
}
