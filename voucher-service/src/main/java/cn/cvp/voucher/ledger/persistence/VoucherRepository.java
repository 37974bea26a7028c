package cn.cvp.voucher.ledger.persistence;

import cn.cvp.voucher.ledger.domain.Voucher;
import cn.cvp.voucher.ledger.domain.VoucherStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class VoucherRepository implements PanacheRepositoryBase<Voucher, UUID> {

    public Voucher lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** These vouchers, locked in id order (the order every use case that locks several takes them in). */
    public Map<UUID, Voucher> lockAll(Collection<UUID> ids) {
        Map<UUID, Voucher> locked = new HashMap<>();
        find("id in ?1 order by id", ids).withLock(LockModeType.PESSIMISTIC_WRITE).<Voucher>stream()
                .forEach(v -> locked.put(v.id(), v));
        return locked;
    }

    /** Vouchers not yet ended whose validity has passed. */
    public List<UUID> dueForExpiry(OffsetDateTime now) {
        return list("status in ?1 and validUntil <= ?2",
                List.of(VoucherStatus.ACTIVE, VoucherStatus.FROZEN, VoucherStatus.EXHAUSTED), now)
                .stream().map(Voucher::id).toList();
    }

    public List<Voucher> ofEnterpriseNewestFirst(String creditCode) {
        return list("enterpriseCreditCode", Sort.descending("issuedAt"), creditCode);
    }

    public List<Voucher> allNewestFirst() {
        return listAll(Sort.descending("issuedAt"));
    }
}
