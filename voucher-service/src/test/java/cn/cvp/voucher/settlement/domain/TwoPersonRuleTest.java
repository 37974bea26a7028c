package cn.cvp.voucher.settlement.domain;

import cn.cvp.kit.domain.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TwoPersonRuleTest {

    @Test
    void theApproverCannotAlsoPay() {
        assertThatThrownBy(() -> TwoPersonRule.requireDifferentPayer("subject-a", "subject-a"))
                .isInstanceOf(DomainException.class).hasMessageContaining("another staff member");
        assertThatCode(() -> TwoPersonRule.requireDifferentPayer("subject-a", "subject-b")).doesNotThrowAnyException();
    }

    @Test
    void nobodyDecidesOnTheirOwnOrganisationsBatch() {
        assertThatThrownBy(() -> TwoPersonRule.requireOtherOrganisation("91110108MA01ENT1XN", "91110108MA01ENT1XN"))
                .isInstanceOf(DomainException.class);
        assertThatCode(() -> TwoPersonRule.requireOtherOrganisation("PROGRAMME-OFFICE", "91110108MA01ENT1XN"))
                .doesNotThrowAnyException();
        assertThatCode(() -> TwoPersonRule.requireOtherOrganisation(null, "91110108MA01ENT1XN")).doesNotThrowAnyException();
    }
}
