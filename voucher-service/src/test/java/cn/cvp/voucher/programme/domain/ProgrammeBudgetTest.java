package cn.cvp.voucher.programme.domain;

import cn.cvp.kit.domain.DomainException;
import cn.cvp.kit.problem.ProblemException;
import cn.cvp.voucher.support.Refusal;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The programme budget: committed + reserved never exceeds the total. */
class ProgrammeBudgetTest {

    private static Programme programme(long totalFen) {
        return Programme.draft(UUID.randomUUID(), "BJ-TEST", "测试项目", totalFen);
    }

    private static void assertRefused(Runnable change, String code) {
        assertThatThrownBy(change::run).isInstanceOf(DomainException.class).satisfies(e -> {
            ProblemException answer = ProblemException.of((DomainException) e);
            assertThat(answer.status()).isEqualTo(422);
            assertThat(answer.code()).isEqualTo(code);
        });
    }

    @Test
    void aSubmissionIsRefusedOnlyWhenNothingIsLeft() {
        // less left than the request caps the face value (FaceValue), it does not refuse
        assertThat(ProgrammeBudget.check(1_000)).isEmpty();
        assertThat(ProgrammeBudget.check(1)).isEmpty();
        assertThat(ProgrammeBudget.check(0)).map(Refusal::code).contains("BUDGET_EXHAUSTED");
        assertThat(ProgrammeBudget.check(0)).map(Refusal::messageEn)
                .contains("The programme has 0.00 yuan of budget left");
        assertThat(ProgrammeBudget.check(0)).map(Refusal::messageZh).contains("项目剩余预算仅 0.00 元");
    }

    @Test
    void reservationsAndCommitmentsNeverExceedTheTotal() {
        Programme p = programme(10_000);
        p.reserve(6_000);
        assertThat(p.budgetRemainingFen()).isEqualTo(4_000);
        assertRefused(() -> p.reserve(4_001), "BUDGET_EXHAUSTED");
        p.commit(4_000);
        assertThat(p.budgetRemainingFen()).isZero();
        assertRefused(() -> p.commit(1), "BUDGET_EXHAUSTED");
        p.releaseReservation(6_000);
        assertThat(p.budgetRemainingFen()).isEqualTo(6_000);
        assertRefused(() -> p.commit(0), "BUDGET_EXHAUSTED");
        p.giveBack(1_000);
        assertThat(p.budgetCommittedFen()).isEqualTo(3_000);
        assertThat(p.budgetRemainingFen()).isEqualTo(7_000);
    }

    @Test
    void theTotalCannotBeCutBelowWhatIsCommittedAndReserved() {
        Programme p = programme(10_000);
        p.reserve(3_000);
        p.commit(2_000);
        assertRefused(() -> p.changeBudget(4_999), "BUDGET_BELOW_COMMITTED");
        p.changeBudget(5_000);
        assertThat(p.budgetTotalFen()).isEqualTo(5_000);
        assertThat(p.budgetRemainingFen()).isZero();
    }
}
