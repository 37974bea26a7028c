package cn.cvp.provider.usage.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class UsageRecordTest {
    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-22T10:00:00+08:00");
    static final UUID ALLOCATION = UUID.fromString("c3d4e5f6-a7b8-4c9d-8e0f-112233445566");

    static UsageRecord record(String units, long price, long amount) {
        return new UsageRecord("R-1", ALLOCATION, NOW.minusDays(1), NOW.minusHours(1), new BigDecimal(units), price,
                amount, "DC-1");
    }

    static Optional<String> code(UsageRecord r) {
        return r.check(NOW).map(UsageRecord.Rejection::code);
    }

    @Test
    void aConsistentRecordPasses() {
        assertThat(code(record("1536.5", 1_200, 1_843_800))).isEmpty();
        assertThat(code(record("0.001", 10_000_000, 10_000))).isEmpty();
    }

    @Test
    void theAmountIsUnitsTimesPriceRoundedHalfUpToTheFen() {
        assertThat(record("0.005", 100, 1).expectedAmountFen()).isEqualTo(1);
        assertThat(record("0.004", 100, 0).expectedAmountFen()).isEqualTo(0);
        assertThat(record("1.333", 3, 4).expectedAmountFen()).isEqualTo(4);
        assertThat(code(record("0.005", 100, 1))).isEmpty();
        assertThat(code(record("0.005", 100, 0))).contains("AMOUNT_MISMATCH");
        assertThat(code(record("10", 1_200, 12_001))).contains("AMOUNT_MISMATCH");
        // nothing to pay is no usage to report
        assertThat(code(record("0.004", 100, 0))).contains("AMOUNT_MISMATCH");
    }

    @Test
    void unitsArePositiveWithAtMostThreeDecimals() {
        assertThat(code(record("0", 100, 0))).contains("INVALID_UNITS");
        assertThat(code(record("-2", 100, -200))).contains("INVALID_UNITS");
        assertThat(code(record("1.0005", 100, 100))).contains("INVALID_UNITS");
        assertThat(code(record("1.5000", 100, 150))).isEmpty();
        assertThat(code(record("100000001", 1, 100_000_001))).contains("INVALID_UNITS");
    }

    @Test
    void thePriceIsPositiveAndBounded() {
        assertThat(code(record("1", 0, 0))).contains("INVALID_PRICE");
        assertThat(code(record("1", 10_000_001, 10_000_001))).contains("INVALID_PRICE");
    }

    @Test
    void thePeriodIsPastOrderedAndAtMostThirtyOneDays() {
        UsageRecord ok = record("1", 100, 100);
        assertThat(code(new UsageRecord("R", ALLOCATION, NOW.minusHours(1), NOW.minusHours(2), ok.units(), 100L, 100L, "DC")))
                .contains("INVALID_PERIOD");
        assertThat(code(new UsageRecord("R", ALLOCATION, NOW.minusHours(1), NOW.minusHours(1), ok.units(), 100L, 100L, "DC")))
                .contains("INVALID_PERIOD");
        assertThat(code(new UsageRecord("R", ALLOCATION, NOW.minusHours(1), NOW.plusMinutes(1), ok.units(), 100L, 100L, "DC")))
                .contains("INVALID_PERIOD");
        assertThat(code(new UsageRecord("R", ALLOCATION, NOW.minusDays(31), NOW, ok.units(), 100L, 100L, "DC")))
                .isEmpty();
        assertThat(code(new UsageRecord("R", ALLOCATION, NOW.minusDays(31).minusSeconds(1), NOW, ok.units(), 100L, 100L, "DC")))
                .contains("INVALID_PERIOD");
    }

    @Test
    void everyFieldIsRequired() {
        UsageRecord r = new UsageRecord(" ", null, null, NOW, BigDecimal.ONE, null, 1L, null);
        assertThat(r.check(NOW)).hasValueSatisfying(rej -> {
            assertThat(rej.code()).isEqualTo("INCOMPLETE_RECORD");
            assertThat(rej.messageEn()).contains("recordId", "allocationId", "periodStart", "unitPriceFen",
                    "deliveryCertificateRef");
            assertThat(rej.messageZh()).startsWith("缺少字段");
        });
    }

    @Test
    void theFingerprintIgnoresSpellingButNotContent() {
        UsageRecord a = record("12.5", 1_200, 15_000);
        UsageRecord sameInUtcWithTrailingZeros = new UsageRecord("R-1", ALLOCATION,
                NOW.minusDays(1).withOffsetSameInstant(ZoneOffset.UTC), NOW.minusHours(1).withOffsetSameInstant(ZoneOffset.UTC),
                new BigDecimal("12.500"), 1_200L, 15_000L, "DC-1");
        assertThat(sameInUtcWithTrailingZeros.fingerprint()).isEqualTo(a.fingerprint());
        assertThat(record("12.6", 1_200, 15_120).fingerprint()).isNotEqualTo(a.fingerprint());
        assertThat(new UsageRecord("R-1", ALLOCATION, NOW.minusDays(1), NOW.minusHours(1), new BigDecimal("12.5"),
                1_200L, 15_000L, "DC-2").fingerprint()).isNotEqualTo(a.fingerprint());
    }

    @Test
    void unitsTravelAsAPlainDecimalString() {
        assertThat(record("12.500", 1, 13).unitsText()).isEqualTo("12.5");
        assertThat(record("100", 1, 100).unitsText()).isEqualTo("100");
        assertThat(record("0.125", 8, 1).unitsText()).isEqualTo("0.125");
    }
}
