package cn.cvp.voucher.ledger.application;

import cn.cvp.kit.domain.DomainException;
import cn.cvp.kit.security.Actor;
import cn.cvp.voucher.ledger.domain.LedgerEntry;
import cn.cvp.voucher.ledger.domain.Voucher;
import cn.cvp.voucher.ledger.domain.VoucherHold;
import cn.cvp.voucher.ledger.persistence.LedgerEntryRepository;
import cn.cvp.voucher.ledger.persistence.VoucherHoldRepository;
import cn.cvp.voucher.ledger.persistence.VoucherRepository;
import cn.cvp.voucher.support.Organisations;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** Vouchers, their holds and their ledger as the API reads them; an enterprise sees only its own. */
@ApplicationScoped
public class VoucherQueries {
    private final VoucherRepository vouchers;
    private final VoucherHoldRepository holds;
    private final LedgerEntryRepository entries;

    public VoucherQueries(VoucherRepository vouchers, VoucherHoldRepository holds, LedgerEntryRepository entries) {
        this.vouchers = vouchers;
        this.holds = holds;
        this.entries = entries;
    }

    /** Newest first: an enterprise's own ({@code ownerCreditCode}), or every voucher when it is null. */
    public List<Voucher> list(String ownerCreditCode) {
        return ownerCreditCode != null ? vouchers.ofEnterpriseNewestFirst(ownerCreditCode) : vouchers.allNewestFirst();
    }

    /** One voucher: staff see any, an enterprise its own (others' are "not found"). */
    public Voucher visible(Actor actor, boolean staff, UUID id) {
        Voucher v = vouchers.findById(id);
        if (v == null) {
            throw DomainException.notFound("Voucher", id);
        }
        if (!staff) {
            v.requireOwnedBy(Organisations.require(actor));
        }
        return v;
    }

    public List<VoucherHold> holds(Voucher v) {
        return holds.ofVoucherOldestFirst(v.id());
    }

    /** The holds as the voucher list shows them (in the database's order). */
    public List<VoucherHold> holdsUnordered(Voucher v) {
        return holds.ofVoucher(v.id());
    }

    public List<LedgerEntry> ledger(Voucher v) {
        return entries.ofVoucher(v.id());
    }
}
