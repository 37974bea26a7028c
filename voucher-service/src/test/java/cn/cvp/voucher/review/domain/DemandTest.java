package cn.cvp.voucher.review.domain;

import cn.cvp.kit.domain.DomainException;
import cn.cvp.kit.problem.ProblemException;
import cn.cvp.voucher.programme.domain.BillingUnit;
import cn.cvp.voucher.programme.domain.ResourceClass;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A demand window ends after it starts and lasts at most 366 days. */
class DemandTest {

    private static Demand window(String start, String end) {
        return new Demand(ResourceClass.GPU_A800_80G, 10, List.of("110000"), OffsetDateTime.parse(start),
                OffsetDateTime.parse(end));
    }

    private static final OffsetDateTime NOV_1 = OffsetDateTime.parse("2026-11-01T00:00:00+08:00");

    @Test
    void theUnitIsTheResourceClasssAndCardHoursStayAcceptedForCardHourClasses() {
        Demand legacy = Demand.requested(ResourceClass.GPU_A800_80G, null, null, 1000L, List.of("110000"), NOV_1,
                NOV_1.plusMonths(4));
        assertThat(legacy.unit()).isEqualTo(BillingUnit.CARD_HOUR);
        assertThat(legacy.quantity()).isEqualTo(1000);
        assertThat(Demand.requested(ResourceClass.GPU_A800_80G, BillingUnit.CARD_HOUR, 1000L, 1000L, List.of(), NOV_1,
                NOV_1.plusMonths(4)).quantity()).isEqualTo(1000);
        Demand storage = Demand.requested(ResourceClass.STORAGE_TB_MONTH, BillingUnit.TB_MONTH, 30L, null, List.of(),
                NOV_1, NOV_1.plusMonths(4));
        assertThat(storage.unit()).isEqualTo(BillingUnit.TB_MONTH);
        assertThat(Demand.requested(ResourceClass.CPU_X86_CORE, null, 500L, null, List.of(), NOV_1,
                NOV_1.plusMonths(4)).unit()).isEqualTo(BillingUnit.CORE_HOUR);
    }

    @Test
    void aUnitOtherThanTheClasssOrCardHoursForAnotherUnitIsRefused() {
        for (Runnable r : List.<Runnable>of(
                () -> Demand.requested(ResourceClass.GPU_A800_80G, BillingUnit.TB_MONTH, 10L, null, List.of(), NOV_1, NOV_1.plusMonths(4)),
                () -> Demand.requested(ResourceClass.CPU_X86_CORE, BillingUnit.CARD_HOUR, 10L, null, List.of(), NOV_1, NOV_1.plusMonths(4)),
                () -> Demand.requested(ResourceClass.STORAGE_TB_MONTH, null, null, 10L, List.of(), NOV_1, NOV_1.plusMonths(4)))) {
            assertThatThrownBy(r::run).isInstanceOf(DomainException.class).satisfies(e -> {
                ProblemException answer = ProblemException.of((DomainException) e);
                assertThat(answer.status()).isEqualTo(422);
                assertThat(answer.code()).isEqualTo("UNIT_DOES_NOT_FIT_RESOURCE_CLASS");
            });
        }
    }

    @Test
    void aQuantityIsRequiredAndCardHoursMustAgreeWithIt() {
        for (Runnable r : List.<Runnable>of(
                () -> Demand.requested(ResourceClass.GPU_A800_80G, null, null, null, List.of(), NOV_1, NOV_1.plusMonths(4)),
                () -> Demand.requested(ResourceClass.GPU_A800_80G, null, 10L, 11L, List.of(), NOV_1, NOV_1.plusMonths(4)))) {
            assertThatThrownBy(r::run).isInstanceOf(DomainException.class)
                    .satisfies(e -> assertThat(ProblemException.of((DomainException) e).status()).isEqualTo(400));
        }
    }

    @Test
    void aTbMonthDemandNeedsAWindowOfAtLeastThirtyDays() {
        new Demand(ResourceClass.STORAGE_TB_MONTH, 10, List.of(), NOV_1, NOV_1.plusDays(30)).requireValidWindow();
        assertThatThrownBy(() -> new Demand(ResourceClass.STORAGE_TB_MONTH, 10, List.of(), NOV_1,
                NOV_1.plusDays(30).minusSeconds(1)).requireValidWindow())
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("INVALID_WINDOW"));
        // card-hours and core-hours have no such floor
        new Demand(ResourceClass.CPU_X86_CORE, 10, List.of(), NOV_1, NOV_1.plusHours(2)).requireValidWindow();
    }

    @Test
    void aWindowOfUpTo366DaysIsValid() {
        window("2026-01-01T00:00:00+08:00", "2027-01-02T00:00:00+08:00").requireValidWindow();
    }

    @Test
    void anEmptyBackwardsOrTooLongWindowIsInvalid() {
        for (Demand d : List.of(window("2026-01-01T00:00:00+08:00", "2026-01-01T00:00:00+08:00"),
                window("2026-02-01T00:00:00+08:00", "2026-01-01T00:00:00+08:00"),
                window("2026-01-01T00:00:00+08:00", "2027-01-03T00:00:00+08:00"))) {
            assertThatThrownBy(d::requireValidWindow).isInstanceOf(DomainException.class).satisfies(e -> {
                ProblemException answer = ProblemException.of((DomainException) e);
                assertThat(answer.status()).isEqualTo(400);
                assertThat(answer.code()).isEqualTo("INVALID_WINDOW");
            });
        }
    }
}
