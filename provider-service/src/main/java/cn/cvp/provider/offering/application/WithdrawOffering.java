package cn.cvp.provider.offering.application;

import java.util.UUID;

/** Take a published offering off the market. */
public record WithdrawOffering(UUID offeringId) {
}
