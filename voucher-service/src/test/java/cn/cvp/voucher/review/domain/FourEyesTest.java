package cn.cvp.voucher.review.domain;

import cn.cvp.kit.domain.DomainException;
import cn.cvp.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static cn.cvp.voucher.review.domain.Examples.NOW;
import static cn.cvp.voucher.review.domain.Examples.application;
import static org.assertj.core.api.Assertions.assertThat;

/** Four eyes: reviewer ≠ approver, two different approvers above the threshold, never one's own organisation. */
class FourEyesTest {

    private static ProblemException answer(Runnable decision) {
        try {
            decision.run();
        } catch (DomainException e) {
            return ProblemException.of(e);
        }
        throw new AssertionError("not refused");
    }

    private static Application reviewed() {
        Application a = application();
        a.submit(new FaceValue(a.requestedSubsidyFen(), FaceValue.CappedBy.NONE), NOW);
        a.review("reviewer", NOW);
        return a;
    }

    @Test
    void aboveTheThresholdTwoApproversAreNeeded() {
        assertThat(FourEyes.needsSecondApprover(50_000_001L, 50_000_000L)).isTrue();
        assertThat(FourEyes.needsSecondApprover(50_000_000L, 50_000_000L)).isFalse();
        assertThat(FourEyes.needsSecondApprover(0, 0)).isFalse();
    }

    @Test
    void theApplicantsOwnOrganisationNeverDecides() {
        ProblemException own = answer(() -> FourEyes.requireOtherOrganisation("91110108MA01ENT1XN", "91110108MA01ENT1XN"));
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.code()).isEqualTo("OWN_ORGANISATION");
        FourEyes.requireOtherOrganisation("91110108MA01ENT1XN", "PROGRAMME-OFFICE");
        FourEyes.requireOtherOrganisation("91110108MA01ENT1XN", null);
    }

    @Test
    void theReviewerCannotApprove() {
        Application a = reviewed();
        ProblemException fourEyes = answer(() -> a.approve("reviewer", false, NOW));
        assertThat(fourEyes.status()).isEqualTo(403);
        assertThat(fourEyes.code()).isEqualTo("FOUR_EYES");
        assertThat(a.status()).isEqualTo(ApplicationStatus.UNDER_REVIEW);
    }

    @Test
    void theSecondApproverMustBeAnotherPerson() {
        Application a = reviewed();
        assertThat(a.approve("approver", true, NOW)).isFalse();
        ProblemException same = answer(() -> a.approve("approver", true, NOW));
        assertThat(same.status()).isEqualTo(403);
        assertThat(same.code()).isEqualTo("SECOND_APPROVER_REQUIRED");
        assertThat(answer(() -> a.approve("reviewer", true, NOW)).code()).isEqualTo("FOUR_EYES");
        assertThat(a.approve("approver2", true, NOW)).isTrue();
        assertThat(a.approvedBy()).isEqualTo("approver2");
        assertThat(a.firstApprovedBy()).isEqualTo("approver");
    }
}
