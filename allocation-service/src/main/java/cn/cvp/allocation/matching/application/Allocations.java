package cn.cvp.allocation.matching.application;

import cn.cvp.allocation.matching.domain.Allocation;
import cn.cvp.allocation.matching.domain.Voucher;
import cn.cvp.allocation.matching.persistence.AllocationRepository;
import cn.cvp.allocation.matching.persistence.VoucherRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Allocations and their vouchers as usage validation uses them, inside its own transaction: the allocations a poll
 * of usage reports names, locked, so reports on one allocation are decided one after another.
 */
@ApplicationScoped
public class Allocations {

    private final AllocationRepository allocations;
    private final VoucherRepository vouchers;

    public Allocations(AllocationRepository allocations, VoucherRepository vouchers) {
        this.allocations = allocations;
        this.vouchers = vouchers;
    }

    /** These allocations (those that exist), locked in id order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, Allocation> lockAll(Collection<UUID> allocationIds) {
        return allocations.lockAll(allocationIds);
    }

    /** The voucher (null if never issued here). */
    public Voucher voucher(UUID voucherId) {
        return vouchers.findById(voucherId);
    }
}
