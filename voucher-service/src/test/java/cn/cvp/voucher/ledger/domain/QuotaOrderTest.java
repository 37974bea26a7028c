package cn.cvp.voucher.ledger.domain;

import cn.cvp.kit.domain.DomainException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Orders on a quota: what an order holds, what its allocations take of it, what cancelling gives back. */
class QuotaOrderTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-22T10:00:00+08:00");
    private static final BigDecimal HALF = new BigDecimal("0.50");

    private static Voucher quota(long quotaFen) {
        return Voucher.issue(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                "91310115MA02ENT29X", HALF, quotaFen, NOW, NOW.plusMonths(12), true);
    }

    private static QuotaOrder order(Voucher quota, long amountFen) {
        return QuotaOrder.place(UUID.randomUUID(), quota, new QuotaOrder.Demand("GPU_A800_80G", 400, List.of("310000"),
                NOW.plusDays(10), NOW.plusDays(70), null), amountFen, HALF, NOW);
    }

    private static String code(Runnable r) {
        try {
            r.run();
        } catch (DomainException e) {
            return e.code();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void anOrderHoldsTheRatioOfItsAmountRoundedDownToTheFen() {
        Voucher q = quota(30_000_000);
        QuotaOrder o = order(q, 8_000_001);
        assertThat(o.holdFen()).isEqualTo(4_000_000); // 0.50 × 8,000,001 = 4,000,000.5
        assertThat(q.orderReservedFen()).isEqualTo(4_000_000);
        assertThat(q.availableForOrdersFen()).isEqualTo(26_000_000);
        assertThat(q.balanceFen()).isEqualTo(30_000_000); // the order only earmarks part of the balance
    }

    @Test
    void anOrderAboveWhatIsLeftOfTheQuotaHoldsWhatIsLeftAndNothingLeftIsRefused() {
        Voucher q = quota(30_000_000);
        order(q, 50_000_000); // 25,000,000
        QuotaOrder capped = order(q, 20_000_000); // wants 10,000,000, 5,000,000 left
        assertThat(capped.holdFen()).isEqualTo(5_000_000);
        assertThat(q.availableForOrdersFen()).isZero();
        assertThat(code(() -> order(q, 2))).isEqualTo("QUOTA_EXHAUSTED");
        assertThat(q.orderReservedFen()).isEqualTo(30_000_000);
    }

    @Test
    void ordersArePlacedOnlyOnAnActiveQuota() {
        Voucher voucher = Voucher.issue(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                "91310115MA02ENT29X", HALF, 30_000_000, NOW, NOW.plusMonths(12));
        assertThat(code(() -> order(voucher, 1_000_000))).isEqualTo("NOT_A_QUOTA");
        Voucher frozen = quota(30_000_000);
        frozen.freeze();
        assertThat(code(() -> order(frozen, 1_000_000))).isEqualTo("QUOTA_NOT_ACTIVE");
        Voucher q = quota(30_000_000);
        assertThat(code(() -> order(q, 1))).isEqualTo("ORDER_TOO_SMALL"); // 0.50 × 1 fen rounds to nothing
        assertThat(q.orderReservedFen()).isZero();
    }

    @Test
    void cancellingAnUnusedOrderGivesBackExactlyWhatItHeld() {
        Voucher q = quota(30_000_000);
        QuotaOrder o = order(q, 8_000_000);
        long returned = o.cancel(0, false, NOW);
        q.returnOrderReservation(returned);
        assertThat(returned).isEqualTo(4_000_000);
        assertThat(o.status()).isEqualTo(QuotaOrder.Status.CANCELLED);
        assertThat(q.availableForOrdersFen()).isEqualTo(30_000_000);
        assertThat(code(() -> o.cancel(0, false, NOW))).isEqualTo("ILLEGAL_STATE");
    }

    @Test
    void anAllocationHoldsWithinTheOrdersHoldAndTheOrderCannotBeCancelledWhileItDoes() {
        Voucher q = quota(30_000_000);
        QuotaOrder o = order(q, 8_000_000); // holds 4,000,000
        VoucherHold hold = q.holdForOrder(UUID.randomUUID(), o, o.leftFen(0), 10_000_000, NOW); // wants 5,000,000
        assertThat(hold.amountFen()).isEqualTo(4_000_000);
        assertThat(hold.orderId()).isEqualTo(o.id());
        assertThat(q.heldFen()).isEqualTo(4_000_000);
        assertThat(q.orderReservedFen()).isZero();
        assertThat(q.availableForOrdersFen()).isEqualTo(26_000_000);
        assertThatThrownBy(() -> q.holdForOrder(UUID.randomUUID(), o, o.leftFen(hold.takenFen()), 1_000, NOW))
                .isInstanceOf(Voucher.HoldRefused.class).hasMessage("ORDER_HOLD_USED_UP");
        assertThat(code(() -> o.cancel(hold.takenFen(), true, NOW))).isEqualTo("ORDER_IN_USE");
        assertThat(o.isPlaced()).isTrue();
    }

    @Test
    void afterUsageCancellingGivesBackTheHoldLessWhatWasCaptured() {
        Voucher q = quota(30_000_000);
        QuotaOrder o = order(q, 8_000_000); // holds 4,000,000
        VoucherHold hold = q.holdForOrder(UUID.randomUUID(), o, o.leftFen(0), 6_000_000, NOW); // 3,000,000
        assertThat(o.leftFen(hold.takenFen())).isEqualTo(1_000_000);
        q.capture(hold, 1_000_000);
        q.release(hold, o.isPlaced()); // the allocation ended: its unused 2,000,000 go back to the order
        assertThat(hold.takenFen()).isEqualTo(1_000_000);
        assertThat(q.orderReservedFen()).isEqualTo(3_000_000);
        long returned = o.cancel(hold.takenFen(), false, NOW);
        q.returnOrderReservation(returned);
        assertThat(returned).isEqualTo(3_000_000);
        assertThat(q.consumedFen()).isEqualTo(1_000_000);
        assertThat(q.availableForOrdersFen()).isEqualTo(29_000_000);
    }

    @Test
    void aCancelledOrdersAllocationIsRefusedAndWhatAnAllocationReleasesAfterTheCancelGoesToTheQuota() {
        Voucher q = quota(30_000_000);
        QuotaOrder o = order(q, 8_000_000);
        VoucherHold hold = q.holdForOrder(UUID.randomUUID(), o, o.leftFen(0), 2_000_000, NOW); // 1,000,000
        q.release(hold, false);
        QuotaOrder other = order(q, 8_000_000);
        other.cancel(0, false, NOW);
        assertThatThrownBy(() -> q.holdForOrder(UUID.randomUUID(), other, other.leftFen(0), 1_000, NOW))
                .isInstanceOf(Voucher.HoldRefused.class).hasMessage("ORDER_CANCELLED");
    }

    @Test
    void aQuotasOwnDemandIsNeverHeldOnlyItsOrdersAre() {
        Voucher q = quota(30_000_000);
        assertThatThrownBy(() -> q.hold(UUID.randomUUID(), 1_000_000, NOW))
                .isInstanceOf(Voucher.HoldRefused.class).hasMessage("ORDER_REQUIRED");
    }

    @Test
    void endingAQuotaReturnsWhatOrdersHeldWithTheRestOfTheBalance() {
        Voucher q = quota(30_000_000);
        order(q, 8_000_000);
        assertThat(q.end(VoucherStatus.EXPIRED)).isEqualTo(30_000_000);
        assertThat(q.orderReservedFen()).isZero();
    }
}
