package cn.cvp.allocation.matching.application;

import java.util.UUID;

/** voucher.hold-rejected.v1: voucher-service refused the hold (reason: its stable code). */
public record RecordHoldRejected(String eventId, UUID voucherId, UUID allocationId, String reason) {
}
