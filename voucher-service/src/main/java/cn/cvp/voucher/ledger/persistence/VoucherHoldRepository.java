package cn.cvp.voucher.ledger.persistence;

import cn.cvp.voucher.ledger.domain.VoucherHold;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class VoucherHoldRepository implements PanacheRepositoryBase<VoucherHold, UUID> {

    /** Which hold, of which voucher, an allocation has: ids only (the entities are read once locked). */
    public record HoldRef(UUID holdId, UUID voucherId) {
    }

    public Optional<VoucherHold> forAllocation(UUID allocationId) {
        return find("allocationId", allocationId).firstResultOptional();
    }

    public VoucherHold lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** These holds, locked in id order. */
    public Map<UUID, VoucherHold> lockAll(Collection<UUID> ids) {
        Map<UUID, VoucherHold> locked = new HashMap<>();
        find("id in ?1 order by id", ids).withLock(LockModeType.PESSIMISTIC_WRITE).<VoucherHold>stream()
                .forEach(h -> locked.put(h.id(), h));
        return locked;
    }

    /** The hold of each of these allocations that has one, by allocation id. */
    public Map<UUID, HoldRef> refsOfAllocations(Collection<UUID> allocationIds) {
        Map<UUID, HoldRef> refs = new HashMap<>();
        getEntityManager().createQuery(
                        "select h.allocationId, h.id, h.voucherId from VoucherHold h where h.allocationId in :ids",
                        Object[].class)
                .setParameter("ids", allocationIds)
                .getResultStream().forEach(r -> refs.put((UUID) r[0], new HoldRef((UUID) r[1], (UUID) r[2])));
        return refs;
    }

    /** The holds of an order's allocations, oldest first. */
    public List<VoucherHold> ofOrder(UUID orderId) {
        return list("orderId", Sort.by("createdAt"), orderId);
    }

    /** The voucher's holds that still hold money. */
    public List<VoucherHold> heldOfVoucher(UUID voucherId) {
        return list("voucherId = ?1 and status = ?2", voucherId, VoucherHold.Status.HELD);
    }

    public List<VoucherHold> ofVoucher(UUID voucherId) {
        return list("voucherId", voucherId);
    }

    public List<VoucherHold> ofVoucherOldestFirst(UUID voucherId) {
        return list("voucherId", Sort.by("createdAt"), voucherId);
    }
}
