package cn.cvp.provider.application;

import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.outbox.Outbox;
import cn.cvp.kit.problem.ProblemException;
import cn.cvp.kit.security.Actor;
import cn.cvp.provider.domain.Provider;
import cn.cvp.provider.domain.StatusChange;
import cn.cvp.provider.messaging.ProviderEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.hibernate.exception.ConstraintViolationException;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Registration and accreditation of providers (算力服务机构). A provider user acts only for its own organisation. */
@ApplicationScoped
public class ProviderService {
    private final EntityManager em;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    public ProviderService(EntityManager em, Outbox outbox, AuditLog audit, Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** Registers the caller's own organisation: status REGISTERED, event provider.registered. */
    @Transactional
    public Provider register(Actor actor, String organisation, Provider.Registration registration) {
        if (!registration.creditCode().equals(organisation)) {
            throw new ProblemException(403, "ORGANISATION_MISMATCH",
                    "You can only register your own organisation (" + organisation + ")",
                    "只能登记本人所属组织（" + organisation + "）");
        }
        if (Provider.byCreditCode(registration.creditCode()).isPresent()) {
            throw alreadyRegistered(registration.creditCode());
        }
        Provider p = Provider.register(registration, OffsetDateTime.now(clock));
        try {
            p.persistAndFlush();
        } catch (PersistenceException e) {
            if (causedByUniqueViolation(e)) {
                // a concurrent registration of the same credit code won the race
                throw alreadyRegistered(registration.creditCode());
            }
            throw e;
        }
        outbox.append(ProviderEvents.TOPIC, p.id.toString(), ProviderEvents.REGISTERED, p.id.toString(),
                new ProviderEvents.ProviderRegisteredV1(p.id, p.creditCode, p.name, p.region, p.privatelyInvested,
                        p.relatedParties, p.status.name()));
        audit.record(actor, "PROVIDER_REGISTERED", "Provider", p.id, null, Snapshots.of(p));
        return p;
    }

    /**
     * Skeleton fast track of accreditation: lists an onboarding provider (ACTIVE) for the given
     * programmes. Stands in for self-assessment, verification and public notice.
     */
    @Transactional
    public Provider accredit(Actor actor, UUID providerId, List<String> programmes, String reason) {
        Provider p = Provider.<Provider>findByIdOptional(providerId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Provider", providerId));
        Object before = Snapshots.of(p);
        StatusChange change = p.accredit(programmes, reason, OffsetDateTime.now(clock));
        outbox.append(ProviderEvents.TOPIC, p.id.toString(), ProviderEvents.STATUS_CHANGED, p.id.toString(),
                new ProviderEvents.ProviderStatusChangedV1(p.id, p.creditCode, change.current().name(),
                        change.previous().name(), p.programmeMemberships, p.privatelyInvested, p.relatedParties,
                        change.reason()));
        audit.record(actor, "PROVIDER_ACCREDITED", "Provider", p.id, before, Snapshots.of(p));
        return p;
    }

    /** The caller's own provider, or 404. */
    public Provider mine(String organisation) {
        return findRegistered(organisation).orElseThrow(() -> new ProblemException(404, "PROVIDER_NOT_REGISTERED",
                "Your organisation " + organisation + " has not registered as a provider yet",
                "您的组织 " + organisation + " 尚未登记为算力服务机构"));
    }

    /** The provider the caller acts for; refused (403) when its organisation has not registered. */
    public Provider actingAs(String organisation) {
        return findRegistered(organisation).orElseThrow(() -> new ProblemException(403, "PROVIDER_NOT_REGISTERED",
                "Your organisation " + organisation + " must register as a provider first",
                "您的组织 " + organisation + " 须先登记为算力服务机构"));
    }

    public Optional<Provider> findRegistered(String organisation) {
        return organisation == null ? Optional.empty() : Provider.byCreditCode(organisation);
    }

    /** A provider the viewer may see; another tenant's answers 404 as if it did not exist. */
    public Provider visibleTo(Viewer viewer, UUID providerId) {
        return Provider.<Provider>findByIdOptional(providerId)
                .filter(p -> viewer.seesAll() || viewer.owns(p.creditCode))
                .orElseThrow(() -> ProblemException.notFound("Provider", providerId));
    }

    private static boolean causedByUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException c
                    && c.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE) {
                return true;
            }
        }
        return false;
    }

    private static ProblemException alreadyRegistered(String creditCode) {
        return new ProblemException(409, "PROVIDER_ALREADY_REGISTERED",
                "Provider " + creditCode + " is already registered", "算力服务机构 " + creditCode + " 已登记",
                Map.of("creditCode", creditCode), List.of());
    }
}
