package cn.cvp.provider.offering.domain;

/** What a price is per and what usage is counted in: card-hours (卡时) or TB-months. */
public enum BillingUnit { CARD_HOUR, TB_MONTH }
