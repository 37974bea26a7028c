package cn.cvp.voucher.settlement.persistence;

import cn.cvp.voucher.settlement.domain.ProviderDirectoryEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class ProviderDirectoryRepository implements PanacheRepositoryBase<ProviderDirectoryEntry, UUID> {
}
