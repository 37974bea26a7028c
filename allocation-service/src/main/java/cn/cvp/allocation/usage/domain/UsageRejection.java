package cn.cvp.allocation.usage.domain;

/** Why a usage report was rejected. Stable codes: they travel in usage.rejected.v1. */
public enum UsageRejection {
    /** no such allocation, or it belongs to another provider */
    UNKNOWN_ALLOCATION,
    /** the allocation is not HELD or ACTIVE (not yet held, cancelled, completed, waitlisted) */
    ALLOCATION_NOT_ACTIVE,
    /** the voucher is frozen, revoked or expired */
    VOUCHER_NOT_ACTIVE,
    /** the report makes no sense on its face: no units, a period that ends before it starts, negative money */
    INVALID_REPORT,
    /** the period is not inside the allocation's window */
    OUTSIDE_WINDOW,
    /** the unit price is not the contracted one */
    PRICE_MISMATCH,
    /** the amount is not units × unit price */
    AMOUNT_MISMATCH,
    /** more card-hours than reserved in total, or than the reserved cards can deliver in the period */
    OVER_RESERVED_CAPACITY,
    /**
     * a correction of a report that was accepted (and so is being paid): accepting it as well would pay the same
     * delivery twice; flagged {@code CORRECTION_OF_ACCEPTED_USAGE} for administrators to adjust by hand
     */
    CORRECTS_ACCEPTED_USAGE
}
