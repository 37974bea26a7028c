package cn.cvp.console.web;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardTest {
    static final Clock NOW = Clock.fixed(Instant.parse("2026-12-01T04:00:00Z"), ZoneOffset.UTC);

    @Test
    void forecastsWhenTheBudgetRunsOutAtTheRateOfTheLastThirtyDays() {
        Map<String, Object> programme = Map.of("id", "p", "code", "BJ-AICV", "budgetTotalFen", 10_000_000L,
                "budgetRemainingFen", 4_000_000L, "budgetCommittedFen", 6_000_000L, "budgetConsumedFen", 0L);
        List<Map<String, Object>> vouchers = List.of(
                Map.of("status", "ACTIVE", "faceValueFen", 3_000_000L, "issuedAt", "2026-10-01T02:00:00Z"), // before the window
                Map.of("status", "ACTIVE", "faceValueFen", 2_000_000L, "issuedAt", "2026-11-20T02:00:00Z"),
                Map.of("status", "FROZEN", "faceValueFen", 1_000_000L, "issuedAt", "2026-11-30T02:00:00Z"));
        Dashboard d = Dashboard.of(programme, List.of(
                Map.of("status", "ISSUED", "regions", List.of("110108"), "amountFen", 100L, "requestedSubsidyFen", 20L),
                Map.of("status", "UNDER_REVIEW", "regions", List.of("110105"), "amountFen", 50L, "requestedSubsidyFen", 10L)),
                vouchers, List.of(), NOW);
        assertThat(d.dailyRateFen()).isEqualTo(100_000L); // ¥30,000 in the last 30 days
        assertThat(d.daysLeft()).isEqualTo(40L);
        assertThat(d.runsOutOn()).isEqualTo(LocalDate.of(2026, 12, 1).plusDays(40));
        assertThat(d.vouchersByState()).containsEntry("ACTIVE", 2L).containsEntry("FROZEN", 1L);
        assertThat(d.applicationsByStatus()).containsEntry("ISSUED", 1L).containsEntry("UNDER_REVIEW", 1L);
        assertThat(d.byDistrict()).extracting(Dashboard.Row::key).containsExactly("110108", "110105");
        assertThat(d.burnSvg()).startsWith("<svg").contains("¥60,000.00");
    }

    @Test
    void noSpendingMeansNoForecast() {
        Map<String, Object> programme = Map.of("id", "p", "budgetTotalFen", 1L, "budgetRemainingFen", 1L);
        Dashboard d = Dashboard.of(programme, List.of(), List.of(), List.of(), NOW);
        assertThat(d.daysLeft()).isNull();
        assertThat(d.burnSvg()).isEmpty();
    }
}
