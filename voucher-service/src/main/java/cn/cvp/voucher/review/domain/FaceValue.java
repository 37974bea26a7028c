package cn.cvp.voucher.review.domain;

/**
 * A voucher's face value (券面金额) at approval: the subsidy of the application's amount, but no more than what is left
 * of the enterprise's {@link AnnualCap} this year and no more than what is left of the programme's budget.
 */
public final class FaceValue {
    private FaceValue() {
    }

    public static long of(long subsidyFen, long annualCapLeftFen, long budgetLeftFen) {
        return Math.min(subsidyFen, Math.min(annualCapLeftFen, budgetLeftFen));
    }
}
