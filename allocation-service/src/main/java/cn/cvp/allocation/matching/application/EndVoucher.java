package cn.cvp.allocation.matching.application;

import java.util.UUID;

/** voucher.revoked.v1 (endStatus REVOKED) or voucher.expired.v1 (EXPIRED): final. */
public record EndVoucher(String eventId, UUID voucherId, String endStatus, String reason) {
}
