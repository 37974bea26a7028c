package cn.cvp.allocation.catalogue.domain;

/**
 * Capacity of a resource class may have become available (an offering was published or re-published, a
 * provider became active): waitlisted demand of that class is worth matching again. Fired synchronously,
 * inside the transaction that changed the catalogue.
 */
public record CapacityAppeared(String resourceClass, String cause) {
}
