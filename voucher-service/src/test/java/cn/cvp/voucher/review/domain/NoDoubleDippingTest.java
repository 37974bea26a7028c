package cn.cvp.voucher.review.domain;

import cn.cvp.voucher.support.Refusal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NoDoubleDippingTest {

    @Test
    void computeWithAnotherMunicipalSubsidyIsNotSubsidisedAgain() {
        assertThat(NoDoubleDipping.check(false)).isEmpty();
        assertThat(NoDoubleDipping.check(true)).map(Refusal::code).contains("DOUBLE_DIPPING");
    }
}
