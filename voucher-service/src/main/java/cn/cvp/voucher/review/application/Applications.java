package cn.cvp.voucher.review.application;

import cn.cvp.kit.domain.DomainException;
import cn.cvp.kit.security.Actor;
import cn.cvp.voucher.programme.application.Programmes;
import cn.cvp.voucher.review.domain.Application;
import cn.cvp.voucher.review.domain.ApplicationStatus;
import cn.cvp.voucher.review.domain.FourEyes;
import cn.cvp.voucher.review.persistence.ApplicationRepository;
import cn.cvp.voucher.support.Organisations;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who may see and touch which application: an enterprise only its own (others' are "not found"), staff every one
 * but never one of their own organisation's when they decide on it. The reads of the API, and the lookups the
 * use cases start from.
 */
@ApplicationScoped
public class Applications {
    private final ApplicationRepository applications;
    private final Programmes programmes;

    public Applications(ApplicationRepository applications, Programmes programmes) {
        this.applications = applications;
        this.programmes = programmes;
    }

    /** The actor's enterprise's own application. */
    public Application own(Actor actor, UUID id) {
        return owned(actor, id, applications.findById(id));
    }

    /** The actor's enterprise's own application, locked. */
    Application ownLocked(Actor actor, UUID id) {
        return owned(actor, id, applications.lock(id));
    }

    /** An application a member of staff decides on, locked; never one of the actor's own organisation. */
    Application lockedForDecision(Actor actor, UUID id) {
        Application a = applications.lock(id);
        if (a == null) {
            throw DomainException.notFound("Application", id);
        }
        FourEyes.requireOtherOrganisation(a.enterpriseCreditCode(), actor.organisation());
        return a;
    }

    /** One application: staff see any, an enterprise its own. */
    public Application get(Actor actor, boolean staff, UUID id) {
        if (!staff) {
            return own(actor, id);
        }
        Application a = applications.findById(id);
        if (a == null) {
            throw DomainException.notFound("Application", id);
        }
        return a;
    }

    /** What a list of applications is filtered by (null: any): created in [createdFrom, createdBefore). */
    public record ListQuery(ApplicationStatus status, String programmeCode, String enterpriseCreditCode,
                            OffsetDateTime createdFrom, OffsetDateTime createdBefore, int page, int size) {
    }

    /** Applications, newest first; an enterprise sees only its own, and only staff filter by enterprise. */
    public List<Application> list(Actor actor, boolean staff, ListQuery query) {
        String enterprise = staff ? query.enterpriseCreditCode() : Organisations.require(actor);
        UUID programmeId = null;
        if (query.programmeCode() != null) {
            Optional<UUID> id = programmes.idOfCode(query.programmeCode());
            if (id.isEmpty()) {
                return List.of();
            }
            programmeId = id.get();
        }
        return applications.search(new ApplicationRepository.Filter(enterprise, query.status(), programmeId,
                query.createdFrom(), query.createdBefore()), query.page(), query.size());
    }

    private static Application owned(Actor actor, UUID id, Application a) {
        if (a == null || !a.enterpriseCreditCode().equals(Organisations.require(actor))) {
            throw DomainException.notFound("Application", id);
        }
        return a;
    }
}
