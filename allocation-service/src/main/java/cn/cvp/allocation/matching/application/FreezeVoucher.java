package cn.cvp.allocation.matching.application;

import java.util.UUID;

/** voucher.frozen.v1. */
public record FreezeVoucher(String eventId, UUID voucherId, String reason) {
}
