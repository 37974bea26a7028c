package cn.cvp.provider.offering.domain;

import cn.cvp.kit.domain.DomainException;
import cn.cvp.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An offering's window: after its start, at most three years, open when offered and when published. */
class AvailabilityWindowTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-22T10:00:00+08:00");

    @Test
    void aWindowEndsAfterItStarts() {
        for (OffsetDateTime end : new OffsetDateTime[]{NOW, NOW.minusSeconds(1)}) {
            assertThatThrownBy(() -> AvailabilityWindow.check(NOW, end))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.code()).isEqualTo("VALIDATION_FAILED");
                        assertThat(ProblemException.of(e).status()).isEqualTo(400);
                        assertThat(e.violations()).singleElement().satisfies(v -> {
                            assertThat(v.field()).isEqualTo("availableTo");
                            assertThat(v.code()).isEqualTo("INVALID_FIELD");
                            assertThat(v.message()).isEqualTo("must be after availableFrom");
                        });
                    });
        }
    }

    @Test
    void aWindowLastsAtMostThreeYears() {
        assertThatNoException().isThrownBy(() -> AvailabilityWindow.check(NOW, NOW.plusYears(3)));
        assertThatThrownBy(() -> AvailabilityWindow.check(NOW, NOW.plusYears(3).plusSeconds(1)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.violations())
                        .extracting(DomainException.Violation::message)
                        .containsExactly("must be at most 3 years after availableFrom"));
    }

    @Test
    void aMissingEndIsLeftToTheRequestsValidation() {
        assertThatNoException().isThrownBy(() -> AvailabilityWindow.check(null, NOW));
        assertThatNoException().isThrownBy(() -> AvailabilityWindow.check(NOW, null));
    }

    @Test
    void anEndedWindowCannotBeOffered() {
        assertThatNoException().isThrownBy(() -> AvailabilityWindow.requireNotEnded(NOW.plusSeconds(1), NOW));
        assertThatThrownBy(() -> AvailabilityWindow.requireNotEnded(NOW, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(ProblemException.of(e).status()).isEqualTo(400);
                    assertThat(e.violations()).extracting(DomainException.Violation::message)
                            .containsExactly("must be in the future");
                });
    }

    @Test
    void aDraftWhoseWindowEndedMeanwhileIsNotPublished() {
        assertThatNoException().isThrownBy(() -> AvailabilityWindow.requireOpenForPublishing(NOW.plusSeconds(1), NOW));
        assertThatThrownBy(() -> AvailabilityWindow.requireOpenForPublishing(NOW.minusDays(1), NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("OFFERING_WINDOW_ENDED");
                    assertThat(ProblemException.of(e).status()).isEqualTo(409);
                });
    }
}
