package cn.cvp.console.api;

/** The three services the console calls; it has no data of its own. */
public enum Service {
    VOUCHER, PROVIDER, ALLOCATION
}
