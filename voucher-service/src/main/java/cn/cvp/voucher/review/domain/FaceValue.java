package cn.cvp.voucher.review.domain;

import cn.cvp.voucher.support.Money;

/**
 * A voucher's face value (券面金额): the subsidy of the eligible amount (ratio × amount), but no more than what is left
 * of the enterprise's {@link AnnualCap} this year and no more than what is left of the programme's budget — a request
 * above what is left is capped, not refused, and {@link #cappedBy()} says what capped it (the annual cap when both
 * leave the same). Decided at submission (that is what is reserved) and re-checked at approval, where it can only go
 * down ({@link #recheck}). Nothing left at all is refused by {@link AnnualCap#check} and the programme budget's check,
 * not here.
 */
public record FaceValue(long fen, CappedBy cappedBy) {

    /** What capped the face value below the subsidy of the amount. */
    public enum CappedBy { NONE, ANNUAL_CAP, BUDGET }

    /** min(subsidy, annual cap left, budget left), and which of the three it is. */
    public static FaceValue of(long subsidyFen, long annualCapLeftFen, long budgetLeftFen) {
        long capLeft = Math.max(0, annualCapLeftFen);
        long budgetLeft = Math.max(0, budgetLeftFen);
        if (capLeft < subsidyFen && capLeft <= budgetLeft) {
            return new FaceValue(capLeft, CappedBy.ANNUAL_CAP);
        }
        if (budgetLeft < subsidyFen) {
            return new FaceValue(budgetLeft, CappedBy.BUDGET);
        }
        return new FaceValue(subsidyFen, CappedBy.NONE);
    }

    /**
     * At approval, under the same locks: this face value (what was reserved), unless what is left now is less —
     * never more than was reserved. Keeps the reason of the submission when nothing new caps it.
     */
    public FaceValue recheck(long annualCapLeftFen, long budgetLeftFen) {
        FaceValue again = of(fen, annualCapLeftFen, budgetLeftFen);
        return again.cappedBy == CappedBy.NONE ? this : again;
    }

    /** What the applicant is told: the face value and what capped it, against the subsidy of the amount. */
    public String explanationEn(long subsidyFen) {
        String face = "Face value " + Money.yuan(fen) + " yuan";
        return switch (cappedBy) {
            case NONE -> face + ": the full subsidy of the eligible amount";
            case ANNUAL_CAP -> face + ", capped by what is left of the enterprise's annual cap (the subsidy of the "
                    + "eligible amount is " + Money.yuan(subsidyFen) + " yuan)";
            case BUDGET -> face + ", capped by what is left of the programme budget (the subsidy of the eligible "
                    + "amount is " + Money.yuan(subsidyFen) + " yuan)";
        };
    }

    public String explanationZh(long subsidyFen) {
        String face = "券面金额 " + Money.yuan(fen) + " 元";
        return switch (cappedBy) {
            case NONE -> face + "：按合同金额足额补贴";
            case ANNUAL_CAP -> face + "，受企业年度补贴上限剩余额度限制（按合同金额计算的补贴为 " + Money.yuan(subsidyFen) + " 元）";
            case BUDGET -> face + "，受项目剩余预算限制（按合同金额计算的补贴为 " + Money.yuan(subsidyFen) + " 元）";
        };
    }
}
