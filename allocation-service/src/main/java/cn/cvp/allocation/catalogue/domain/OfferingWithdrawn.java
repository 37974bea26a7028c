package cn.cvp.allocation.catalogue.domain;

import java.util.UUID;

/**
 * An offering was withdrawn: reservations on it that nothing has been used of are to be cancelled and their
 * demand re-homed. Fired synchronously, inside the transaction that withdrew it.
 */
public record OfferingWithdrawn(UUID offeringId, String resourceClass) {
}
