package cn.cvp.voucher.ledger.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VoucherTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-22T10:00:00+08:00");

    private static Voucher voucher(long faceFen, String ratio) {
        return Voucher.issue(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                "91110108MA01ENT1XN", new BigDecimal(ratio), faceFen, NOW, NOW.plusMonths(12));
    }

    @Test
    void holdsTheRatioOfTheAllocationAmountRoundedDownToTheFen() {
        Voucher v = voucher(1_000_000, "0.20");
        VoucherHold hold = v.hold(UUID.randomUUID(), 123_457, NOW);
        assertThat(hold.amountFen()).isEqualTo(24_691); // 0.20 × 123,457 = 24,691.4
        assertThat(v.balanceFen()).isEqualTo(1_000_000 - 24_691);
    }

    @Test
    void holdsNoMoreThanWhatIsLeft() {
        Voucher v = voucher(10_000, "0.50");
        VoucherHold hold = v.hold(UUID.randomUUID(), 1_000_000, NOW);
        assertThat(hold.amountFen()).isEqualTo(10_000);
        assertThat(v.balanceFen()).isZero();
        assertThatThrownBy(() -> v.hold(UUID.randomUUID(), 1_000, NOW))
                .isInstanceOf(Voucher.HoldRefused.class).hasMessage("INSUFFICIENT_BALANCE");
    }

    @Test
    void refusesHoldsOnAFrozenOrExpiredVoucher() {
        Voucher frozen = voucher(10_000, "0.50");
        frozen.freeze();
        assertThatThrownBy(() -> frozen.hold(UUID.randomUUID(), 1_000, NOW)).hasMessage("VOUCHER_NOT_ACTIVE");
        Voucher old = voucher(10_000, "0.50");
        assertThatThrownBy(() -> old.hold(UUID.randomUUID(), 1_000, NOW.plusMonths(13))).hasMessage("VOUCHER_EXPIRED");
    }

    @Test
    void capturesAtMostWhatIsHeldAndKeepsTheBalanceEquation() {
        Voucher v = voucher(100_000, "0.20");
        VoucherHold hold = v.hold(UUID.randomUUID(), 200_000, NOW); // holds 40,000
        long captured = v.capture(hold, 30_000);
        assertThat(captured).isEqualTo(30_000);
        assertThat(v.capture(hold, 30_000)).isEqualTo(10_000);
        assertThat(hold.status()).isEqualTo(VoucherHold.Status.CAPTURED);
        assertThat(v.heldFen()).isZero();
        assertThat(v.consumedFen()).isEqualTo(40_000);
        assertThat(v.faceValueFen() - v.heldFen() - v.consumedFen()).isEqualTo(v.balanceFen()).isEqualTo(60_000);
    }

    @Test
    void releaseReturnsTheRestOfTheHoldToTheBalance() {
        Voucher v = voucher(100_000, "0.20");
        VoucherHold hold = v.hold(UUID.randomUUID(), 200_000, NOW);
        v.capture(hold, 15_000);
        assertThat(v.release(hold)).isEqualTo(25_000);
        assertThat(v.balanceFen()).isEqualTo(85_000);
        assertThat(hold.status()).isEqualTo(VoucherHold.Status.RELEASED);
    }

    @Test
    void aFullyConsumedVoucherIsExhausted() {
        Voucher v = voucher(10_000, "0.50");
        VoucherHold hold = v.hold(UUID.randomUUID(), 20_000, NOW);
        v.capture(hold, 10_000);
        assertThat(v.status()).isEqualTo(VoucherStatus.EXHAUSTED);
    }
}
