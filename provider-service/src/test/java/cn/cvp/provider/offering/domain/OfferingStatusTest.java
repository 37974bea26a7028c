package cn.cvp.provider.offering.domain;

import org.junit.jupiter.api.Test;

import static cn.cvp.provider.offering.domain.OfferingStatus.DRAFT;
import static cn.cvp.provider.offering.domain.OfferingStatus.PUBLISHED;
import static cn.cvp.provider.offering.domain.OfferingStatus.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;

/** DRAFT → PUBLISHED → WITHDRAWN; only a published offering is revised. */
class OfferingStatusTest {

    @Test
    void aDraftIsPublishedAndAPublishedOfferingWithdrawn() {
        assertThat(DRAFT.canMoveTo(PUBLISHED)).isTrue();
        assertThat(PUBLISHED.canMoveTo(WITHDRAWN)).isTrue();
    }

    @Test
    void nothingElseMoves() {
        assertThat(DRAFT.canMoveTo(WITHDRAWN)).isFalse();
        assertThat(PUBLISHED.canMoveTo(DRAFT)).isFalse();
        for (OfferingStatus s : OfferingStatus.values()) {
            assertThat(WITHDRAWN.canMoveTo(s)).as(s.name()).isFalse();
            assertThat(s.canMoveTo(s)).as(s.name()).isFalse();
        }
    }

    @Test
    void onlyAPublishedOfferingIsRevised() {
        assertThat(PUBLISHED.isRevisable()).isTrue();
        assertThat(DRAFT.isRevisable()).isFalse();
        assertThat(WITHDRAWN.isRevisable()).isFalse();
    }
}
