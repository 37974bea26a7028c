package cn.cvp.voucher.ledger.application;

import cn.cvp.kit.security.Actor;
import cn.cvp.voucher.ledger.domain.Voucher;
import cn.cvp.voucher.ledger.domain.VoucherStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.UUID;

/** 撤销, with a reason: holds are released and the unused money returns to the programme budget. */
@ApplicationScoped
public class RevokeVoucher {

    public record Command(UUID voucherId, String reason) {
    }

    private final VoucherStatusChanges changes;

    public RevokeVoucher(VoucherStatusChanges changes) {
        this.changes = changes;
    }

    @Transactional
    public Voucher revoke(Command command, Actor actor) {
        VoucherStatusChanges.requireReason(command.reason());
        return changes.end(actor, changes.locked(command.voucherId()), VoucherStatus.REVOKED, command.reason());
    }
}
