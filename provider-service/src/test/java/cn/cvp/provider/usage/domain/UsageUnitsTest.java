package cn.cvp.provider.usage.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Card-hours (卡时): more than 0, at most 100,000,000, at most three decimals. */
class UsageUnitsTest {

    static Optional<String> code(String units) {
        return UsageUnits.check(new BigDecimal(units)).map(UsageRecord.Rejection::code);
    }

    @Test
    void positiveUpToTheLimit() {
        assertThat(code("0.001")).isEmpty();
        assertThat(code("100000000")).isEmpty();
        assertThat(code("0")).contains("INVALID_UNITS");
        assertThat(code("-0.5")).contains("INVALID_UNITS");
        assertThat(code("100000000.001")).contains("INVALID_UNITS");
    }

    @Test
    void atMostThreeDecimalsNotCountingTrailingZeros() {
        assertThat(code("1.125")).isEmpty();
        assertThat(code("1.1250000")).isEmpty();
        assertThat(code("1.1255")).contains("INVALID_UNITS");
        assertThat(UsageUnits.check(new BigDecimal("1.1255"))).hasValueSatisfying(r ->
                assertThat(r.messageEn()).isEqualTo("units may have at most 3 decimal places"));
    }

    @Test
    void unitsTravelWithoutTrailingZeros() {
        assertThat(UsageUnits.text(new BigDecimal("12.500"))).isEqualTo("12.5");
        assertThat(UsageUnits.text(new BigDecimal("1E+2"))).isEqualTo("100");
    }
}
