package cn.cvp.voucher.review.domain;

import cn.cvp.voucher.support.Refusal;
import org.junit.jupiter.api.Test;

import static cn.cvp.voucher.programme.domain.RuleExamples.beijing;
import static cn.cvp.voucher.programme.domain.RuleExamples.beijingWith;
import static org.assertj.core.api.Assertions.assertThat;

class OneContractOneApplicationTest {

    @Test
    void aContractAnotherApplicationUsesIsRefused() {
        assertThat(OneContractOneApplication.check(beijing(), "BJ-2026-001", false)).isEmpty();
        assertThat(OneContractOneApplication.check(beijing(), "BJ-2026-001", true)).map(Refusal::messageEn)
                .contains("Contract BJ-2026-001 already has an application");
        assertThat(OneContractOneApplication.check(beijing(), "BJ-2026-001", true)).map(Refusal::code)
                .contains("CONTRACT_ALREADY_USED");
    }

    @Test
    void theIndexsRefusalOfAConcurrentSubmissionSaysTheSame() {
        Refusal r = OneContractOneApplication.alreadyUsed("HT-001");
        assertThat(r.code()).isEqualTo("CONTRACT_ALREADY_USED");
        assertThat(r.messageEn()).isEqualTo("Contract HT-001 already has an application");
        assertThat(r.messageZh()).isEqualTo("合同 HT-001 已申请过补贴");
    }

    @Test
    void notWhereTheProgrammeAllowsSeveral() {
        assertThat(OneContractOneApplication.check(beijingWith("oneContractOneApplication", false), "BJ-2026-001", true))
                .isEmpty();
    }
}
