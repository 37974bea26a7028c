package cn.cvp.allocation.usage.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** The subsidy of accepted usage: the voucher's ratio of the amount, down to the fen, at most what the hold has left. */
class UsageSubsidyTest {

    @Test
    void theRatioOfTheAmount() {
        assertThat(UsageSubsidy.of(new BigDecimal("0.20"), 144_000, 288_000, 0)).isEqualTo(28_800);
    }

    @Test
    void roundedDownToTheFen() {
        assertThat(UsageSubsidy.of(new BigDecimal("0.20"), 499, 288_000, 0)).isEqualTo(99); // 99.8
        assertThat(UsageSubsidy.of(new BigDecimal("0.5"), 1, 288_000, 0)).isZero(); // 0.5
        assertThat(UsageSubsidy.of(new BigDecimal("0.3333"), 1_000, 288_000, 0)).isEqualTo(333); // 333.3
    }

    @Test
    void neverMoreThanTheHoldHasLeft() {
        assertThat(UsageSubsidy.of(new BigDecimal("0.20"), 144_000, 288_000, 280_000)).isEqualTo(8_000);
        assertThat(UsageSubsidy.of(new BigDecimal("0.20"), 144_000, 288_000, 288_000)).isZero();
        assertThat(UsageSubsidy.of(new BigDecimal("0.20"), 144_000, 0, 0)).as("nothing held").isZero();
    }

    @Test
    void aStartupOnDomesticChipsGetsTheRatioVoucherServiceDecided() {
        // A programme of 20 %, startups 60 %, domestic chips 30 % (Shenzhen-/Hangzhou-like tiers): voucher-service
        // decides 60 % for a startup's NPU voucher and sends it as voucher.issued.v1 subsidyRatio; that ratio is
        // applied as it is — not the domestic-chip 30 % of the same event.
        BigDecimal decidedByVoucherService = new BigDecimal("0.60");
        assertThat(UsageSubsidy.of(decidedByVoucherService, 100_000, 1_000_000, 0)).isEqualTo(60_000);
    }

    @Test
    void ofAReservationUsesItsRatioHoldAndAcceptedSubsidy() {
        Reservation r = UsageValidatorTest.reservation(); // 20 %, 288,000 held, nothing accepted yet
        assertThat(UsageSubsidy.of(144_000, r)).isEqualTo(28_800);
        assertThat(UsageSubsidy.of(10_000_000, r)).isEqualTo(288_000);
    }
}
