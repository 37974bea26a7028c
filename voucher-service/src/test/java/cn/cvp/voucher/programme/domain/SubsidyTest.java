package cn.cvp.voucher.programme.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static cn.cvp.voucher.programme.domain.RuleExamples.beijing;
import static cn.cvp.voucher.programme.domain.RuleExamples.beijingWith;
import static org.assertj.core.api.Assertions.assertThat;

/** The subsidy ratio's tiers and the rounding of the subsidy. */
class SubsidyTest {

    private static ProgrammeRules tiers(String base, String startup, String domesticChip) {
        return beijingWith("subsidyRatio", new BigDecimal(base),
                "startupSubsidyRatio", startup == null ? null : new BigDecimal(startup),
                "domesticChipSubsidyRatio", domesticChip == null ? null : new BigDecimal(domesticChip));
    }

    @Test
    void theBaseRatioAppliesWithoutTiers() {
        assertThat(Subsidy.under(beijing(), false, ResourceClass.GPU_A800_80G).ratio()).isEqualByComparingTo("0.20");
        assertThat(Subsidy.under(beijing(), true, ResourceClass.NPU_ASCEND_910B).ratio()).isEqualByComparingTo("0.20");
    }

    @Test
    void aStartupGetsTheStartupRatio() {
        // Shenzhen: 50 %, startups 60 %
        ProgrammeRules shenzhen = tiers("0.50", "0.60", null);
        assertThat(Subsidy.under(shenzhen, true, ResourceClass.GPU_A800_80G).ratio()).isEqualByComparingTo("0.60");
        assertThat(Subsidy.under(shenzhen, false, ResourceClass.GPU_A800_80G).ratio()).isEqualByComparingTo("0.50");
    }

    @Test
    void aDomesticChipGetsTheDomesticChipRatio() {
        // Hangzhou: domestic chips 30 %, others 20 %
        ProgrammeRules hangzhou = tiers("0.20", null, "0.30");
        assertThat(Subsidy.under(hangzhou, false, ResourceClass.NPU_ASCEND_910B).ratio()).isEqualByComparingTo("0.30");
        assertThat(Subsidy.under(hangzhou, false, ResourceClass.GPU_MLU370).ratio()).isEqualByComparingTo("0.30");
        assertThat(Subsidy.under(hangzhou, false, ResourceClass.GPU_A800_80G).ratio()).isEqualByComparingTo("0.20");
    }

    @Test
    void aDomesticChipOfAStartupGetsTheHigherOfTheTwoTiers() {
        assertThat(Subsidy.under(tiers("0.20", "0.40", "0.30"), true, ResourceClass.NPU_ASCEND_910B).ratio())
                .isEqualByComparingTo("0.40");
        assertThat(Subsidy.under(tiers("0.20", "0.25", "0.30"), true, ResourceClass.NPU_ASCEND_910B).ratio())
                .isEqualByComparingTo("0.30");
    }

    @Test
    void aTierBelowTheBaseRatioNeverLowersIt() {
        ProgrammeRules lowTiers = tiers("0.50", "0.30", "0.40");
        assertThat(Subsidy.under(lowTiers, true, ResourceClass.NPU_ASCEND_910B).ratio()).isEqualByComparingTo("0.50");
    }

    @Test
    void theSubsidyIsRoundedDownToTheFen() {
        assertThat(new Subsidy(new BigDecimal("0.20")).of(123_457)).isEqualTo(24_691); // 24,691.4
        assertThat(new Subsidy(new BigDecimal("0.50")).of(33_333)).isEqualTo(16_666); // 16,666.5
        assertThat(new Subsidy(new BigDecimal("0.3333")).of(100)).isEqualTo(33); // 33.33
        assertThat(new Subsidy(new BigDecimal("0.20")).of(12_000_000)).isEqualTo(2_400_000);
        assertThat(new Subsidy(new BigDecimal("1")).of(7)).isEqualTo(7);
    }
}
