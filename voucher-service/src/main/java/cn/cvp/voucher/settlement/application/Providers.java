package cn.cvp.voucher.settlement.application;

import cn.cvp.voucher.settlement.domain.ProviderDirectoryEntry;
import cn.cvp.voucher.settlement.persistence.ProviderDirectoryRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** The provider directory as other contexts may read it (review: the contract-first partner rule). */
@ApplicationScoped
public class Providers {
    private final ProviderDirectoryRepository directory;

    public Providers(ProviderDirectoryRepository directory) {
        this.directory = directory;
    }

    /** The provider registered with this 统一社会信用代码, if provider.events told us of it. */
    public Optional<ProviderDirectoryEntry> byCreditCode(String creditCode) {
        return creditCode == null ? Optional.empty() : directory.byCreditCode(creditCode);
    }
}
