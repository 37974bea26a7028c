package cn.cvp.voucher.ledger.domain;

/** {@code ACTIVE → EXHAUSTED | EXPIRED}, {@code ACTIVE ↔ FROZEN → REVOKED}. */
public enum VoucherStatus { ACTIVE, FROZEN, EXHAUSTED, EXPIRED, REVOKED }
