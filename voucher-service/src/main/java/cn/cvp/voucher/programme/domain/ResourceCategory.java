package cn.cvp.voucher.programme.domain;

/** What a programme can cover: intelligent compute, or storage. */
public enum ResourceCategory { COMPUTE, STORAGE }
