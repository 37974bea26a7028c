package cn.cvp.provider.usage.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A positive, bounded unit price; amount = units × unit price rounded half-up to the fen, and more than 0. */
class UsageAmountTest {

    static Optional<String> code(String units, long price, long amount) {
        return UsageAmount.check(new BigDecimal(units), price, amount).map(UsageRecord.Rejection::code);
    }

    @Test
    void theAmountIsRoundedHalfUpToTheFen() {
        assertThat(UsageAmount.expectedFen(new BigDecimal("0.005"), 100)).isEqualTo(1);
        assertThat(UsageAmount.expectedFen(new BigDecimal("0.004"), 100)).isZero();
        assertThat(UsageAmount.expectedFen(new BigDecimal("1536.5"), 1_200)).isEqualTo(1_843_800);
        assertThat(code("0.005", 100, 1)).isEmpty();
        assertThat(code("0.005", 100, 0)).contains("AMOUNT_MISMATCH");
        assertThat(code("10", 1_200, 12_001)).contains("AMOUNT_MISMATCH");
    }

    @Test
    void nothingToPayIsNoUsageToReport() {
        assertThat(code("0.004", 100, 0)).contains("AMOUNT_MISMATCH");
    }

    @Test
    void thePriceIsCheckedFirstAndBounded() {
        assertThat(code("1", 10_000_000, 10_000_000)).isEmpty();
        assertThat(code("1", 0, 5)).contains("INVALID_PRICE");
        assertThat(code("1", 10_000_001, 10_000_001)).contains("INVALID_PRICE");
    }

    @Test
    void theMismatchSaysWhatWasExpected() {
        assertThat(UsageAmount.check(new BigDecimal("10"), 1_200, 12_001)).hasValueSatisfying(r -> {
            assertThat(r.messageEn()).isEqualTo(
                    "amountFen must be units × unitPriceFen rounded half-up to the fen: expected 12000, got 12001");
            assertThat(r.messageZh()).contains("应为 12000，实为 12001");
        });
    }
}
