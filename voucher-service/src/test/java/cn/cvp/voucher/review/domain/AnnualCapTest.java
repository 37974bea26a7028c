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
    void atSubmissionOnlyACapWithNothingLeftRefuses() {
        AnnualCap cap = new AnnualCap(200_000_000L);
        assertThat(cap.check(198_000_000L)).isEmpty();
        // ¥10,000 left of ¥2,000,000: a larger request is capped to it (FaceValue), not refused
        assertThat(cap.check(199_000_000L)).isEmpty();
        assertThat(cap.left(199_000_000L)).isEqualTo(1_000_000L);
        assertThat(cap.check(200_000_000L)).map(Refusal::code).contains("ANNUAL_CAP_EXCEEDED");
        assertThat(cap.check(200_000_000L)).map(Refusal::messageEn)
                .contains("The annual cap is 2000000.00 yuan; 0.00 yuan is left this year");
        assertThat(new AnnualCap(100L).check(150L)).map(Refusal::messageZh)
                .contains("年度补贴上限为 1.00 元，本年度剩余 0.00 元");
        assertThat(new AnnualCap(100L).left(150L)).isZero();
    }

    @Test
    void aBeijingRequestAboveWhatIsLeftOfTheCapGetsWhatIsLeft() {
        // ¥1,000,000 of ¥2,000,000 used; contract ¥6,000,000 × 20 % = ¥1,200,000 → a ¥1,000,000 voucher
        AnnualCap cap = AnnualCap.of(beijing(), enterprise());
        assertThat(cap.check(100_000_000L)).isEmpty();
        assertThat(FaceValue.of(120_000_000L, cap.left(100_000_000L), 5_000_000_000L))
                .isEqualTo(new FaceValue(100_000_000L, FaceValue.CappedBy.ANNUAL_CAP));
    }

    @Test
    void shanghaiCapsATechSmeAt300000AndATeamAt100000() {
        // contract ¥1,000,000 × 50 % = ¥500,000, nothing used yet
        AnnualCap sme = AnnualCap.of(SHANGHAI, enterprise());
        assertThat(FaceValue.of(50_000_000L, sme.left(0), 5_000_000_000L))
                .isEqualTo(new FaceValue(30_000_000L, FaceValue.CappedBy.ANNUAL_CAP));
        AnnualCap team = AnnualCap.of(SHANGHAI, enterprise("310115", Industry.SOFTWARE_IT_SERVICES, true, false));
        assertThat(team.check(0)).isEmpty();
        assertThat(FaceValue.of(50_000_000L, team.left(0), 5_000_000_000L))
                .isEqualTo(new FaceValue(10_000_000L, FaceValue.CappedBy.ANNUAL_CAP));
        // the team's cap used up: refused
        assertThat(team.check(10_000_000L)).map(Refusal::code).contains("ANNUAL_CAP_EXCEEDED");
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
