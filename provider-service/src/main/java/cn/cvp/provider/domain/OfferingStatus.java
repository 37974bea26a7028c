package cn.cvp.provider.domain;

/** An offering is prepared as a draft, published for matching, and withdrawn when no longer on sale. */
public enum OfferingStatus { DRAFT, PUBLISHED, WITHDRAWN }
