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

class EligibilityTest {

    @Test
    void anOfferingThatFitsEveryRuleIsEligible() {
        assertThat(Eligibility.check(demand().build(), supply().build())).isEmpty();
    }

    @Test
    void aWithdrawnOfferingIsNotEligible() {
        assertThat(Eligibility.check(demand().build(), supply().withdrawn().build()))
                .containsExactly(Exclusion.OFFERING_NOT_PUBLISHED);
    }

    @Test
    void anotherResourceClassIsNotEligible() {
        assertThat(Eligibility.check(demand().build(), supply().resourceClass("NPU_ASCEND_910B").build()))
                .containsExactly(Exclusion.RESOURCE_CLASS_MISMATCH);
    }

    @Test
    void anOfferingInAnotherUnitDoesNotServeTheDemand() {
        // a card-hour demand and a TB-month offering whose window would otherwise fit (two 30-day months)
        assertThat(Eligibility.check(demand().window(JAN_1, JAN_1.plus(Duration.ofDays(60))).build(),
                supply().unit("TB_MONTH").window(JAN_1, JAN_1.plus(Duration.ofDays(60))).build()))
                .containsExactly(Exclusion.UNIT_NOT_SUPPORTED);
        assertThat(Eligibility.check(demand().unit("CORE_HOUR").build(), supply().build()))
                .containsExactly(Exclusion.UNIT_NOT_SUPPORTED);
    }

    @Test
    void anOfferingInAUnitNobodyKnowsIsNotEligible() {
        assertThat(Eligibility.check(demand().unit("GPU_DAY").build(), supply().unit("GPU_DAY").build()))
                .containsExactly(Exclusion.UNIT_NOT_SUPPORTED);
    }

    @Test
    void storageNeedsAWholeThirtyDayMonthOfOverlap() {
        Instant day29 = JAN_1.plus(Duration.ofDays(29));
        Instant day30 = JAN_1.plus(Duration.ofDays(30));
        assertThat(Eligibility.check(demand().unit("TB_MONTH").window(JAN_1, day29).build(),
                supply().unit("TB_MONTH").window(JAN_1, JAN_1.plus(Duration.ofDays(90))).build()))
                .containsExactly(Exclusion.WINDOW_NO_OVERLAP);
        assertThat(Eligibility.check(demand().unit("TB_MONTH").window(JAN_1, day30).build(),
                supply().unit("TB_MONTH").window(JAN_1, JAN_1.plus(Duration.ofDays(90))).build())).isEmpty();
    }

    @Test
    void aRegionOutsideTheAllowedOnesIsNotEligible() {
        assertThat(Eligibility.check(demand().regions("310000").build(), supply().region("110108").build()))
                .containsExactly(Exclusion.REGION_NOT_ALLOWED);
    }

    @Test
    void divisionCodesNest() {
        assertThat(Eligibility.regionAllowed(List.of("110000"), "110108")).as("province admits its districts").isTrue();
        assertThat(Eligibility.regionAllowed(List.of("320500"), "320505")).as("city admits its districts").isTrue();
        assertThat(Eligibility.regionAllowed(List.of("320500"), "320205")).as("another city").isFalse();
        assertThat(Eligibility.regionAllowed(List.of("110108"), "110105")).as("a district is only itself").isFalse();
        assertThat(Eligibility.regionAllowed(List.of(), "440300")).as("no restriction").isTrue();
    }

    @Test
    void windowsThatDoNotOverlapByAWholeHourAreNotEligible() {
        Demand d = demand().window(JAN_1, JAN_11).build();
        assertThat(Eligibility.check(d, supply().window(JAN_11, JAN_11.plus(Duration.ofDays(5))).build()))
                .containsExactly(Exclusion.WINDOW_NO_OVERLAP);
        assertThat(Eligibility.check(d, supply().window(JAN_11.minus(Duration.ofMinutes(59)), JAN_11.plus(Duration.ofDays(5))).build()))
                .containsExactly(Exclusion.WINDOW_NO_OVERLAP);
        assertThat(Eligibility.overlapHours(d, supply().window(JAN_11.minus(Duration.ofHours(5)), JAN_11.plus(Duration.ofDays(5))).build()))
                .isEqualTo(5);
    }

    @Test
    void aProviderThatIsNotActiveIsNotEligible() {
        assertThat(Eligibility.check(demand().build(), supply().inactiveProvider().build()))
                .containsExactly(Exclusion.PROVIDER_NOT_ACTIVE);
    }

    @Test
    void aProviderWeHaveNotHeardOfIsNotEligible() {
        assertThat(Eligibility.check(demand().build(), supply().unknownProvider().build()))
                .containsExactly(Exclusion.PROVIDER_UNKNOWN);
    }

    @Test
    void partnerProgrammeRequiresMembershipOfTheVouchersProgramme() {
        Demand bj = demand().requirements(ProviderRequirement.PARTNER_PROGRAMME).build();
        assertThat(Eligibility.check(bj, supply().memberships("SH-ICV").build()))
                .containsExactly(Exclusion.PROVIDER_NOT_IN_PROGRAMME);
        assertThat(Eligibility.check(bj, supply().memberships("BJ-AICV").build())).isEmpty();
    }

    @Test
    void listedInstitutionRequiresMembershipOfTheVouchersProgramme() {
        Demand sh = demand().requirements(ProviderRequirement.LISTED_INSTITUTION).build();
        assertThat(Eligibility.check(sh, supply().memberships().build()))
                .containsExactly(Exclusion.PROVIDER_NOT_IN_PROGRAMME);
    }

    @Test
    void privatelyInvestedIsRequiredOnlyWhenTheProgrammeSaysSo() {
        Demand sh = demand().requirements(ProviderRequirement.PRIVATELY_INVESTED).build();
        assertThat(Eligibility.check(sh, supply().notPrivatelyInvested().build()))
                .containsExactly(Exclusion.PROVIDER_NOT_PRIVATELY_INVESTED);
        Demand bj = demand().requirements(ProviderRequirement.PARTNER_PROGRAMME).build();
        assertThat(Eligibility.check(bj, supply().notPrivatelyInvested().build())).isEmpty();
    }

    @Test
    void aProviderTheEnterpriseListsAsRelatedByCreditCodeIsNotEligible() {
        Demand d = demand().related("91110000MA01PRQ01K").build();
        assertThat(Eligibility.check(d, supply().provider("91110000MA01PRQ01K", "甲公司").build()))
                .containsExactly(Exclusion.RELATED_PARTY);
    }

    @Test
    void aProviderTheEnterpriseListsAsRelatedByNameIsNotEligible() {
        Demand d = demand().related("甲公司").build();
        assertThat(Eligibility.check(d, supply().provider("91110000MA01PRQ01K", "甲公司").build()))
                .containsExactly(Exclusion.RELATED_PARTY);
    }

    @Test
    void aProviderThatListsTheEnterpriseAsRelatedIsNotEligible() {
        assertThat(Eligibility.check(demand().build(), supply().providerRelated(Fixtures.ENTERPRISE).build()))
                .containsExactly(Exclusion.RELATED_PARTY);
    }

    @Test
    void anEnterpriseCannotBuyFromItself() {
        assertThat(Eligibility.check(demand().build(), supply().provider(Fixtures.ENTERPRISE, "自己").build()))
                .containsExactly(Exclusion.RELATED_PARTY);
    }

    @Test
    void everyBrokenRuleIsReported() {
        assertThat(Eligibility.check(demand().regions("310000").build(),
                supply().inactiveProvider().memberships().build()))
                .containsExactly(Exclusion.REGION_NOT_ALLOWED, Exclusion.PROVIDER_NOT_ACTIVE,
                        Exclusion.PROVIDER_NOT_IN_PROGRAMME);
    }
}
