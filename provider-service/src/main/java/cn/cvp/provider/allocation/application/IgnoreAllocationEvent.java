package cn.cvp.provider.allocation.application;

/** An event of allocation.events this service has no use for (e.g. allocation.waitlisted.v1). */
public record IgnoreAllocationEvent(String eventId, String type) {
}
