package cn.cvp.voucher.review.domain;

import cn.cvp.kit.domain.DomainException;
import cn.cvp.kit.problem.ProblemException;
import cn.cvp.voucher.enterprise.domain.Enterprise;
import cn.cvp.voucher.enterprise.domain.Industry;
import cn.cvp.voucher.programme.domain.ProgrammeRules;
import cn.cvp.voucher.programme.domain.ResourceClass;
import cn.cvp.voucher.support.Refusal;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static cn.cvp.voucher.programme.domain.RuleExamples.beijing;
import static cn.cvp.voucher.review.domain.Examples.application;
import static cn.cvp.voucher.review.domain.Examples.contract;
import static cn.cvp.voucher.review.domain.Examples.enterprise;
import static cn.cvp.voucher.review.domain.Examples.partner;
import static org.assertj.core.api.Assertions.assertThat;

/** The automatic checks at submission, all of them in their order; each rule has its own test class too. */
class SubmissionChecksTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-11-22");

    private static SubmissionChecks.Context ok() {
        return new SubmissionChecks.Context(TODAY, false, 0, 1_000_000_000L, "BJ-AICV", partner());
    }

    private static List<String> codes(ProgrammeRules rules, Enterprise e, Application a, SubmissionChecks.Context ctx) {
        return SubmissionChecks.run(rules, e, a, ctx).stream().map(Refusal::code).toList();
    }

    @Test
    void aCompliantApplicationPasses() {
        assertThat(codes(beijing(), enterprise(), application(), ok())).isEmpty();
    }

    @Test
    void eachFailureHasItsOwnCode() {
        Enterprise shanghai = enterprise("310115", Industry.SOFTWARE_IT_SERVICES, false, false);
        assertThat(codes(beijing(), shanghai, application(), ok())).containsExactly("NOT_ELIGIBLE_REGION");

        Enterprise finance = enterprise("110108", Industry.FINANCE, false, false);
        assertThat(codes(beijing(), finance, application(), ok())).containsExactly("NOT_ELIGIBLE_INDUSTRY");

        Enterprise team = enterprise("110108", Industry.SOFTWARE_IT_SERVICES, true, false);
        assertThat(codes(beijing(), team, application(), ok())).containsExactly("NOT_ELIGIBLE_SIZE");

        Enterprise dishonest = enterprise("110108", Industry.SOFTWARE_IT_SERVICES, false, true);
        assertThat(codes(beijing(), dishonest, application(), ok())).containsExactly("DISHONESTY_RECORD");

        Application storage = application(ResourceClass.STORAGE_TB_MONTH, contract(), false);
        assertThat(codes(beijing(), enterprise(), storage, ok())).containsExactly("CATEGORY_NOT_COVERED");

        Application early = application(ResourceClass.GPU_A800_80G,
                new Contract("BJ-2026-001", LocalDate.parse("2023-08-31"), 6, Examples.PARTNER), false);
        assertThat(codes(beijing(), enterprise(), early, ok())).containsExactly("CONTRACT_TOO_EARLY");

        Application longContract = application(ResourceClass.GPU_A800_80G,
                new Contract("BJ-2026-001", LocalDate.parse("2026-10-01"), 13, Examples.PARTNER), false);
        assertThat(codes(beijing(), enterprise(), longContract, ok())).containsExactly("CONTRACT_TOO_LONG");

        Application noContract = application(ResourceClass.GPU_A800_80G,
                new Contract(null, LocalDate.parse("2026-10-01"), 6, Examples.PARTNER), false);
        assertThat(codes(beijing(), enterprise(), noContract, ok())).containsExactly("CONTRACT_REQUIRED");

        assertThat(codes(beijing(), enterprise(), application(),
                new SubmissionChecks.Context(TODAY, false, 0, 1_000_000_000L, "BJ-AICV", null)))
                .containsExactly("CONTRACT_PROVIDER_UNKNOWN");

        assertThat(codes(beijing(), enterprise(), application(), new SubmissionChecks.Context(TODAY, true, 0, 1_000_000_000L, "BJ-AICV", partner())))
                .containsExactly("CONTRACT_ALREADY_USED");

        Application twice = application(ResourceClass.GPU_A800_80G, contract(), true);
        assertThat(codes(beijing(), enterprise(), twice, ok())).containsExactly("DOUBLE_DIPPING");

        assertThat(codes(beijing(), enterprise(), application(), new SubmissionChecks.Context(TODAY, false, 200_000_000L, 1_000_000_000L, "BJ-AICV", partner())))
                .containsExactly("ANNUAL_CAP_EXCEEDED");

        assertThat(codes(beijing(), enterprise(), application(), new SubmissionChecks.Context(TODAY, false, 0, 0, "BJ-AICV", partner())))
                .containsExactly("BUDGET_EXHAUSTED");

        assertThat(codes(beijing(), enterprise(), application(), new SubmissionChecks.Context(LocalDate.parse("2028-01-01"), false, 0, 1_000_000_000L, "BJ-AICV", partner())))
                .containsExactly("WINDOW_CLOSED");
    }

    @Test
    void theCapExactlyReachedStillPassesUncapped() {
        SubmissionChecks.Context ctx = new SubmissionChecks.Context(TODAY, false, 198_000_000L, 2_000_000L, "BJ-AICV", partner());
        assertThat(codes(beijing(), enterprise(), application(), ctx)).isEmpty();
        assertThat(SubmissionChecks.faceValue(beijing(), enterprise(), application(), ctx))
                .isEqualTo(new FaceValue(2_000_000L, FaceValue.CappedBy.NONE));
    }

    @Test
    void lessLeftThanRequestedIsCappedNotRefused() {
        // ¥20,000 requested; ¥10,000 left of the annual cap
        SubmissionChecks.Context capLeft = new SubmissionChecks.Context(TODAY, false, 199_000_000L, 1_000_000_000L, "BJ-AICV", partner());
        assertThat(codes(beijing(), enterprise(), application(), capLeft)).isEmpty();
        assertThat(SubmissionChecks.faceValue(beijing(), enterprise(), application(), capLeft))
                .isEqualTo(new FaceValue(1_000_000L, FaceValue.CappedBy.ANNUAL_CAP));
        // ¥19,999.99 left of the budget
        SubmissionChecks.Context budgetLeft = new SubmissionChecks.Context(TODAY, false, 0, 1_999_999L, "BJ-AICV", partner());
        assertThat(codes(beijing(), enterprise(), application(), budgetLeft)).isEmpty();
        assertThat(SubmissionChecks.faceValue(beijing(), enterprise(), application(), budgetLeft))
                .isEqualTo(new FaceValue(1_999_999L, FaceValue.CappedBy.BUDGET));
        // both less: the smaller caps
        SubmissionChecks.Context both = new SubmissionChecks.Context(TODAY, false, 199_500_000L, 700_000L, "BJ-AICV", partner());
        assertThat(codes(beijing(), enterprise(), application(), both)).isEmpty();
        assertThat(SubmissionChecks.faceValue(beijing(), enterprise(), application(), both))
                .isEqualTo(new FaceValue(500_000L, FaceValue.CappedBy.ANNUAL_CAP));
    }

    @Test
    void exactlyNothingLeftIsRefusedWithTheAmounts() {
        List<Refusal> failures = SubmissionChecks.run(beijing(), enterprise(), application(),
                new SubmissionChecks.Context(TODAY, false, 200_000_000L, 0, "BJ-AICV", partner()));
        assertThat(failures).extracting(Refusal::code).containsExactly("ANNUAL_CAP_EXCEEDED", "BUDGET_EXHAUSTED");
        assertThat(failures).extracting(Refusal::messageEn).containsExactly(
                "The annual cap is 2000000.00 yuan; 0.00 yuan is left this year",
                "The programme has 0.00 yuan of budget left");
    }

    @Test
    void everyFailureIsReportedInOrderAndTheFirstGivesTheAnswersCode() {
        Enterprise everythingWrong = enterprise("310115", Industry.FINANCE, false, true);
        Application a = application(ResourceClass.STORAGE_TB_MONTH, new Contract(null, null, null, null), true);
        List<Refusal> failures = SubmissionChecks.run(beijing(), everythingWrong, a,
                new SubmissionChecks.Context(LocalDate.parse("2028-01-01"), false, 200_000_000L, 0, "BJ-AICV", partner()));
        assertThat(failures).extracting(Refusal::code).containsExactly("WINDOW_CLOSED", "NOT_ELIGIBLE_REGION",
                "NOT_ELIGIBLE_INDUSTRY", "DISHONESTY_RECORD", "CATEGORY_NOT_COVERED", "CONTRACT_REQUIRED",
                "CONTRACT_PROVIDER_REQUIRED", "DOUBLE_DIPPING", "ANNUAL_CAP_EXCEEDED", "BUDGET_EXHAUSTED");

        DomainException refused = SubmissionChecks.refused(failures);
        ProblemException answer = ProblemException.of(refused);
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.code()).isEqualTo("WINDOW_CLOSED");
        assertThat(answer.errors()).extracting(ProblemException.FieldError::field).containsOnly("application");
        assertThat(answer.errors()).extracting(ProblemException.FieldError::code)
                .containsExactlyElementsOf(failures.stream().map(Refusal::code).toList());
    }
}
