package cn.cvp.allocation.matching.domain;

/** PROPOSED → HELD → ACTIVE → COMPLETED; CANCELLED; WAITLISTED → PROPOSED. */
public enum AllocationStatus {
    /** capacity reserved, waiting for voucher-service to hold the subsidy */
    PROPOSED,
    /** the subsidy is held on the voucher; usage may be reported */
    HELD,
    /** usage has been accepted against it */
    ACTIVE,
    /** all reserved card-hours have been used */
    COMPLETED,
    /** the hold was refused (or the voucher stopped): its capacity is released */
    CANCELLED,
    /** part of a demand nothing could serve yet; re-matched when capacity appears */
    WAITLISTED
}
