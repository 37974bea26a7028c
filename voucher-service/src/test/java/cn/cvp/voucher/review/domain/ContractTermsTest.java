package cn.cvp.voucher.review.domain;

import cn.cvp.voucher.programme.domain.ProgrammeRules;
import cn.cvp.voucher.support.Refusal;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static cn.cvp.voucher.programme.domain.RuleExamples.beijing;
import static cn.cvp.voucher.programme.domain.RuleExamples.beijingWith;
import static org.assertj.core.api.Assertions.assertThat;

/** Contract first: a contract, signed on or after 2023-09-01, for at most 12 months. */
class ContractTermsTest {

    private static List<String> codes(ProgrammeRules rules, String number, String signedOn, Integer months) {
        return ContractTerms.check(rules, new Contract(number, signedOn == null ? null : LocalDate.parse(signedOn), months,
                null)).stream().map(Refusal::code).toList();
    }

    @Test
    void aContractWithinTheTermsPasses() {
        assertThat(codes(beijing(), "BJ-1", "2023-09-01", 12)).isEmpty();
    }

    @Test
    void contractFirstRequiresAContractQuotaFirstDoesNot() {
        assertThat(codes(beijing(), null, null, null)).containsExactly("CONTRACT_REQUIRED");
        assertThat(codes(beijingWith("model", ProgrammeRules.FundingModel.QUOTA_FIRST), null, null, null)).isEmpty();
    }

    @Test
    void signedBeforeTheEarliestDateIsRefused() {
        assertThat(codes(beijing(), "BJ-1", "2023-08-31", 6)).containsExactly("CONTRACT_TOO_EARLY");
        assertThat(codes(beijingWith("earliestContractDate", null), "BJ-1", "2020-01-01", 6)).isEmpty();
    }

    @Test
    void longerThanTheLongestTermIsRefused() {
        assertThat(codes(beijing(), "BJ-1", "2026-10-01", 13)).containsExactly("CONTRACT_TOO_LONG");
        assertThat(codes(beijingWith("maxContractMonths", null), "BJ-1", "2026-10-01", 36)).isEmpty();
    }

    @Test
    void everyFailedTermIsReportedInOrder() {
        assertThat(codes(beijing(), null, "2023-01-01", 24))
                .containsExactly("CONTRACT_REQUIRED", "CONTRACT_TOO_EARLY", "CONTRACT_TOO_LONG");
    }
}
