package cn.cvp.voucher.ledger.application;

import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.outbox.Outbox;
import cn.cvp.kit.security.Actor;
import cn.cvp.voucher.ledger.domain.LedgerEntry;
import cn.cvp.voucher.ledger.domain.Voucher;
import cn.cvp.voucher.ledger.domain.VoucherHold;
import cn.cvp.voucher.ledger.events.VoucherEvents;
import cn.cvp.voucher.ledger.persistence.LedgerEntries;
import cn.cvp.voucher.ledger.persistence.VoucherHoldRepository.HoldRef;
import cn.cvp.voucher.ledger.persistence.VoucherHoldRepository;
import cn.cvp.voucher.ledger.persistence.VoucherRepository;
import cn.cvp.voucher.programme.application.Programmes;
import cn.cvp.voucher.programme.domain.Programme;
import cn.cvp.voucher.support.Service;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * usage.accepted.v1: captures min(subsidy, what the hold has left) from the allocation's hold — the subsidy is
 * consumed, the rest of the usage is the enterprise's co-payment — and publishes {@code voucher.debited.v1}.
 * <p>
 * A run of them is captured in their order as if one by one, but set-wise: each voucher, hold and programme is read,
 * locked (vouchers, then holds, then programmes, each in id order: the order of the single capture and release) and
 * written once, and the ledger entries, events and audit records go in one statement each. Each usage report is
 * debited at most once, whatever the number of deliveries or events about it: idempotent by the usage report (at
 * most one CAPTURE each, a unique index says so too), not by the event — no processed-event row is needed for events
 * that arrive by the thousand.
 */
@ApplicationScoped
public class CaptureUsage {

    /** One usage.accepted.v1 event: its id and what allocation-service accepted. */
    public record Command(String eventId, UUID usageReportId, UUID allocationId, UUID voucherId, UUID providerId,
                          long amountFen, long subsidyFen) {
    }

    private static final Actor SYSTEM = Actor.system(Service.NAME);

    private final VoucherRepository vouchers;
    private final VoucherHoldRepository holds;
    private final Programmes programmes;
    private final LedgerEntries ledger;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    public CaptureUsage(VoucherRepository vouchers, VoucherHoldRepository holds, Programmes programmes,
                        LedgerEntries ledger, Outbox outbox, AuditLog audit, Clock clock) {
        this.vouchers = vouchers;
        this.holds = holds;
        this.programmes = programmes;
        this.ledger = ledger;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void captureAll(List<Command> accepted) {
        if (accepted.isEmpty()) {
            return;
        }
        Set<UUID> captured = new HashSet<>(ledger.captured(accepted.stream().map(Command::usageReportId).toList()));
        Map<UUID, HoldRef> holdOf = holds.refsOfAllocations(
                accepted.stream().map(Command::allocationId).collect(Collectors.toSet()));
        for (Command usage : accepted) {
            if (!holdOf.containsKey(usage.allocationId())) {
                throw new IllegalStateException("usage " + usage.usageReportId() + " accepted for allocation "
                        + usage.allocationId() + " which has no hold");
            }
        }
        Map<UUID, Voucher> lockedVouchers = vouchers.lockAll(
                holdOf.values().stream().map(HoldRef::voucherId).collect(Collectors.toSet()));
        Map<UUID, VoucherHold> lockedHolds = holds.lockAll(
                holdOf.values().stream().map(HoldRef::holdId).collect(Collectors.toSet()));
        Map<UUID, Programme> lockedProgrammes = programmes.lockAll(
                lockedVouchers.values().stream().map(Voucher::programmeId).collect(Collectors.toSet()));
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<LedgerEntry> entries = new ArrayList<>();
        List<Outbox.Entry> published = new ArrayList<>();
        List<AuditLog.Entry> audits = new ArrayList<>();
        for (Command usage : accepted) {
            if (!captured.add(usage.usageReportId())) {
                continue; // the same usage report accepted again: it is debited at most once
            }
            VoucherHold hold = lockedHolds.get(holdOf.get(usage.allocationId()).holdId());
            Voucher voucher = lockedVouchers.get(hold.voucherId());
            Programme programme = lockedProgrammes.get(voucher.programmeId());
            long amount = voucher.capture(hold, usage.subsidyFen());
            programme.consume(amount);
            entries.add(voucher.entry(LedgerEntry.Type.CAPTURE, amount, now).forAllocation(usage.allocationId())
                    .forUsage(usage.usageReportId(), usage.amountFen()).byProvider(usage.providerId()));
            published.add(new Outbox.Entry(voucher.id().toString(), VoucherEvents.DEBITED, voucher.id().toString(),
                    new VoucherEvents.VoucherDebitedV1(voucher.id(), usage.allocationId(), usage.usageReportId(),
                            usage.amountFen(), amount, usage.amountFen() - amount, voucher.balanceFen())));
            audits.add(new AuditLog.Entry(SYSTEM, "VOUCHER_DEBITED", "Voucher", voucher.id(), null,
                    Map.of("usageReportId", usage.usageReportId(), "subsidyFen", amount,
                            "balanceFen", voucher.balanceFen())));
        }
        ledger.appendAll(entries);
        outbox.appendAll(VoucherEvents.TOPIC, published);
        audit.recordAll(audits);
    }
}
