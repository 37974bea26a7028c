package cn.cvp.provider.offering.domain;

/**
 * What a price is per and what usage is counted in. Each {@link ResourceClass} has exactly one:
 * card-hours (卡时: GPU/NPU cards × hours), core-hours (核时: CPU cores × hours) or TB-months (storage TB × months;
 * allocation-service counts a month as 30 days).
 */
public enum BillingUnit { CARD_HOUR, CORE_HOUR, TB_MONTH }
