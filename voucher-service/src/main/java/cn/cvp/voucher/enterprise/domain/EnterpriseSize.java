package cn.cvp.voucher.enterprise.domain;

/** The enterprise's size class (programmes may admit only some; incubated teams are not sized). */
public enum EnterpriseSize { MICRO, SMALL, MEDIUM, LARGE }
