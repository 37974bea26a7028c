package cn.cvp.voucher.domain;

/** DESIGN.md §4: ACTIVE → EXHAUSTED | EXPIRED, ACTIVE ↔ FROZEN → REVOKED. */
public enum VoucherStatus { ACTIVE, FROZEN, EXHAUSTED, EXPIRED, REVOKED }
