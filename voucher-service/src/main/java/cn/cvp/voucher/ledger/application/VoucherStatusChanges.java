package cn.cvp.voucher.ledger.application;

import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.domain.DomainException;
import cn.cvp.kit.outbox.Outbox;
import cn.cvp.kit.security.Actor;
import cn.cvp.voucher.ledger.domain.LedgerEntry;
import cn.cvp.voucher.ledger.domain.Voucher;
import cn.cvp.voucher.ledger.domain.VoucherEnded;
import cn.cvp.voucher.ledger.domain.VoucherHold;
import cn.cvp.voucher.ledger.domain.VoucherStatus;
import cn.cvp.voucher.ledger.events.VoucherEvents;
import cn.cvp.voucher.ledger.persistence.LedgerEntryRepository;
import cn.cvp.voucher.ledger.persistence.VoucherHoldRepository;
import cn.cvp.voucher.ledger.persistence.VoucherRepository;
import cn.cvp.voucher.programme.application.Programmes;
import cn.cvp.voucher.programme.domain.Programme;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What freezing, unfreezing, revoking and expiring a voucher share, inside the use case's transaction: the voucher
 * locked, the end of a voucher (outstanding holds released, unused money back to the programme budget), and the
 * status event with its audit record — allocation-service hears of it on voucher.events. The end of a voucher is
 * also told, in the same transaction, to whoever counts face value ({@link VoucherEnded}: the annual cap).
 */
@ApplicationScoped
public class VoucherStatusChanges {
    private final VoucherRepository vouchers;
    private final VoucherHoldRepository holds;
    private final LedgerEntryRepository entries;
    private final Programmes programmes;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;
    private final Event<VoucherEnded> ended;

    public VoucherStatusChanges(VoucherRepository vouchers, VoucherHoldRepository holds, LedgerEntryRepository entries,
                                Programmes programmes, Outbox outbox, AuditLog audit, Clock clock,
                                Event<VoucherEnded> ended) {
        this.ended = ended;
        this.vouchers = vouchers;
        this.holds = holds;
        this.entries = entries;
        this.programmes = programmes;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    Voucher locked(UUID id) {
        Voucher v = vouchers.lock(id);
        if (v == null) {
            throw DomainException.notFound("Voucher", id);
        }
        return v;
    }

    /** Revocation or expiry: holds released, the rest returned to the programme budget, ledger and event written. */
    Voucher end(Actor actor, Voucher v, VoucherStatus endState, String reason) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        VoucherStatus before = v.status();
        List<UUID> released = new ArrayList<>();
        for (VoucherHold hold : holds.heldOfVoucher(v.id())) {
            long fen = v.release(hold);
            entries.persist(v.entry(LedgerEntry.Type.RELEASE, fen, now).forAllocation(hold.allocationId()));
            released.add(hold.allocationId());
        }
        long returned = v.end(endState);
        Programme programme = programmes.lock(v.programmeId());
        programme.giveBack(returned);
        ended.fire(new VoucherEnded(actor, v.id(), v.applicationId(), v.programmeId(), v.enterpriseId(), v.issuedAt(),
                returned));
        entries.persist(v.entry(endState == VoucherStatus.REVOKED ? LedgerEntry.Type.REVOCATION : LedgerEntry.Type.EXPIRY,
                returned, now));
        publish(actor, v, endState == VoucherStatus.REVOKED ? VoucherEvents.REVOKED : VoucherEvents.EXPIRED, before,
                reason, returned, released);
        return v;
    }

    void publish(Actor actor, Voucher v, String type, VoucherStatus before, String reason, long returnedFen,
                 List<UUID> releasedAllocations) {
        outbox.append(VoucherEvents.TOPIC, v.id().toString(), type, v.id().toString(),
                new VoucherEvents.VoucherStatusChangedV1(v.id(), v.status().name(), before.name(), reason, returnedFen,
                        releasedAllocations));
        audit.record(actor, type.replace("voucher.", "VOUCHER_").replace(".v1", "").toUpperCase().replace('-', '_'),
                "Voucher", v.id(), Map.of("status", before), Map.of("status", v.status(), "reason", String.valueOf(reason),
                        "returnedFen", returnedFen));
    }

    static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("REASON_REQUIRED", "A reason is required", "必须填写理由");
        }
    }
}
