package cn.cvp.voucher.ledger.application;

import cn.cvp.kit.domain.DomainException;
import cn.cvp.kit.security.Actor;
import cn.cvp.voucher.ledger.domain.QuotaOrder;
import cn.cvp.voucher.ledger.domain.Voucher;
import cn.cvp.voucher.ledger.domain.VoucherHold;
import cn.cvp.voucher.ledger.persistence.QuotaOrderRepository;
import cn.cvp.voucher.ledger.persistence.VoucherHoldRepository;
import cn.cvp.voucher.ledger.persistence.VoucherRepository;
import cn.cvp.voucher.support.Organisations;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** Quotas and their orders as the API reads them; an enterprise sees only its own (others' are "not found"). */
@ApplicationScoped
public class OrderQueries {
    private final VoucherRepository vouchers;
    private final QuotaOrderRepository orders;
    private final VoucherHoldRepository holds;

    public OrderQueries(VoucherRepository vouchers, QuotaOrderRepository orders, VoucherHoldRepository holds) {
        this.vouchers = vouchers;
        this.orders = orders;
        this.holds = holds;
    }

    /** Quotas, newest first: an enterprise's own ({@code ownerCreditCode}), or all when it is null. */
    public List<Voucher> quotas(String ownerCreditCode) {
        return (ownerCreditCode != null ? vouchers.ofEnterpriseNewestFirst(ownerCreditCode) : vouchers.allNewestFirst())
                .stream().filter(Voucher::quota).toList();
    }

    public Voucher quota(Actor actor, boolean staff, UUID id) {
        Voucher v = vouchers.findById(id);
        if (v == null || !v.quota()) {
            throw DomainException.notFound("Quota", id);
        }
        if (!staff) {
            v.requireOwnedBy(Organisations.require(actor));
        }
        return v;
    }

    public List<QuotaOrder> ordersOf(Voucher quota) {
        return orders.ofVoucherNewestFirst(quota.id());
    }

    /** Orders, newest first: an enterprise's own, or all when {@code ownerCreditCode} is null. */
    public List<QuotaOrder> orders(String ownerCreditCode) {
        return ownerCreditCode != null ? orders.ofEnterpriseNewestFirst(ownerCreditCode) : orders.allNewestFirst();
    }

    public QuotaOrder order(Actor actor, boolean staff, UUID id) {
        QuotaOrder o = orders.findById(id);
        if (o == null) {
            throw DomainException.notFound("Order", id);
        }
        if (!staff) {
            o.requireOwnedBy(Organisations.require(actor));
        }
        return o;
    }

    /** The holds of the order's allocations. */
    public List<VoucherHold> holdsOf(QuotaOrder order) {
        return holds.ofOrder(order.id());
    }
}
