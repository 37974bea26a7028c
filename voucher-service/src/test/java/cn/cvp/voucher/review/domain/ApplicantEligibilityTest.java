package cn.cvp.voucher.review.domain;

import cn.cvp.voucher.enterprise.domain.Enterprise;
import cn.cvp.voucher.enterprise.domain.Industry;
import cn.cvp.voucher.programme.domain.ProgrammeRules;
import cn.cvp.voucher.support.Refusal;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static cn.cvp.voucher.programme.domain.RuleExamples.beijing;
import static cn.cvp.voucher.programme.domain.RuleExamples.beijingWith;
import static cn.cvp.voucher.review.domain.Examples.enterprise;
import static org.assertj.core.api.Assertions.assertThat;

/** Who may apply: region, industry, size or team, no dishonesty record. */
class ApplicantEligibilityTest {

    private static List<String> codes(ProgrammeRules rules, Enterprise e) {
        return ApplicantEligibility.check(rules, e).stream().map(Refusal::code).toList();
    }

    @Test
    void aBeijingSoftwareCompanyIsEligibleInBeijing() {
        assertThat(codes(beijing(), enterprise())).isEmpty();
    }

    @Test
    void theRegionIsTheAdministrativeDivisionPrefix() {
        assertThat(codes(beijing(), enterprise("310115", Industry.SOFTWARE_IT_SERVICES, false, false)))
                .containsExactly("NOT_ELIGIBLE_REGION");
        assertThat(codes(beijing(), enterprise("119999", Industry.SOFTWARE_IT_SERVICES, false, false))).isEmpty();
        assertThat(codes(beijingWith("eligibleRegionPrefix", null), enterprise("310115", Industry.SOFTWARE_IT_SERVICES,
                false, false))).isEmpty();
    }

    @Test
    void onlyTheProgrammesIndustriesAndAllWhenItNamesNone() {
        assertThat(codes(beijing(), enterprise("110108", Industry.FINANCE, false, false)))
                .containsExactly("NOT_ELIGIBLE_INDUSTRY");
        assertThat(codes(beijing(), enterprise("110108", Industry.MANUFACTURING, false, false))).isEmpty();
        assertThat(codes(beijingWith("eligibleIndustries", Set.of()), enterprise("110108", Industry.FINANCE, false, false)))
                .isEmpty();
    }

    @Test
    void anIncubatedTeamOnlyWhereTeamsAreAdmitted() {
        assertThat(codes(beijing(), enterprise("110108", Industry.SOFTWARE_IT_SERVICES, true, false)))
                .containsExactly("NOT_ELIGIBLE_SIZE");
        assertThat(codes(beijingWith("teamsAllowed", true), enterprise("110108", Industry.SOFTWARE_IT_SERVICES, true, false)))
                .isEmpty();
        // a company's size must be one the programme names (SMALL is not among these)
        assertThat(codes(beijingWith("eligibleSizes", Set.of("MICRO")), enterprise())).containsExactly("NOT_ELIGIBLE_SIZE");
        assertThat(ApplicantEligibility.check(beijing(), enterprise("110108", Industry.SOFTWARE_IT_SERVICES, true, false))
                .get(0).messageEn()).isEqualTo("Enterprise size TEAM is not eligible");
    }

    @Test
    void aDishonestyRecordExcludes() {
        assertThat(codes(beijing(), enterprise("110108", Industry.SOFTWARE_IT_SERVICES, false, true)))
                .containsExactly("DISHONESTY_RECORD");
        assertThat(ApplicantEligibility.check(beijing(), enterprise("110108", Industry.SOFTWARE_IT_SERVICES, false, true))
                .get(0).messageZh()).isEqualTo("企业近 3 年内有失信记录");
    }

    @Test
    void everyFailedConditionIsReportedInOrder() {
        assertThat(codes(beijing(), enterprise("310115", Industry.FINANCE, true, true)))
                .containsExactly("NOT_ELIGIBLE_REGION", "NOT_ELIGIBLE_INDUSTRY", "NOT_ELIGIBLE_SIZE", "DISHONESTY_RECORD");
    }
}
