package cn.cvp.allocation.matching.application;

import java.util.UUID;

/** order.cancelled.v1: the order's live allocations are cancelled and its waitlist entry closed. */
public record CancelOrderAllocations(String eventId, UUID orderId, UUID voucherId) {
}
