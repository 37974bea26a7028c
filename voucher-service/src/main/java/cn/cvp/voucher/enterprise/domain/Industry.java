package cn.cvp.voucher.enterprise.domain;

/** The industry an enterprise declares (programmes may admit only some). */
public enum Industry { SOFTWARE_IT_SERVICES, MANUFACTURING, RESEARCH_TECH_SERVICES, FINANCE, HEALTHCARE, OTHER }
