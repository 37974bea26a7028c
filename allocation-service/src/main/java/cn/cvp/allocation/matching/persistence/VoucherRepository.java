package cn.cvp.allocation.matching.persistence;

import cn.cvp.allocation.matching.domain.Voucher;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class VoucherRepository implements PanacheRepositoryBase<Voucher, UUID> {

    public List<Voucher> findByIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("voucherId in ?1", ids);
    }
}
