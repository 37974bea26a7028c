package cn.cvp.voucher.review.domain;

import cn.cvp.kit.domain.DomainException;
import cn.cvp.kit.problem.ProblemException;
import cn.cvp.voucher.enterprise.domain.Industry;
import cn.cvp.voucher.programme.domain.ProgrammeRules;
import cn.cvp.voucher.support.Refusal;
import org.junit.jupiter.api.Test;

import static cn.cvp.voucher.programme.domain.RuleExamples.beijing;
import static cn.cvp.voucher.programme.domain.RuleExamples.beijingWith;
import static cn.cvp.voucher.review.domain.Examples.enterprise;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The per-enterprise annual cap, and the teams' cap. */
class AnnualCapTest {
    /** Shanghai: ¥300,000 a year, ¥100,000 for an incubated team. */
    private static final ProgrammeRules SHANGHAI = beijingWith("annualCapFen", 30_000_000L,
            "teamAnnualCapFen", 10_000_000L, "teamsAllowed", true);

    @Test
    void anEnterpriseHasTheProgrammesCapAndATeamTheTeamsCap() {
        assertThat(AnnualCap.of(beijing(), enterprise()).capFen()).isEqualTo(200_000_000L);
        assertThat(AnnualCap.of(SHANGHAI, enterprise()).capFen()).isEqualTo(30_000_000L);
        assertThat(AnnualCap.of(SHANGHAI, enterprise("310115", Industry.SOFTWARE_IT_SERVICES, true, false)).capFen())
                .isEqualTo(10_000_000L);
        // a programme without a teams' cap holds teams to the enterprises' cap
        assertThat(AnnualCap.of(beijing(), enterprise("110108", Industry.SOFTWARE_IT_SERVICES, true, false)).capFen())
                .isEqualTo(200_000_000L);
    }

    @Test
    void atSubmissionTheRequestMayReachTheCapButNotPassIt() {
        AnnualCap cap = new AnnualCap(200_000_000L);
        assertThat(cap.check(198_000_000L, 2_000_000L)).isEmpty();
        assertThat(cap.check(198_000_001L, 2_000_000L)).map(Refusal::code).contains("ANNUAL_CAP_EXCEEDED");
        assertThat(cap.check(199_000_000L, 2_000_000L)).map(Refusal::messageEn)
                .contains("The annual cap is 2000000.00 yuan; 10000.00 yuan is left this year");
        assertThat(new AnnualCap(100L).check(150L, 1L)).map(Refusal::messageZh)
                .contains("年度补贴上限为 1.00 元，本年度剩余 0.00 元");
    }

    @Test
    void atApprovalWhatIsLeftCapsTheFaceValueAndNothingLeftIsRefused() {
        AnnualCap cap = new AnnualCap(10_000_000L);
        assertThat(cap.leftOrRefuse(9_000_000L)).isEqualTo(1_000_000L);
        assertThat(cap.leftOrRefuse(0)).isEqualTo(10_000_000L);
        assertThatThrownBy(() -> cap.leftOrRefuse(10_000_000L)).isInstanceOf(DomainException.class).satisfies(e -> {
            ProblemException answer = ProblemException.of((DomainException) e);
            assertThat(answer.status()).isEqualTo(422);
            assertThat(answer.code()).isEqualTo("ANNUAL_CAP_EXCEEDED");
            assertThat(answer.messageEn()).isEqualTo("The enterprise has used its annual cap of 100000.00 yuan");
        });
    }
}
