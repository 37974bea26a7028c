package cn.cvp.provider.provider.application;

import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.security.Actor;
import cn.cvp.provider.provider.domain.Provider;
import cn.cvp.provider.provider.domain.ProviderObjection;
import cn.cvp.provider.provider.domain.StatusChange;
import cn.cvp.provider.provider.persistence.ProviderObjectionRepository;
import cn.cvp.provider.support.Service;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * The public notice (公示) of a provider whose verification passed: objections while it runs, which send the provider
 * back to verification, and its listing (ACTIVE) once the notice has ended without objection — by an administrator or
 * by {@link PublicNoticeJob}.
 */
@ApplicationScoped
public class PublicNoticeService {
    private final ProviderTransitions transitions;
    private final ProviderObjectionRepository objections;
    private final AuditLog audit;
    private final Clock clock;

    public PublicNoticeService(ProviderTransitions transitions, ProviderObjectionRepository objections, AuditLog audit,
                               Clock clock) {
        this.transitions = transitions;
        this.objections = objections;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Anyone authenticated files an objection during a provider's public notice: it is recorded and
     * sends the provider back to verification.
     */
    @Transactional
    public ProviderObjection fileObjection(Actor actor, FileObjection command) {
        OffsetDateTime now = now();
        Provider p = transitions.locked(command.providerId());
        if (!p.noticeOpen(now)) {
            p.objected(command.reason(), now); // throws NOTICE_NOT_OPEN
        }
        ProviderObjection objection = ProviderObjection.file(p, actor.subject(), actor.organisation(),
                command.reason(), now);
        objections.persist(objection);
        Map<String, Object> before = p.snapshot();
        StatusChange change = p.objected(command.reason(), now);
        transitions.publish(p, change);
        audit.record(actor, "PROVIDER_OBJECTION_FILED", "Provider", p.id(), before, p.snapshot());
        return objection;
    }

    /** An administrator lists a provider whose notice ended without objection (refused before the end). */
    @Transactional
    public Provider conclude(Actor actor, ConcludePublicNotice command) {
        return transitions.apply(actor, command.providerId(), "PROVIDER_LISTED", p -> p.concludeNotice(now()));
    }

    /** The job lists a provider whose notice has ended; refused (and nothing changed) if it is no longer due. */
    @Transactional
    public void concludeIfDue(UUID providerId) {
        transitions.apply(Service.SYSTEM, providerId, "PROVIDER_LISTED", p -> p.concludeNotice(now()));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
