package cn.cvp.allocation.matching.application;

import java.util.UUID;

/** voucher.hold-placed.v1: voucher-service holds the allocation's subsidy on the voucher. */
public record RecordHoldPlaced(String eventId, UUID voucherId, UUID allocationId, long holdFen) {
}
