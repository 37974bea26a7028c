package cn.cvp.voucher.enterprise.domain;

/** Who owns the enterprise. */
public enum Ownership { PRIVATE, STATE_OWNED, FOREIGN, MIXED }
