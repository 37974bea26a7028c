package cn.cvp.provider.domain;

/** RECEIVED at intake, then ACCEPTED or REJECTED (with a reason) by allocation-service's validation. */
public enum UsageReportStatus { RECEIVED, ACCEPTED, REJECTED }
