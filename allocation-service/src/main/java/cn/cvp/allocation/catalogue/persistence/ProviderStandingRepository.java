package cn.cvp.allocation.catalogue.persistence;

import cn.cvp.allocation.catalogue.domain.ProviderStanding;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ProviderStandingRepository implements PanacheRepositoryBase<ProviderStanding, UUID> {

    public List<ProviderStanding> findByIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("providerId in ?1", ids);
    }
}
