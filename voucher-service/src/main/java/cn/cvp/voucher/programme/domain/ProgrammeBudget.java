package cn.cvp.voucher.programme.domain;

import cn.cvp.kit.domain.DomainException;
import cn.cvp.voucher.support.Money;
import cn.cvp.voucher.support.Refusal;

import java.util.Optional;

/**
 * The programme budget (预算): what is committed to vouchers plus what is reserved for applications under review
 * never exceeds the total. A submission is capped to what is left (the review context's {@code FaceValue}) and refused
 * only when nothing is left; reserving or committing more than is left is refused; the total cannot be cut below what is committed and reserved.
 */
public final class ProgrammeBudget {
    private ProgrammeBudget() {
    }

    /** What is neither committed to vouchers nor reserved for applications under review. */
    public static long remaining(long totalFen, long committedFen, long reservedFen) {
        return totalFen - committedFen - reservedFen;
    }

    public static boolean covers(long remainingFen, long fen) {
        return fen <= remainingFen;
    }

    /** At submission: refused only when nothing is left of the budget; less than the request caps it. */
    public static Optional<Refusal> check(long remainingFen) {
        if (remainingFen > 0) {
            return Optional.empty();
        }
        return Optional.of(new Refusal("BUDGET_EXHAUSTED",
                "The programme has " + Money.yuan(remainingFen) + " yuan of budget left",
                "项目剩余预算仅 " + Money.yuan(remainingFen) + " 元"));
    }

    /** A reservation or commitment the budget cannot take. */
    static DomainException exhausted(String programmeCode, long remainingFen) {
        return DomainException.refused("BUDGET_EXHAUSTED",
                "Programme " + programmeCode + " has " + Money.yuan(remainingFen) + " yuan left",
                "项目 " + programmeCode + " 剩余预算仅 " + Money.yuan(remainingFen) + " 元");
    }

    static void requireNotBelowCommitted(long totalFen, long committedFen, long reservedFen) {
        if (totalFen < committedFen + reservedFen) {
            throw DomainException.refused("BUDGET_BELOW_COMMITTED",
                    "The budget cannot be less than what is committed and reserved (" + Money.yuan(committedFen + reservedFen) + " yuan)",
                    "预算不得低于已承诺及预留金额（" + Money.yuan(committedFen + reservedFen) + " 元）");
        }
    }
}
