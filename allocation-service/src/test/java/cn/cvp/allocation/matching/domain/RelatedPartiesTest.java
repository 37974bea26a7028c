package cn.cvp.allocation.matching.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The related-party rule (关联方), either way round or the same legal person. */
class RelatedPartiesTest {

    static final String ENTERPRISE = "91110108MA01ENT1XN";
    static final String PROVIDER = "91110000MA01PRQ01K";
    static final String PROVIDER_NAME = "甲算力有限公司";

    @Test
    void unrelatedPartiesAreNotRelated() {
        assertThat(RelatedParties.of(ENTERPRISE, List.of("某某控股有限公司"))
                .relatedTo(PROVIDER, PROVIDER_NAME, Set.of("91310000MA1FL0TH2X"))).isFalse();
        assertThat(RelatedParties.of(ENTERPRISE, List.of()).relatedTo(PROVIDER, PROVIDER_NAME, Set.of())).isFalse();
    }

    @Test
    void theEnterpriseListsTheProviderByCreditCode() {
        assertThat(RelatedParties.of(ENTERPRISE, List.of(PROVIDER)).relatedTo(PROVIDER, PROVIDER_NAME, Set.of()))
                .isTrue();
    }

    @Test
    void theEnterpriseListsTheProviderByName() {
        assertThat(RelatedParties.of(ENTERPRISE, List.of(PROVIDER_NAME)).relatedTo(PROVIDER, PROVIDER_NAME, Set.of()))
                .isTrue();
    }

    @Test
    void theProviderListsTheEnterprise() {
        assertThat(RelatedParties.of(ENTERPRISE, List.of()).relatedTo(PROVIDER, PROVIDER_NAME, Set.of(ENTERPRISE)))
                .isTrue();
        assertThat(RelatedParties.of(ENTERPRISE, List.of()).relatedTo(PROVIDER, PROVIDER_NAME, List.of(ENTERPRISE)))
                .as("the provider's list given as a list").isTrue();
    }

    @Test
    void theMatchersPrecomputedFlagGivesTheSameAnswers() {
        RelatedParties enterprise = RelatedParties.of(ENTERPRISE, List.of());
        assertThat(enterprise.relatedTo(PROVIDER, PROVIDER_NAME, Set.of(ENTERPRISE), true)).isTrue();
        assertThat(enterprise.relatedTo(PROVIDER, PROVIDER_NAME, Set.of(), false)).isFalse();
        assertThat(enterprise.relatedTo(ENTERPRISE, PROVIDER_NAME, Set.of(), false)).as("same legal person").isTrue();
    }

    @Test
    void anEnterpriseIsRelatedToItself() {
        assertThat(RelatedParties.of(ENTERPRISE, List.of()).relatedTo(ENTERPRISE, PROVIDER_NAME, Set.of())).isTrue();
    }

    @Test
    void unknownCodesAndNamesRelateToNothing() {
        assertThat(RelatedParties.of(null, List.of("某某控股有限公司")).relatedTo(null, null, Set.of(ENTERPRISE)))
                .as("no enterprise code, no provider code or name").isFalse();
        assertThat(RelatedParties.of(null, List.of(PROVIDER)).relatedTo(PROVIDER, null, Set.of()))
                .as("the enterprise's own list still counts without its code").isTrue();
        assertThat(RelatedParties.of(ENTERPRISE, List.of(PROVIDER_NAME)).relatedTo(null, null, Set.of())).isFalse();
    }

    @Test
    void aProviderProfileIsTestedByItsCodeNameAndList() {
        Supply.ProviderProfile listsTheEnterprise = new Supply.ProviderProfile(PROVIDER, PROVIDER_NAME, true, true,
                Set.of(), Set.of(ENTERPRISE));
        Supply.ProviderProfile unrelated = new Supply.ProviderProfile(PROVIDER, PROVIDER_NAME, true, true, Set.of(),
                Set.of());
        assertThat(RelatedParties.of(ENTERPRISE, List.of()).relatedTo(listsTheEnterprise)).isTrue();
        assertThat(RelatedParties.of(ENTERPRISE, List.of()).relatedTo(unrelated)).isFalse();
    }
}
