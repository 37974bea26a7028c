package cn.cvp.voucher.programme.domain;

/**
 * What a demand's quantity is counted in. Each {@link ResourceClass} has exactly one: card-hours (卡时: GPU/NPU cards ×
 * hours), core-hours (核时: CPU cores × hours) or TB-months (storage TB × months; allocation-service counts a month
 * as 30 days, so a TB-month demand is served only in whole 30-day months of its window).
 */
public enum BillingUnit { CARD_HOUR, CORE_HOUR, TB_MONTH }
