package cn.cvp.voucher.review.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Face value = min(subsidy, annual cap left, budget left). */
class FaceValueTest {

    @Test
    void theSmallestOfTheThree() {
        assertThat(FaceValue.of(2_400_000, 10_000_000, 50_000_000)).isEqualTo(2_400_000);
        assertThat(FaceValue.of(2_400_000, 1_000_000, 50_000_000)).isEqualTo(1_000_000);
        assertThat(FaceValue.of(2_400_000, 10_000_000, 500_000)).isEqualTo(500_000);
    }
}
