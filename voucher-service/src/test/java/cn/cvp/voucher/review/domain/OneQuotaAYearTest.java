package cn.cvp.voucher.review.domain;

import cn.cvp.kit.domain.DomainException;
import cn.cvp.voucher.enterprise.domain.Industry;
import cn.cvp.voucher.programme.domain.ProgrammeRules;
import org.junit.jupiter.api.Test;

import static cn.cvp.voucher.programme.domain.RuleExamples.beijing;
import static cn.cvp.voucher.programme.domain.RuleExamples.beijingWith;
import static cn.cvp.voucher.review.domain.Examples.enterprise;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The annual quota of a quota-first programme: how much, under which programmes, once a year. */
class OneQuotaAYearTest {
    /** Shanghai's rules: quota first, ¥300,000 a year, ¥100,000 for an incubated team. */
    private static final ProgrammeRules SHANGHAI = beijingWith("model", ProgrammeRules.FundingModel.QUOTA_FIRST,
            "annualCapFen", 30_000_000L, "teamAnnualCapFen", 10_000_000L, "teamsAllowed", true);

    @Test
    void theQuotaIsTheAnnualCapOfATechnologySmeOrOfATeam() {
        assertThat(OneQuotaAYear.quotaFen(SHANGHAI, enterprise("310115", Industry.SOFTWARE_IT_SERVICES, false, false)))
                .isEqualTo(30_000_000L);
        assertThat(OneQuotaAYear.quotaFen(SHANGHAI, enterprise("310115", Industry.SOFTWARE_IT_SERVICES, true, false)))
                .isEqualTo(10_000_000L);
    }

    @Test
    void onlyAQuotaFirstProgrammeGrantsQuotas() {
        assertThatCode(() -> OneQuotaAYear.requireOffered(SHANGHAI, "SH-ICV")).doesNotThrowAnyException();
        assertThatThrownBy(() -> OneQuotaAYear.requireOffered(beijing(), "BJ-AICV"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("QUOTA_NOT_OFFERED");
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.RULE_VIOLATION);
                });
    }

    @Test
    void aSecondQuotaInTheSameYearIsRefused() {
        assertThatCode(() -> OneQuotaAYear.requireFirstThisYear(false, 2026, 30_000_000L)).doesNotThrowAnyException();
        assertThatThrownBy(() -> OneQuotaAYear.requireFirstThisYear(true, 2026, 30_000_000L))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("QUOTA_ALREADY_GRANTED");
                    assertThat(e.getMessage()).contains("2026").contains("300000.00");
                });
    }

    @Test
    void aQuotaIsCappedByWhatIsLeftOfTheBudgetLikeAnyFaceValue() {
        long quota = OneQuotaAYear.quotaFen(SHANGHAI, enterprise("310115", Industry.SOFTWARE_IT_SERVICES, false, false));
        assertThat(FaceValue.of(quota, new AnnualCap(quota).left(0), 12_000_000L))
                .isEqualTo(new FaceValue(12_000_000L, FaceValue.CappedBy.BUDGET));
        assertThat(FaceValue.of(quota, new AnnualCap(quota).left(0), 100_000_000L))
                .isEqualTo(new FaceValue(30_000_000L, FaceValue.CappedBy.NONE));
    }
}
