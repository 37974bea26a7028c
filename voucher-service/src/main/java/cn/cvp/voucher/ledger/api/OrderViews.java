package cn.cvp.voucher.ledger.api;

import cn.cvp.voucher.programme.domain.ResourceClass;
import cn.cvp.voucher.ledger.api.VoucherViews.HoldView;
import cn.cvp.voucher.ledger.domain.QuotaOrder;
import cn.cvp.voucher.ledger.domain.Voucher;
import cn.cvp.voucher.ledger.domain.VoucherHold;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the quotas and orders API answers. Money in fen. */
public final class OrderViews {
    private OrderViews() {
    }

    /**
     * A quota (额度): {@code quotaFen} granted; {@code availableFen} is what is left for new orders (the balance less
     * {@code orderHeldFen}, what placed orders hold and their allocations have not taken yet); {@code heldFen} what
     * allocations hold, {@code consumedFen} what usage consumed.
     */
    public record QuotaView(UUID id, UUID applicationId, UUID programmeId, String enterpriseCreditCode, String status,
                            BigDecimal subsidyRatio, long quotaFen, long availableFen, long orderHeldFen,
                            long heldFen, long consumedFen, long returnedFen, long balanceFen,
                            OffsetDateTime issuedAt, OffsetDateTime validUntil) {
        public static QuotaView of(Voucher v) {
            return new QuotaView(v.id(), v.applicationId(), v.programmeId(), v.enterpriseCreditCode(), v.status().name(),
                    v.subsidyRatio(), v.faceValueFen(), v.availableForOrdersFen(), v.orderReservedFen(), v.heldFen(),
                    v.consumedFen(), v.returnedFen(), v.balanceFen(), v.issuedAt(), v.validUntil());
        }
    }

    /** {@code quantity} in {@code unit}; {@code cardHours} repeats it for a card-hour order only (null otherwise). */
    public record DemandView(String resourceClass, String unit, long quantity, Long cardHours, List<String> regions,
                             OffsetDateTime windowStart, OffsetDateTime windowEnd, String providerCreditCode) {
        static DemandView of(QuotaOrder.Demand d) {
            String unit = ResourceClass.valueOf(d.resourceClass()).unit().name();
            return new DemandView(d.resourceClass(), unit, d.cardHours(), "CARD_HOUR".equals(unit) ? d.cardHours() : null,
                    d.regions(), d.windowStart(), d.windowEnd(), d.providerCreditCode());
        }
    }

    /**
     * An order: {@code holdFen} is what it holds of the quota (ratio × amount, capped by what was left), the
     * ceiling of its allocations' subsidy; {@code takenFen} what its allocations took of it (captured or still held);
     * {@code returnedFen} what its cancellation gave back to the quota.
     */
    public record OrderView(UUID id, UUID quotaId, UUID programmeId, String enterpriseCreditCode, String status,
                            long amountFen, BigDecimal subsidyRatio, long holdFen, long takenFen, long returnedFen,
                            DemandView demand, OffsetDateTime placedAt, OffsetDateTime cancelledAt,
                            List<HoldView> holds) {
        public static OrderView of(QuotaOrder o, List<VoucherHold> holds) {
            QuotaOrder.Demand d = o.demand();
            return new OrderView(o.id(), o.voucherId(), o.programmeId(), o.enterpriseCreditCode(), o.status().name(),
                    o.amountFen(), o.subsidyRatio(), o.holdFen(), holds.stream().mapToLong(VoucherHold::takenFen).sum(),
                    o.returnedFen(), DemandView.of(d), o.placedAt(), o.cancelledAt(),
                    holds.stream().map(HoldView::of).toList());
        }
    }
}
