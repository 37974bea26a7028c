package cn.cvp.voucher.review.domain;

import cn.cvp.kit.domain.DomainException;
import cn.cvp.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The application state machine: DRAFT → UNDER_REVIEW → (APPROVED →) ISSUED, and the side exits. */
class ApplicationTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-22T10:00:00+08:00");

    private static Application draft() {
        return Application.draft(UUID.randomUUID(), UUID.randomUUID(), 1, UUID.randomUUID(), "91110108MA01ENT1XN", NOW);
    }

    private static Application underReview() {
        Application a = draft();
        a.submit(new FaceValue(1_000, FaceValue.CappedBy.NONE), NOW);
        return a;
    }

    private static void assertIllegal(Runnable transition, ApplicationStatus current) {
        assertThatThrownBy(transition::run).isInstanceOf(DomainException.class)
                .satisfies(e -> {
                    ProblemException p = ProblemException.of((DomainException) e); // the answer the edge gives
                    assertThat(p.status()).isEqualTo(409);
                    assertThat(p.code()).isEqualTo("ILLEGAL_STATE");
                    assertThat(p.extensions()).containsEntry("currentState", current.name());
                });
    }

    @Test
    void submissionReservesAndWaitsForReview() {
        Application a = underReview();
        assertThat(a.status()).isEqualTo(ApplicationStatus.UNDER_REVIEW);
        assertThat(a.reservedFen()).isEqualTo(1_000);
        assertIllegal(() -> a.submit(new FaceValue(1_000, FaceValue.CappedBy.NONE), NOW), ApplicationStatus.UNDER_REVIEW);
    }

    @Test
    void approvalNeedsAReviewAndADifferentPerson() {
        Application a = underReview();
        assertThatThrownBy(() -> a.approve("approver", false, NOW)).hasFieldOrPropertyWithValue("code", "REVIEW_REQUIRED");
        a.review("reviewer", NOW);
        assertThatThrownBy(() -> a.review("reviewer2", NOW)).hasFieldOrPropertyWithValue("code", "ALREADY_REVIEWED");
        assertThatThrownBy(() -> a.approve("reviewer", false, NOW)).hasFieldOrPropertyWithValue("code", "FOUR_EYES");
        assertThat(a.approve("approver", false, NOW)).isTrue();
        assertThat(a.status()).isEqualTo(ApplicationStatus.ISSUED);
        assertThat(a.reservedFen()).isZero();
        assertIllegal(() -> a.approve("approver2", false, NOW), ApplicationStatus.ISSUED);
        assertIllegal(() -> a.reject("approver2", "late", NOW), ApplicationStatus.ISSUED);
        assertIllegal(() -> a.withdraw(NOW), ApplicationStatus.ISSUED);
    }

    @Test
    void aboveTheThresholdTwoDifferentApproversAreNeeded() {
        Application a = underReview();
        a.review("reviewer", NOW);
        assertThat(a.approve("approver", true, NOW)).isFalse();
        assertThat(a.status()).isEqualTo(ApplicationStatus.APPROVED);
        assertThat(a.reservedFen()).isEqualTo(1_000);
        assertThatThrownBy(() -> a.approve("approver", true, NOW)).hasFieldOrPropertyWithValue("code", "SECOND_APPROVER_REQUIRED");
        assertThat(a.approve("approver2", true, NOW)).isTrue();
        assertThat(a.status()).isEqualTo(ApplicationStatus.ISSUED);
    }

    @Test
    void returnedApplicationsCanBeResubmittedAndExitsReleaseTheReservation() {
        Application a = underReview();
        assertThatThrownBy(() -> a.returnForRevision("reviewer", " ", NOW)).hasFieldOrPropertyWithValue("code", "REASON_REQUIRED");
        a.returnForRevision("reviewer", "add the delivery plan", NOW);
        assertThat(a.status()).isEqualTo(ApplicationStatus.RETURNED);
        assertThat(a.reservedFen()).isZero();
        a.requireEditable();
        a.submit(new FaceValue(2_000, FaceValue.CappedBy.NONE), NOW);
        assertThat(a.status()).isEqualTo(ApplicationStatus.UNDER_REVIEW);
        assertThat(a.reviewedBy()).isNull();

        a.reject("reviewer", "not eligible", NOW);
        assertThat(a.status()).isEqualTo(ApplicationStatus.REJECTED);
        assertThat(a.reservedFen()).isZero();
        assertIllegal(a::requireEditable, ApplicationStatus.REJECTED);
    }

    @Test
    void withdrawalAndLapse() {
        Application w = underReview();
        w.withdraw(NOW);
        assertThat(w.status()).isEqualTo(ApplicationStatus.WITHDRAWN);
        assertThat(w.reservedFen()).isZero();

        Application l = underReview();
        l.lapse("programme closed", NOW);
        assertThat(l.status()).isEqualTo(ApplicationStatus.LAPSED);
        assertIllegal(() -> draft().lapse("x", NOW), ApplicationStatus.DRAFT);
    }
}
