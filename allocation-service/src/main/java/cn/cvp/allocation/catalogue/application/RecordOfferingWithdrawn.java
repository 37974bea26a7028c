package cn.cvp.allocation.catalogue.application;

import java.util.UUID;

/** offering.withdrawn.v1 to record. */
public record RecordOfferingWithdrawn(String eventId, UUID offeringId, int version) {
}
