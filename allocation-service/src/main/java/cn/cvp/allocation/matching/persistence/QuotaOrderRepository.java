package cn.cvp.allocation.matching.persistence;

import cn.cvp.allocation.matching.domain.QuotaOrder;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class QuotaOrderRepository implements PanacheRepositoryBase<QuotaOrder, UUID> {

    public QuotaOrder lock(UUID orderId) {
        return findById(orderId, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<QuotaOrder> findByIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("orderId in ?1", ids);
    }
}
