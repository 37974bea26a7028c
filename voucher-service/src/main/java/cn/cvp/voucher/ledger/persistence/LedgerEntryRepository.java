package cn.cvp.voucher.ledger.persistence;

import cn.cvp.voucher.ledger.domain.LedgerEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** The ledger one entry at a time (issue, hold, release, expiry, revocation); captures go set-wise, {@link LedgerEntries}. */
@ApplicationScoped
public class LedgerEntryRepository implements PanacheRepositoryBase<LedgerEntry, Long> {

    public List<LedgerEntry> ofVoucher(UUID voucherId) {
        return list("voucherId", Sort.by("id"), voucherId);
    }
}
