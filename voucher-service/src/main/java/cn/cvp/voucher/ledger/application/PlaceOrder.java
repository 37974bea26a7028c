package cn.cvp.voucher.ledger.application;

import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.domain.DomainException;
import cn.cvp.kit.outbox.Outbox;
import cn.cvp.kit.security.Actor;
import cn.cvp.voucher.enterprise.application.Enterprises;
import cn.cvp.voucher.ledger.domain.QuotaOrder;
import cn.cvp.voucher.ledger.domain.Voucher;
import cn.cvp.voucher.ledger.events.VoucherEvents;
import cn.cvp.voucher.ledger.persistence.QuotaOrderRepository;
import cn.cvp.voucher.ledger.persistence.VoucherRepository;
import cn.cvp.voucher.programme.application.Programmes;
import cn.cvp.voucher.programme.domain.Programme;
import cn.cvp.voucher.programme.domain.ProgrammeRules;
import cn.cvp.voucher.programme.domain.ResourceClass;
import cn.cvp.voucher.programme.domain.Subsidy;
import cn.cvp.voucher.review.domain.CoveredResources;
import cn.cvp.voucher.support.Organisations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An enterprise places an order (订单) on its quota (额度): the order holds ratio × order amount (the programme's
 * {@link Subsidy} for the enterprise and the order's resource class), capped by what is left of the quota, refused
 * with {@code QUOTA_EXHAUSTED} when nothing is. The quota's row is locked, so concurrent orders never hold more than
 * the quota has. Publishes {@code order.placed.v1} for allocation-service to match the order's demand.
 */
@ApplicationScoped
public class PlaceOrder {

    /** {@code quantity}: in the resource class's unit. */
    public record Command(UUID voucherId, String resourceClass, long quantity, List<String> regions,
                          OffsetDateTime windowStart, OffsetDateTime windowEnd, String providerCreditCode,
                          long amountFen) {
    }

    private final VoucherRepository vouchers;
    private final QuotaOrderRepository orders;
    private final Programmes programmes;
    private final Enterprises enterprises;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    public PlaceOrder(VoucherRepository vouchers, QuotaOrderRepository orders, Programmes programmes,
                      Enterprises enterprises, Outbox outbox, AuditLog audit, Clock clock) {
        this.vouchers = vouchers;
        this.orders = orders;
        this.programmes = programmes;
        this.enterprises = enterprises;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public QuotaOrder place(Command c, Actor actor) {
        Voucher quota = vouchers.lock(c.voucherId());
        if (quota == null) {
            throw DomainException.notFound("Quota", c.voucherId());
        }
        quota.requireOwnedBy(Organisations.require(actor));
        Programme programme = programmes.get(quota.programmeId());
        ProgrammeRules rules = programmes.currentRules(programme);
        ResourceClass resourceClass = ResourceClass.valueOf(c.resourceClass());
        CoveredResources.check(rules, resourceClass).ifPresent(r -> {
            throw DomainException.refused(r.code(), r.messageEn(), r.messageZh());
        });
        BigDecimal ratio = Subsidy.under(rules, enterprises.get(quota.enterpriseId()).startup(), resourceClass).ratio();
        OffsetDateTime now = OffsetDateTime.now(clock);
        QuotaOrder order = QuotaOrder.place(UUID.randomUUID(), quota,
                new QuotaOrder.Demand(resourceClass.name(), c.quantity(), c.regions(), c.windowStart(), c.windowEnd(),
                        c.providerCreditCode()), c.amountFen(), ratio, now);
        orders.persist(order);
        outbox.append(VoucherEvents.TOPIC, quota.id().toString(), VoucherEvents.ORDER_PLACED, order.id().toString(),
                new VoucherEvents.OrderPlacedV1(order.id(), quota.id(), programme.id(), programme.code(),
                        quota.enterpriseCreditCode(), c.amountFen(), ratio.toPlainString(), order.holdFen(),
                        quota.availableForOrdersFen(), now,
                        VoucherEvents.OrderDemand.of(resourceClass.name(), resourceClass.unit().name(), c.quantity(),
                                c.regions(), c.windowStart(), c.windowEnd(), c.providerCreditCode())));
        audit.record(actor, "ORDER_PLACED", "Order", order.id(), null, order.snapshot());
        return order;
    }
}
