package cn.cvp.voucher.review.application;

import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.security.Actor;
import cn.cvp.voucher.programme.application.Programmes;
import cn.cvp.voucher.programme.application.UndecidedApplications;
import cn.cvp.voucher.programme.domain.Programme;
import cn.cvp.voucher.review.domain.Application;
import cn.cvp.voucher.review.persistence.ApplicationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * The exits that issue no voucher: rejection, return for revision (退回修改), withdrawal by the enterprise, and lapse
 * when the programme closes. Each gives back what the application had reserved.
 */
@ApplicationScoped
public class CloseApplication implements UndecidedApplications {

    public record Reject(UUID applicationId, String reason) {
    }

    public record Return(UUID applicationId, String reason) {
    }

    public record Withdraw(UUID applicationId) {
    }

    private final ApplicationRepository repository;
    private final Applications applications;
    private final Programmes programmes;
    private final BudgetReservations reservations;
    private final AuditLog audit;
    private final Clock clock;

    public CloseApplication(ApplicationRepository repository, Applications applications, Programmes programmes,
                            BudgetReservations reservations, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.applications = applications;
        this.programmes = programmes;
        this.reservations = reservations;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Application reject(Reject command, Actor actor) {
        return decide(actor, command.applicationId(), "APPLICATION_REJECTED",
                (a, now) -> a.reject(actor.username(), command.reason(), now));
    }

    /** Sends the application back to the enterprise for revision; it can be resubmitted. */
    @Transactional
    public Application returnForRevision(Return command, Actor actor) {
        return decide(actor, command.applicationId(), "APPLICATION_RETURNED",
                (a, now) -> a.returnForRevision(actor.username(), command.reason(), now));
    }

    @Transactional
    public Application withdraw(Withdraw command, Actor actor) {
        Application a = applications.ownLocked(actor, command.applicationId());
        Programme programme = programmes.lock(a.programmeId());
        Map<String, Object> before = a.snapshot();
        long reserved = a.reservedFen();
        a.withdraw(OffsetDateTime.now(clock));
        reservations.release(programme, a, reserved);
        audit.record(actor, "APPLICATION_WITHDRAWN", "Application", a.id(), before, a.snapshot());
        return a;
    }

    /** Lapses every undecided application of a programme that closes, releasing what they reserved. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public int lapseAll(Programme programme, String reason, Actor actor) {
        List<Application> open = repository.undecided(programme.id());
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Application a : open) {
            repository.lock(a);
            Map<String, Object> before = a.snapshot();
            long reserved = a.reservedFen();
            a.lapse(reason, now);
            reservations.release(programme, a, reserved);
            audit.record(actor, "APPLICATION_LAPSED", "Application", a.id(), before, a.snapshot());
        }
        return open.size();
    }

    private Application decide(Actor actor, UUID id, String action, BiConsumer<Application, OffsetDateTime> transition) {
        Application a = applications.lockedForDecision(actor, id);
        Programme programme = programmes.lock(a.programmeId());
        Map<String, Object> before = a.snapshot();
        long reserved = a.reservedFen();
        transition.accept(a, OffsetDateTime.now(clock));
        reservations.release(programme, a, reserved);
        audit.record(actor, action, "Application", a.id(), before, a.snapshot());
        return a;
    }
}
