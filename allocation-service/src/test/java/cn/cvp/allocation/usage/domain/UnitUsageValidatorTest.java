package cn.cvp.allocation.usage.domain;

import cn.cvp.allocation.matching.domain.AllocationStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Usage in the allocation's unit: TB-months and core-hours are bounded like card-hours were. */
class UnitUsageValidatorTest {
    static final UUID PROVIDER = UUID.randomUUID();
    static final UUID ALLOCATION = UUID.randomUUID();
    static final OffsetDateTime START = OffsetDateTime.parse("2026-01-01T00:00:00+08:00");

    /** 10 TB for 90 days: 30 TB-months at 8,000 fen, 30 %, 72,000 fen held. */
    static Reservation storage(BigDecimal accepted) {
        return new Reservation(ALLOCATION, PROVIDER, UUID.randomUUID(), AllocationStatus.HELD, START, START.plusDays(90),
                10, 30, 8_000, new BigDecimal("0.30"), 72_000, accepted, 0, true, "ACTIVE", null, false, "TB_MONTH");
    }

    /** 64 cores for 10 days: 15,360 core-hours at 12 fen, 50 %. */
    static Reservation cores() {
        return new Reservation(ALLOCATION, PROVIDER, UUID.randomUUID(), AllocationStatus.HELD, START, START.plusDays(10),
                64, 15_360, 12, new BigDecimal("0.50"), 92_160, BigDecimal.ZERO, 0, true, "ACTIVE", null, false,
                "CORE_HOUR");
    }

    static UsageReport report(String units, long priceFen, long amountFen, OffsetDateTime from, OffsetDateTime to) {
        return new UsageReport(UUID.randomUUID(), 1, null, PROVIDER, ALLOCATION, "rec-1", from, to,
                new BigDecimal(units), priceFen, amountFen, "DC-2026-0001");
    }

    @Test
    void aMonthOfTenTbIsTenTbMonthsAndIsSubsidisedAtTheVouchersRatio() {
        UsageVerdict v = UsageValidator.validate(report("10", 8_000, 80_000, START, START.plusDays(30)),
                storage(BigDecimal.ZERO));
        assertThat(v.accepted()).isTrue();
        assertThat(v.subsidyFen()).as("30 % of 80,000 fen").isEqualTo(24_000);
    }

    @Test
    void halfAMonthOfTenTbDeliversFiveTbMonthsAndNoMore() {
        assertThat(UsageValidator.validate(report("5", 8_000, 40_000, START, START.plusDays(15)),
                storage(BigDecimal.ZERO)).accepted()).isTrue();
        UsageVerdict tooMuch = UsageValidator.validate(report("5.5", 8_000, 44_000, START, START.plusDays(15)),
                storage(BigDecimal.ZERO));
        assertThat(tooMuch.accepted()).isFalse();
        assertThat(tooMuch.reason()).isEqualTo(UsageRejection.OVER_RESERVED_CAPACITY);
        assertThat(tooMuch.detail()).contains("TB-months").contains("10 reserved TB");
    }

    @Test
    void tbMonthsBeyondTheReservationAreRejected() {
        UsageVerdict v = UsageValidator.validate(report("10", 8_000, 80_000, START.plusDays(60), START.plusDays(90)),
                storage(new BigDecimal("25")));
        assertThat(v.accepted()).isFalse();
        assertThat(v.reason()).isEqualTo(UsageRejection.OVER_RESERVED_CAPACITY);
        assertThat(v.detail()).contains("35 TB-months would be used of the 30 reserved");
    }

    @Test
    void coreHoursAreBoundedByTheReservedCoresPerHour() {
        assertThat(UsageValidator.validate(report("1536", 12, 18_432, START, START.plusDays(1)), cores()).accepted())
                .as("64 cores × 24 h").isTrue();
        UsageVerdict v = UsageValidator.validate(report("1537", 12, 18_444, START, START.plusDays(1)), cores());
        assertThat(v.accepted()).isFalse();
        assertThat(v.detail()).contains("core-hours").contains("64 reserved cores");
    }
}
