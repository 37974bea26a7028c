package cn.cvp.voucher.review.domain;

import org.junit.jupiter.api.Test;

import static cn.cvp.voucher.review.domain.FaceValue.CappedBy.ANNUAL_CAP;
import static cn.cvp.voucher.review.domain.FaceValue.CappedBy.BUDGET;
import static cn.cvp.voucher.review.domain.FaceValue.CappedBy.NONE;
import static org.assertj.core.api.Assertions.assertThat;

/** Face value = min(subsidy, annual cap left, budget left), and what capped it. */
class FaceValueTest {

    @Test
    void theSmallestOfTheThree() {
        assertThat(FaceValue.of(2_400_000, 10_000_000, 50_000_000)).isEqualTo(new FaceValue(2_400_000, NONE));
        assertThat(FaceValue.of(2_400_000, 1_000_000, 50_000_000)).isEqualTo(new FaceValue(1_000_000, ANNUAL_CAP));
        assertThat(FaceValue.of(2_400_000, 10_000_000, 500_000)).isEqualTo(new FaceValue(500_000, BUDGET));
    }

    @Test
    void capLeftBelowTheRequest() {
        // Beijing: ¥1,000,000 of the ¥2,000,000 cap left, ¥6,000,000 × 20 % = ¥1,200,000 requested
        assertThat(FaceValue.of(120_000_000, 100_000_000, 5_000_000_000L)).isEqualTo(new FaceValue(100_000_000, ANNUAL_CAP));
        // exactly what is left: not capped
        assertThat(FaceValue.of(100_000_000, 100_000_000, 5_000_000_000L)).isEqualTo(new FaceValue(100_000_000, NONE));
    }

    @Test
    void budgetLeftBelowTheRequest() {
        // ¥300,000 of budget left, ¥1,000,000 requested
        assertThat(FaceValue.of(100_000_000, 200_000_000, 30_000_000)).isEqualTo(new FaceValue(30_000_000, BUDGET));
        assertThat(FaceValue.of(30_000_000, 200_000_000, 30_000_000)).isEqualTo(new FaceValue(30_000_000, NONE));
    }

    @Test
    void bothBelowTheRequestTheSmallerCapsAndATieIsTheAnnualCap() {
        assertThat(FaceValue.of(100_000_000, 40_000_000, 30_000_000)).isEqualTo(new FaceValue(30_000_000, BUDGET));
        assertThat(FaceValue.of(100_000_000, 20_000_000, 30_000_000)).isEqualTo(new FaceValue(20_000_000, ANNUAL_CAP));
        assertThat(FaceValue.of(100_000_000, 30_000_000, 30_000_000)).isEqualTo(new FaceValue(30_000_000, ANNUAL_CAP));
    }

    @Test
    void nothingLeftIsZeroNeverNegative() {
        // the submission's checks refuse this (AnnualCap.check, ProgrammeBudget.check); the face value never goes below 0
        assertThat(FaceValue.of(100_000_000, 0, 30_000_000)).isEqualTo(new FaceValue(0, ANNUAL_CAP));
        assertThat(FaceValue.of(100_000_000, -5, 30_000_000)).isEqualTo(new FaceValue(0, ANNUAL_CAP));
        assertThat(FaceValue.of(100_000_000, 200_000_000, -1)).isEqualTo(new FaceValue(0, BUDGET));
    }

    @Test
    void atApprovalItOnlyGoesDownAndKeepsTheSubmissionsReason() {
        FaceValue reserved = new FaceValue(100_000_000, ANNUAL_CAP);
        // what was reserved is still there (it was released just before): unchanged, never above the reservation
        assertThat(reserved.recheck(100_000_000, 900_000_000)).isEqualTo(reserved);
        assertThat(reserved.recheck(500_000_000, 900_000_000)).isEqualTo(reserved);
        assertThat(new FaceValue(10_000, NONE).recheck(500_000_000, 900_000_000)).isEqualTo(new FaceValue(10_000, NONE));
        // less left now: lower, with the new reason
        assertThat(reserved.recheck(100_000_000, 60_000_000)).isEqualTo(new FaceValue(60_000_000, BUDGET));
    }

    @Test
    void theApplicantIsToldWhatCappedItInBothLanguages() {
        FaceValue capped = new FaceValue(100_000_000, ANNUAL_CAP);
        assertThat(capped.explanationEn(120_000_000)).isEqualTo("Face value 1000000.00 yuan, capped by what is left of "
                + "the enterprise's annual cap (the subsidy of the eligible amount is 1200000.00 yuan)");
        assertThat(capped.explanationZh(120_000_000))
                .isEqualTo("券面金额 1000000.00 元，受企业年度补贴上限剩余额度限制（按合同金额计算的补贴为 1200000.00 元）");
        assertThat(new FaceValue(30_000_000, BUDGET).explanationEn(100_000_000)).contains("programme budget");
        assertThat(new FaceValue(30_000_000, BUDGET).explanationZh(100_000_000)).contains("项目剩余预算");
        assertThat(new FaceValue(2_400_000, NONE).explanationEn(2_400_000))
                .isEqualTo("Face value 24000.00 yuan: the full subsidy of the eligible amount");
    }
}
