package cn.cvp.voucher.application;

import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.outbox.Outbox;
import cn.cvp.kit.problem.ProblemException;
import cn.cvp.kit.security.Actor;
import cn.cvp.voucher.domain.LedgerEntry;
import cn.cvp.voucher.domain.Programme;
import cn.cvp.voucher.domain.Voucher;
import cn.cvp.voucher.domain.VoucherHold;
import cn.cvp.voucher.domain.VoucherStatus;
import cn.cvp.voucher.messaging.VoucherEvents;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Freeze, unfreeze, revoke and expire vouchers. Revocation and expiry release outstanding holds and
 * return the unused money to the programme budget; allocation-service hears of it on voucher.events.
 */
@ApplicationScoped
public class VoucherAdminService {
    private static final Actor EXPIRY_JOB = Actor.system("voucher-service:expiry");

    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    public VoucherAdminService(Outbox outbox, AuditLog audit, Clock clock) {
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Voucher freeze(Actor actor, UUID id, String reason) {
        Voucher v = locked(id);
        VoucherStatus before = v.status;
        v.freeze();
        publish(actor, v, VoucherEvents.FROZEN, before, reason, 0, List.of());
        return v;
    }

    @Transactional
    public Voucher unfreeze(Actor actor, UUID id, String reason) {
        Voucher v = locked(id);
        VoucherStatus before = v.status;
        v.unfreeze();
        publish(actor, v, VoucherEvents.UNFROZEN, before, reason, 0, List.of());
        return v;
    }

    @Transactional
    public Voucher revoke(Actor actor, UUID id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("REASON_REQUIRED", "A reason is required", "必须填写理由");
        }
        return end(actor, locked(id), VoucherStatus.REVOKED, reason);
    }

    @Transactional
    public Voucher changeValidity(Actor actor, UUID id, OffsetDateTime until, String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("REASON_REQUIRED", "A reason is required", "必须填写理由");
        }
        Voucher v = locked(id);
        OffsetDateTime before = v.validUntil;
        v.changeValidity(until);
        audit.record(actor, "VOUCHER_VALIDITY_CHANGED", "Voucher", v.id, Map.of("validUntil", before),
                Map.of("validUntil", until, "reason", reason));
        return v;
    }

    /** Expires every voucher whose validity has passed (the clock is injectable, so tests move time). */
    @Scheduled(every = "${cvp.voucher.expiry-interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void expireDue() {
        for (UUID id : dueForExpiry()) {
            expire(id);
        }
    }

    public List<UUID> dueForExpiry() {
        return Voucher.<Voucher>list("status in ?1 and validUntil <= ?2",
                        List.of(VoucherStatus.ACTIVE, VoucherStatus.FROZEN, VoucherStatus.EXHAUSTED), OffsetDateTime.now(clock))
                .stream().map(v -> v.id).toList();
    }

    @Transactional
    public void expire(UUID id) {
        Voucher v = locked(id);
        if (v.validUntil.isAfter(OffsetDateTime.now(clock)) || v.status == VoucherStatus.EXPIRED || v.status == VoucherStatus.REVOKED) {
            return;
        }
        end(EXPIRY_JOB, v, VoucherStatus.EXPIRED, "validity ended " + v.validUntil);
    }

    private Voucher end(Actor actor, Voucher v, VoucherStatus endState, String reason) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        VoucherStatus before = v.status;
        List<UUID> released = new ArrayList<>();
        for (VoucherHold hold : VoucherHold.<VoucherHold>list("voucherId = ?1 and status = ?2", v.id, VoucherHold.Status.HELD)) {
            long fen = v.release(hold);
            LedgerEntry entry = v.entry(LedgerEntry.Type.RELEASE, fen, now);
            entry.allocationId = hold.allocationId;
            entry.persist();
            released.add(hold.allocationId);
        }
        long returned = v.end(endState);
        Programme programme = Programme.findById(v.programmeId, LockModeType.PESSIMISTIC_WRITE);
        programme.giveBack(returned);
        v.entry(endState == VoucherStatus.REVOKED ? LedgerEntry.Type.REVOCATION : LedgerEntry.Type.EXPIRY, returned, now).persist();
        publish(actor, v, endState == VoucherStatus.REVOKED ? VoucherEvents.REVOKED : VoucherEvents.EXPIRED, before, reason,
                returned, released);
        return v;
    }

    private void publish(Actor actor, Voucher v, String type, VoucherStatus before, String reason, long returnedFen,
                         List<UUID> releasedAllocations) {
        outbox.append(VoucherEvents.TOPIC, v.id.toString(), type, v.id.toString(),
                new VoucherEvents.VoucherStatusChangedV1(v.id, v.status.name(), before.name(), reason, returnedFen,
                        releasedAllocations));
        audit.record(actor, type.replace("voucher.", "VOUCHER_").replace(".v1", "").toUpperCase().replace('-', '_'),
                "Voucher", v.id, Map.of("status", before), Map.of("status", v.status, "reason", String.valueOf(reason),
                        "returnedFen", returnedFen));
    }

    private static Voucher locked(UUID id) {
        Voucher v = Voucher.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (v == null) {
            throw ProblemException.notFound("Voucher", id);
        }
        return v;
    }
}
