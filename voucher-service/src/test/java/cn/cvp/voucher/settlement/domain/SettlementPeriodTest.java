package cn.cvp.voucher.settlement.domain;

import cn.cvp.kit.domain.DomainException;
import cn.cvp.voucher.programme.domain.ProgrammeRules.SettlementCycle;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Beijing settles monthly, Shanghai quarterly: the periods, their names and when they are over. */
class SettlementPeriodTest {

    @Test
    void aMonthlyPeriodIsTheCalendarMonth() {
        SettlementPeriod p = SettlementPeriod.containing(LocalDate.of(2026, 2, 14), SettlementCycle.MONTHLY);
        assertThat(p).isEqualTo(new SettlementPeriod(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)));
        assertThat(p.label()).isEqualTo("2026-02");
        assertThat(SettlementPeriod.parse("2026-02", SettlementCycle.MONTHLY)).isEqualTo(p);
    }

    @Test
    void aQuarterlyPeriodIsTheCalendarQuarter() {
        SettlementPeriod p = SettlementPeriod.containing(LocalDate.of(2026, 12, 31), SettlementCycle.QUARTERLY);
        assertThat(p).isEqualTo(new SettlementPeriod(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31)));
        assertThat(p.label()).isEqualTo("2026-Q4");
        assertThat(SettlementPeriod.containing(LocalDate.of(2026, 1, 1), SettlementCycle.QUARTERLY).label()).isEqualTo("2026-Q1");
        assertThat(SettlementPeriod.parse("2026-Q4", SettlementCycle.QUARTERLY)).isEqualTo(p);
    }

    @Test
    void aPeriodHasEndedOnlyOnceItsLastDayHasPassed() {
        SettlementPeriod november = SettlementPeriod.parse("2026-11", SettlementCycle.MONTHLY);
        assertThat(november.endedBy(LocalDate.of(2026, 11, 30))).isFalse();
        assertThat(november.endedBy(LocalDate.of(2026, 12, 1))).isTrue();
    }

    @Test
    void aPeriodOutsideTheProgrammesCycleIsRefused() {
        assertThatThrownBy(() -> SettlementPeriod.parse("2026-Q4", SettlementCycle.MONTHLY))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("PERIOD_NOT_IN_CYCLE"));
        assertThatThrownBy(() -> SettlementPeriod.parse("2026-13", SettlementCycle.MONTHLY)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> SettlementPeriod.parse("2026-11", SettlementCycle.QUARTERLY)).isInstanceOf(DomainException.class);
    }
}
