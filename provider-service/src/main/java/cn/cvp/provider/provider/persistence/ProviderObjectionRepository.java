package cn.cvp.provider.provider.persistence;

import cn.cvp.provider.provider.domain.ProviderObjection;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class ProviderObjectionRepository implements PanacheRepositoryBase<ProviderObjection, UUID> {
}
