package cn.cvp.allocation.catalogue.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Capacity arithmetic per unit: cards / cores × whole hours, TB × whole 30-day months. */
class BillingUnitTest {
    private static final Instant JAN_1 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void hoursCountWholeHoursOnly() {
        assertThat(BillingUnit.CARD_HOUR.capacity(8, JAN_1, JAN_1.plus(Duration.ofMinutes(119)))).isEqualTo(8);
        assertThat(BillingUnit.CORE_HOUR.capacity(64, JAN_1, JAN_1.plus(Duration.ofDays(10)))).isEqualTo(64 * 240);
    }

    @Test
    void aStorageMonthIsThirtyDaysAndAPartMonthCountsForNothing() {
        assertThat(BillingUnit.TB_MONTH.wholePeriods(JAN_1, JAN_1.plus(Duration.ofDays(30)).minusSeconds(1))).isZero();
        assertThat(BillingUnit.TB_MONTH.wholePeriods(JAN_1, JAN_1.plus(Duration.ofDays(30)))).isEqualTo(1);
        assertThat(BillingUnit.TB_MONTH.wholePeriods(JAN_1, JAN_1.plus(Duration.ofDays(59)))).isEqualTo(1);
        assertThat(BillingUnit.TB_MONTH.wholePeriods(JAN_1, JAN_1.plus(Duration.ofDays(60)))).isEqualTo(2);
        // not calendar months: 1 Feb – 1 Mar is 28 days, no whole month
        Instant feb1 = Instant.parse("2026-02-01T00:00:00Z");
        assertThat(BillingUnit.TB_MONTH.wholePeriods(feb1, Instant.parse("2026-03-01T00:00:00Z"))).isZero();
        assertThat(BillingUnit.TB_MONTH.capacity(10, JAN_1, JAN_1.plus(Duration.ofDays(90)))).isEqualTo(30);
    }

    @Test
    void aWindowThatEndsBeforeItStartsHasNoCapacity() {
        assertThat(BillingUnit.TB_MONTH.capacity(10, JAN_1, JAN_1.minus(Duration.ofDays(90)))).isZero();
    }

    @Test
    void deliverableComparesExactlyAgainstUnitsTimesThePeriod() {
        long fifteenDays = Duration.ofDays(15).toSeconds();
        // 10 TB for half a month deliver 5 TB-months, not a fen more
        assertThat(BillingUnit.TB_MONTH.deliverable(new BigDecimal("5"), 10, fifteenDays)).isTrue();
        assertThat(BillingUnit.TB_MONTH.deliverable(new BigDecimal("5.001"), 10, fifteenDays)).isFalse();
        assertThat(BillingUnit.CORE_HOUR.deliverable(new BigDecimal("128"), 64, 7200)).isTrue();
        assertThat(BillingUnit.CORE_HOUR.deliverable(new BigDecimal("128.001"), 64, 7200)).isFalse();
    }

    @Test
    void unitsAreKnownByCodeOnly() {
        assertThat(BillingUnit.of("TB_MONTH")).contains(BillingUnit.TB_MONTH);
        assertThat(BillingUnit.of("tb_month")).isEmpty();
        assertThat(BillingUnit.of(null)).isEmpty();
    }

    @Test
    void aStorageOfferingCountsItsCapacityInTbMonthsAndNeverReservesTheSameMonthsTwice() {
        OffsetDateTime from = JAN_1.atOffset(ZoneOffset.UTC);
        Offering o = Offering.published(new OfferingTerms(UUID.randomUUID(), 1, UUID.randomUUID(), "STORAGE_TB_MONTH",
                "STORAGE", false, "310115", 10, "TB_MONTH", 8_000, from, from.plusDays(90)), from);
        assertThat(o.capacityUnitHours()).as("10 TB × 3 months").isEqualTo(30);
        o.reserve(20, from);
        o.reserve(10, from);
        assertThat(o.remainingUnitHours()).isZero();
        assertThatThrownBy(() -> o.reserve(1, from)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anOfferingInAnUnknownUnitHasNoCapacity() {
        OffsetDateTime from = JAN_1.atOffset(ZoneOffset.UTC);
        Offering o = Offering.published(new OfferingTerms(UUID.randomUUID(), 1, UUID.randomUUID(), "X", "COMPUTE",
                false, "310115", 10, "GPU_DAY", 8_000, from, from.plusDays(90)), from);
        assertThat(o.capacityUnitHours()).isZero();
    }
}
