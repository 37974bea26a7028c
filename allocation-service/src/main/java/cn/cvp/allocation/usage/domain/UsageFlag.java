package cn.cvp.allocation.usage.domain;

/**
 * Fraud-rule codes (风险标记): a flagged decision is listed for administrators to review
 * ({@code GET /api/usage-decisions?flagged=true}). Stable codes: they travel in usage.accepted.v1 {@code flags}.
 */
public enum UsageFlag {
    /** usage reported while the voucher is frozen (the report is rejected VOUCHER_NOT_ACTIVE) */
    USAGE_ON_FROZEN_VOUCHER,
    /** usage reported after the voucher was revoked (the report is rejected VOUCHER_NOT_ACTIVE) */
    USAGE_ON_REVOKED_VOUCHER,
    /**
     * accepted usage in the last days before the voucher expires at a rate well above the allocation's rate
     * before (or, with nothing used before, a large share of the reservation at once): spending a voucher
     * down before it lapses
     */
    USAGE_SPIKE_BEFORE_EXPIRY,
    /** accepted usage where provider and enterprise are related parties as known now (关联交易) */
    RELATED_PARTY,
    /** a correction of a report already accepted (rejected CORRECTS_ACCEPTED_USAGE): an administrator adjusts */
    CORRECTION_OF_ACCEPTED_USAGE
}
