package cn.cvp.voucher.review.application;

import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.security.Actor;
import cn.cvp.voucher.review.domain.Application;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** The reviewer's check (初审): recommends the application to the approvers. */
@ApplicationScoped
public class ReviewApplication {

    public record Command(UUID applicationId) {
    }

    private final Applications applications;
    private final AuditLog audit;
    private final Clock clock;

    public ReviewApplication(Applications applications, AuditLog audit, Clock clock) {
        this.applications = applications;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Application review(Command command, Actor actor) {
        Application a = applications.lockedForDecision(actor, command.applicationId());
        Map<String, Object> before = a.snapshot();
        a.review(actor.username(), OffsetDateTime.now(clock));
        audit.record(actor, "APPLICATION_REVIEWED", "Application", a.id(), before, a.snapshot());
        return a;
    }
}
