package cn.cvp.voucher.review.domain;

import cn.cvp.voucher.enterprise.domain.Enterprise;
import cn.cvp.voucher.enterprise.domain.Industry;
import cn.cvp.voucher.programme.domain.ProgrammeRules;
import cn.cvp.voucher.support.Refusal;
import org.junit.jupiter.api.Test;

import cn.cvp.voucher.enterprise.domain.DishonestyRecord;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import static cn.cvp.voucher.programme.domain.RuleExamples.beijing;
import static cn.cvp.voucher.programme.domain.RuleExamples.beijingWith;
import static cn.cvp.voucher.review.domain.Examples.enterprise;
import static org.assertj.core.api.Assertions.assertThat;

/** Who may apply: region, industry, size or team, no dishonesty record. */
class ApplicantEligibilityTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    private static List<String> codes(ProgrammeRules rules, Enterprise e) {
        return ApplicantEligibility.check(rules, e, TODAY).stream().map(Refusal::code).toList();
    }

    private static Enterprise recordedOn(LocalDate day) {
        Enterprise e = enterprise();
        e.recordDishonesty(new DishonestyRecord("XY-" + day, day, "北京市市场监督管理局", "office-1",
                OffsetDateTime.parse("2026-12-01T09:00:00+08:00")), TODAY);
        return e;
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
        assertThat(ApplicantEligibility.check(beijing(), enterprise("110108", Industry.SOFTWARE_IT_SERVICES, true, false), TODAY)
                .get(0).messageEn()).isEqualTo("Enterprise size TEAM is not eligible");
    }

    @Test
    void aDishonestyRecordExcludes() {
        assertThat(codes(beijing(), enterprise("110108", Industry.SOFTWARE_IT_SERVICES, false, true)))
                .containsExactly("DISHONESTY_RECORD");
        assertThat(ApplicantEligibility.check(beijing(), enterprise("110108", Industry.SOFTWARE_IT_SERVICES, false, true), TODAY)
                .get(0).messageZh()).isEqualTo("企业近 3 年内有失信记录");
    }

    @Test
    void aDatedRecordExcludesOnlyWithinTheProgrammesLookBack() {
        // Beijing looks back 3 years: 2023-12-02 is the first day inside, 2023-12-01 the last outside
        assertThat(codes(beijing(), recordedOn(LocalDate.of(2023, 12, 2)))).containsExactly("DISHONESTY_RECORD");
        assertThat(codes(beijing(), recordedOn(LocalDate.of(2023, 12, 1)))).isEmpty();
        assertThat(codes(beijing(), recordedOn(TODAY))).containsExactly("DISHONESTY_RECORD");
        // a programme looking back 5 years still sees the 2023 record; one looking back 0 years only today's
        assertThat(codes(beijingWith("dishonestyLookbackYears", 5), recordedOn(LocalDate.of(2022, 1, 1))))
                .containsExactly("DISHONESTY_RECORD");
        assertThat(codes(beijingWith("dishonestyLookbackYears", 0), recordedOn(TODAY.minusDays(1)))).isEmpty();
    }

    @Test
    void aRecordCannotBeDatedInTheFutureNorEnteredTwice() {
        Enterprise e = recordedOn(LocalDate.of(2025, 3, 1));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> e.recordDishonesty(new DishonestyRecord(
                        "XY-2025-03-01", LocalDate.of(2025, 3, 1), "x", "office-1", OffsetDateTime.now()), TODAY))
                .hasMessageContaining("already entered");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> e.recordDishonesty(new DishonestyRecord(
                        "XY-new", TODAY.plusDays(1), "x", "office-1", OffsetDateTime.now()), TODAY))
                .hasMessageContaining("after today");
    }

    @Test
    void everyFailedConditionIsReportedInOrder() {
        assertThat(codes(beijing(), enterprise("310115", Industry.FINANCE, true, true)))
                .containsExactly("NOT_ELIGIBLE_REGION", "NOT_ELIGIBLE_INDUSTRY", "NOT_ELIGIBLE_SIZE", "DISHONESTY_RECORD");
    }
}
