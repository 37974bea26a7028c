package cn.cvp.voucher.ledger.persistence;

import cn.cvp.voucher.ledger.domain.QuotaOrder;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class QuotaOrderRepository implements PanacheRepositoryBase<QuotaOrder, UUID> {

    public QuotaOrder lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The orders placed on a quota, newest first. */
    public List<QuotaOrder> ofVoucherNewestFirst(UUID voucherId) {
        return list("voucherId", Sort.descending("placedAt"), voucherId);
    }

    public List<QuotaOrder> ofEnterpriseNewestFirst(String creditCode) {
        return list("enterpriseCreditCode", Sort.descending("placedAt"), creditCode);
    }

    public List<QuotaOrder> allNewestFirst() {
        return listAll(Sort.descending("placedAt"));
    }
}
