package cn.cvp.allocation.matching.application;

import java.util.UUID;

/** voucher.unfrozen.v1. */
public record UnfreezeVoucher(String eventId, UUID voucherId, String reason) {
}
