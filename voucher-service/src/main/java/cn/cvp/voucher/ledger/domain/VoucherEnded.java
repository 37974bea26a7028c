package cn.cvp.voucher.ledger.domain;

import cn.cvp.kit.security.Actor;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A voucher was revoked or expired and {@code returnedFen} of its face value, never spent, went back to the
 * programme budget. Fired (synchronously, in the ending transaction) for whoever else counts face value: the
 * enterprise's annual cap, where the programme's cap counts only what is redeemed.
 */
public record VoucherEnded(Actor actor, UUID voucherId, UUID applicationId, UUID programmeId, UUID enterpriseId,
                           OffsetDateTime issuedAt, long returnedFen) {
}
