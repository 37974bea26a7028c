package cn.cvp.voucher.ledger.application;

import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.security.Actor;
import cn.cvp.voucher.ledger.domain.Voucher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** Administrators extend or shorten a voucher's validity, with a reason; {@link ExpireVouchers} ends it once passed. */
@ApplicationScoped
public class ChangeVoucherValidity {

    public record Command(UUID voucherId, OffsetDateTime validUntil, String reason) {
    }

    private final VoucherStatusChanges changes;
    private final AuditLog audit;

    public ChangeVoucherValidity(VoucherStatusChanges changes, AuditLog audit) {
        this.changes = changes;
        this.audit = audit;
    }

    @Transactional
    public Voucher change(Command command, Actor actor) {
        VoucherStatusChanges.requireReason(command.reason());
        Voucher v = changes.locked(command.voucherId());
        OffsetDateTime before = v.validUntil();
        v.changeValidity(command.validUntil());
        audit.record(actor, "VOUCHER_VALIDITY_CHANGED", "Voucher", v.id(), Map.of("validUntil", before),
                Map.of("validUntil", command.validUntil(), "reason", command.reason()));
        return v;
    }
}
