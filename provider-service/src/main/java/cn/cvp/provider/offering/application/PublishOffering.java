package cn.cvp.provider.offering.application;

import java.util.UUID;

/** Publish a draft for matching. */
public record PublishOffering(UUID offeringId) {
}
