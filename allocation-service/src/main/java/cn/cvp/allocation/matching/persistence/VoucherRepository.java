package cn.cvp.allocation.matching.persistence;

import cn.cvp.allocation.matching.domain.Voucher;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class VoucherRepository implements PanacheRepositoryBase<Voucher, UUID> {

    /** The voucher, locked for this transaction (null if never issued here). */
    public Voucher lock(UUID voucherId) {
        return findById(voucherId, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<Voucher> findByIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("voucherId in ?1", ids);
    }
}
