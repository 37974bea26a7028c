package cn.cvp.allocation.matching.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static cn.cvp.allocation.matching.domain.Fixtures.JAN_1;
import static cn.cvp.allocation.matching.domain.Fixtures.JAN_11;
import static cn.cvp.allocation.matching.domain.Fixtures.demand;
import static cn.cvp.allocation.matching.domain.Fixtures.supply;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Matching in each unit: core-hours like card-hours (cores × whole hours of overlap), TB-months as TB × whole
 * 30-day months of overlap, amount = quantity × price per unit-period.
 */
class UnitMatchingTest {
    private static final String STORAGE = "STORAGE_TB_MONTH";
    private static final String CPU = "CPU_X86_CORE";
    private static final Instant DAY_90 = JAN_1.plus(Duration.ofDays(90));
    private final Matcher matcher = new Matcher(5);

    /** 10 TB from 1 Jan for 90 days: 30 TB-months, 8,000 fen per TB-month. */
    private static Fixtures.SupplyBuilder storage() {
        return supply().resourceClass(STORAGE).unit("TB_MONTH").units(10).price(8_000).window(JAN_1, DAY_90);
    }

    private static Fixtures.DemandBuilder storageDemand(long tbMonths) {
        return demand().resourceClass(STORAGE).unit("TB_MONTH").quantity(tbMonths).window(JAN_1, DAY_90);
    }

    @Test
    void aStorageDemandOverExactlyTheOfferingsWindowIsServedUpToTbTimesMonths() {
        MatchResult r = matcher.match(storageDemand(30).build(), List.of(storage().build()));
        assertThat(r.fullyServed()).isTrue();
        Fill f = r.fills().get(0);
        assertThat(f.unit()).isEqualTo("TB_MONTH");
        assertThat(f.cardHours()).as("TB-months reserved").isEqualTo(30);
        assertThat(f.units()).as("all 10 TB for the 3 months").isEqualTo(10);
        assertThat(f.amountFen()).as("30 TB-months × 8,000 fen").isEqualTo(240_000);
    }

    @Test
    void aStorageDemandBeyondTbTimesMonthsLeavesTheRestUnserved() {
        MatchResult r = matcher.match(storageDemand(31).build(), List.of(storage().build()));
        assertThat(r.fills()).singleElement().satisfies(f -> assertThat(f.cardHours()).isEqualTo(30));
        assertThat(r.unservedCardHours()).isEqualTo(1);
    }

    @Test
    void aDemandLongerThanTheOfferingsWindowGetsOnlyTheMonthsTheOfferingIsAvailable() {
        Demand d = storageDemand(40).window(JAN_1.minus(Duration.ofDays(31)), DAY_90.plus(Duration.ofDays(60))).build();
        MatchResult r = matcher.match(d, List.of(storage().build()));
        assertThat(r.fills()).singleElement().satisfies(f -> {
            assertThat(f.cardHours()).as("10 TB × the offering's 3 months").isEqualTo(30);
            assertThat(f.windowStart()).isEqualTo(JAN_1);
            assertThat(f.windowEnd()).isEqualTo(DAY_90);
        });
        assertThat(r.unservedCardHours()).isEqualTo(10);
    }

    @Test
    void aPartialOverlapCountsOnlyWholeThirtyDayMonths() {
        // the demand starts 45 days into the offering: 45 days of overlap is one whole month
        Demand d = storageDemand(15).window(JAN_1.plus(Duration.ofDays(45)), DAY_90.plus(Duration.ofDays(30))).build();
        MatchResult r = matcher.match(d, List.of(storage().build()));
        assertThat(r.fills()).singleElement().satisfies(f -> {
            assertThat(f.cardHours()).isEqualTo(10);
            assertThat(f.units()).isEqualTo(10);
            assertThat(f.amountFen()).isEqualTo(80_000);
        });
        assertThat(r.unservedCardHours()).isEqualTo(5);
    }

    @Test
    void aSmallStorageDemandReservesOnlyTheTbItNeeds() {
        MatchResult r = matcher.match(storageDemand(7).build(), List.of(storage().build()));
        assertThat(r.fills()).singleElement().satisfies(f -> {
            assertThat(f.cardHours()).isEqualTo(7);
            assertThat(f.units()).as("ceil(7 TB-months / 3 months)").isEqualTo(3);
        });
    }

    @Test
    void twoVouchersNeverTakeTheSameTbMonths() {
        Demand first = storageDemand(20).approvedAt(JAN_1.minus(Duration.ofDays(2))).build();
        Demand second = storageDemand(20).approvedAt(JAN_1.minus(Duration.ofDays(1))).build();
        List<MatchResult> results = matcher.matchInApprovalOrder(List.of(second, first), List.of(storage().build()));
        assertThat(results.get(0).demand()).isEqualTo(first);
        assertThat(results.get(0).fullyServed()).isTrue();
        assertThat(results.get(1).fills()).singleElement().satisfies(f -> assertThat(f.cardHours()).isEqualTo(10));
        assertThat(results.get(1).unservedCardHours()).isEqualTo(10);
    }

    @Test
    void whatIsLeftOfAStorageOfferingBoundsTheNextVoucher() {
        MatchResult r = matcher.match(storageDemand(30).build(), List.of(storage().remaining(12).build()));
        assertThat(r.fills()).singleElement().satisfies(f -> assertThat(f.cardHours()).isEqualTo(12));
        assertThat(r.unservedCardHours()).isEqualTo(18);
    }

    @Test
    void coreHoursAreCoresTimesWholeHoursAndPricedPerCoreHour() {
        Supply cpu = supply().resourceClass(CPU).unit("CORE_HOUR").units(64).price(12).build(); // 64 × 240 h
        Demand d = demand().resourceClass(CPU).unit("CORE_HOUR").quantity(1_000).window(JAN_1, JAN_11).build();
        MatchResult r = matcher.match(d, List.of(cpu));
        assertThat(r.fills()).singleElement().satisfies(f -> {
            assertThat(f.unit()).isEqualTo("CORE_HOUR");
            assertThat(f.cardHours()).isEqualTo(1_000);
            assertThat(f.units()).as("ceil(1000 core-hours / 240 h)").isEqualTo(5);
            assertThat(f.amountFen()).isEqualTo(12_000);
        });
        Demand tooMuch = demand().resourceClass(CPU).unit("CORE_HOUR").quantity(20_000).build();
        assertThat(matcher.match(tooMuch, List.of(cpu)).unservedCardHours()).isEqualTo(20_000 - 64 * 240);
    }

    @Test
    void aDemandInOneUnitIsNotServedByAnOfferingInAnother() {
        Supply cpu = supply().resourceClass(CPU).unit("CORE_HOUR").build();
        Demand cardHours = demand().resourceClass(CPU).build();
        MatchResult r = matcher.match(cardHours, List.of(cpu));
        assertThat(r.fills()).isEmpty();
        assertThat(r.explanation().exclusionCounts()).containsEntry(Exclusion.UNIT_NOT_SUPPORTED, 1);
    }
}
