package cn.cvp.voucher.settlement.persistence;

import cn.cvp.voucher.settlement.domain.ProviderDirectoryEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ProviderDirectoryRepository implements PanacheRepositoryBase<ProviderDirectoryEntry, UUID> {

    /** provider-service registers a credit code once; should two ids ever carry it, the lowest id answers. */
    public Optional<ProviderDirectoryEntry> byCreditCode(String creditCode) {
        return find("creditCode = ?1 order by providerId", creditCode).firstResultOptional();
    }
}
