package cn.cvp.voucher.review.domain;

/**
 * {@code DRAFT → SUBMITTED → UNDER_REVIEW → APPROVED → ISSUED}, side exits {@code RETURNED} (→ resubmit),
 * {@code REJECTED}, {@code WITHDRAWN}, {@code LAPSED}.
 */
public enum ApplicationStatus {
    DRAFT, SUBMITTED, UNDER_REVIEW, APPROVED, ISSUED, RETURNED, REJECTED, WITHDRAWN, LAPSED
}
