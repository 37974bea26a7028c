package cn.cvp.voucher.ledger.application;

import cn.cvp.kit.security.Actor;
import cn.cvp.voucher.ledger.domain.Voucher;
import cn.cvp.voucher.ledger.domain.VoucherStatus;
import cn.cvp.voucher.ledger.events.VoucherEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/** 冻结 / 解冻: a frozen voucher takes no new holds or captures (e.g. during an investigation) until unfrozen. */
@ApplicationScoped
public class FreezeVoucher {

    /** Freeze or unfreeze this voucher; the reason is optional. */
    public record Command(UUID voucherId, String reason) {
    }

    private final VoucherStatusChanges changes;

    public FreezeVoucher(VoucherStatusChanges changes) {
        this.changes = changes;
    }

    @Transactional
    public Voucher freeze(Command command, Actor actor) {
        Voucher v = changes.locked(command.voucherId());
        VoucherStatus before = v.status();
        v.freeze();
        changes.publish(actor, v, VoucherEvents.FROZEN, before, command.reason(), 0, List.of());
        return v;
    }

    @Transactional
    public Voucher unfreeze(Command command, Actor actor) {
        Voucher v = changes.locked(command.voucherId());
        VoucherStatus before = v.status();
        v.unfreeze();
        changes.publish(actor, v, VoucherEvents.UNFROZEN, before, command.reason(), 0, List.of());
        return v;
    }
}
