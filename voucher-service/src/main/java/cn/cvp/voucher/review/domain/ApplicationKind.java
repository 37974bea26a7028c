package cn.cvp.voucher.review.domain;

/**
 * What an application asks for: a voucher for one contract's compute ({@code VOUCHER}), or, under a quota-first
 * programme (额度先行), the enterprise's annual quota (额度, {@code QUOTA}) against which it then places orders.
 */
public enum ApplicationKind {
    VOUCHER, QUOTA
}
