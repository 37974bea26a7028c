package cn.cvp.allocation.matching.application;

import cn.cvp.allocation.matching.domain.QuotaOrder;

/** order.placed.v1: record the order placed on a quota and match its whole demand. */
public record MatchOrder(String eventId, QuotaOrder.Placed order) {
}
