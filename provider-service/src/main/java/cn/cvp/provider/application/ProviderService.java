package cn.cvp.provider.application;

import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.outbox.Outbox;
import cn.cvp.kit.problem.ProblemException;
import cn.cvp.kit.security.Actor;
import cn.cvp.provider.domain.Provider;
import cn.cvp.provider.domain.StatusChange;
import cn.cvp.provider.messaging.ProviderEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import cn.cvp.provider.domain.ProviderObjection;
import cn.cvp.provider.domain.ProviderStatus;
import java.util.function.Function;
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
    private static final Actor SYSTEM = Actor.system("provider-service");
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;
    private final int noticeDays;
    @Inject
    ProviderService self;

    public ProviderService(Outbox outbox, AuditLog audit, Clock clock,
                           @ConfigProperty(name = "cvp.provider.public-notice-days", defaultValue = "7") int noticeDays) {
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.noticeDays = noticeDays;
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
     * Administrator's shortcut: lists an onboarding provider (ACTIVE) for the given programmes at once,
     * skipping self-assessment, verification and public notice (e.g. a provider already listed under
     * the paper procedure). Audited as such.
     */
    @Transactional
    public Provider accredit(Actor actor, UUID providerId, List<String> programmes, String reason) {
        return transition(actor, providerId, "PROVIDER_ACCREDITED_SHORTCUT", p -> p.accredit(programmes, reason, now()));
    }

    /** The provider's own self-assessment: → SELF_ASSESSED. */
    @Transactional
    public Provider selfAssess(Actor actor, String organisation, UUID providerId, Provider.SelfAssessment assessment) {
        Provider own = Provider.<Provider>findByIdOptional(providerId)
                .filter(p -> p.creditCode.equals(organisation))
                .orElseThrow(() -> ProblemException.notFound("Provider", providerId));
        return transition(actor, own.id, "PROVIDER_SELF_ASSESSED", p -> p.selfAssess(assessment, now()));
    }

    @Transactional
    public Provider startVerification(Actor actor, UUID providerId, String reason) {
        return transition(actor, providerId, "PROVIDER_VERIFICATION_STARTED", p -> p.startVerification(reason, now()));
    }

    @Transactional
    public Provider returnSelfAssessment(Actor actor, UUID providerId, String reason) {
        return transition(actor, providerId, "PROVIDER_SELF_ASSESSMENT_RETURNED",
                p -> p.returnSelfAssessment(reason, now()));
    }

    /** Verification passed: public notice (公示) for the configured number of days. */
    @Transactional
    public Provider verified(Actor actor, UUID providerId, List<String> programmes, String reason) {
        return transition(actor, providerId, "PROVIDER_PUBLIC_NOTICE_STARTED",
                p -> p.verified(programmes, noticeDays, reason, now()));
    }

    /** An administrator lists a provider whose notice ended without objection (refused before the end). */
    @Transactional
    public Provider concludeNotice(Actor actor, UUID providerId) {
        return transition(actor, providerId, "PROVIDER_LISTED", p -> p.concludeNotice(now()));
    }

    @Transactional
    public Provider suspend(Actor actor, UUID providerId, String reason) {
        return transition(actor, providerId, "PROVIDER_SUSPENDED", p -> p.suspend(reason, now()));
    }

    @Transactional
    public Provider reinstate(Actor actor, UUID providerId, String reason) {
        return transition(actor, providerId, "PROVIDER_REINSTATED", p -> p.reinstate(reason, now()));
    }

    @Transactional
    public Provider remove(Actor actor, UUID providerId, String reason) {
        return transition(actor, providerId, "PROVIDER_REMOVED", p -> p.remove(reason, now()));
    }

    /** Exit (退出): by the provider itself (its own only, else 404) or an administrator. */
    @Transactional
    public Provider exit(Actor actor, Viewer viewer, UUID providerId, String reason) {
        visibleTo(viewer, providerId);
        return transition(actor, providerId, "PROVIDER_EXITED", p -> p.exit(reason, now()));
    }

    @Transactional
    public Provider grantProgramme(Actor actor, UUID providerId, String programme) {
        return transition(actor, providerId, "PROVIDER_PROGRAMME_GRANTED", p -> p.grantProgramme(programme, now()));
    }

    @Transactional
    public Provider withdrawProgramme(Actor actor, UUID providerId, String programme, String reason) {
        return transition(actor, providerId, "PROVIDER_PROGRAMME_WITHDRAWN",
                p -> p.withdrawProgramme(programme, reason, now()));
    }

    /** Providers on public notice (公示), soonest ending first: anyone authenticated may read them. */
    public List<Provider> onPublicNotice() {
        return Provider.<Provider>list("status = ?1 order by noticeEndsAt, id", ProviderStatus.PUBLIC_NOTICE);
    }

    /**
     * Anyone authenticated files an objection during a provider's public notice: it is recorded and
     * sends the provider back to verification.
     */
    @Transactional
    public ProviderObjection object(Actor actor, String organisation, UUID providerId, String reason) {
        OffsetDateTime now = now();
        Provider p = Provider.<Provider>findByIdOptional(providerId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Provider", providerId));
        if (!p.noticeOpen(now)) {
            p.objected(reason, now); // throws NOTICE_NOT_OPEN
        }
        ProviderObjection objection = ProviderObjection.file(p, actor.subject(), organisation, reason, now);
        objection.persist();
        Object before = Snapshots.of(p);
        StatusChange change = p.objected(reason, now);
        publish(p, change);
        audit.record(actor, "PROVIDER_OBJECTION_FILED", "Provider", p.id, before, Snapshots.of(p));
        return objection;
    }

    /** Lists every provider whose notice has ended (the scheduled job); each in its own transaction. */
    public int concludeEndedNotices() {
        OffsetDateTime now = now();
        List<UUID> due = Provider.<Provider>list("status = ?1 and noticeEndsAt <= ?2", ProviderStatus.PUBLIC_NOTICE, now)
                .stream().map(p -> p.id).toList();
        int listed = 0;
        for (UUID id : due) {
            try {
                self.concludeIfDue(id);
                listed++;
            } catch (ProblemException e) {
                // an objection or an administrator got there first
            }
        }
        return listed;
    }

    @Transactional
    public void concludeIfDue(UUID providerId) {
        transition(SYSTEM, providerId, "PROVIDER_LISTED", p -> p.concludeNotice(now()));
    }

    /** Administrators and auditors: providers, optionally in one status, by registration. */
    public List<Provider> list(ProviderStatus status, Page page) {
        return (status == null ? Provider.<Provider>find("order by registeredAt desc, id")
                : Provider.<Provider>find("status = ?1 order by registeredAt desc, id", status))
                .page(page.index(), page.size()).list();
    }

    private Provider transition(Actor actor, UUID providerId, String action, Function<Provider, StatusChange> step) {
        Provider p = Provider.<Provider>findByIdOptional(providerId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Provider", providerId));
        Object before = Snapshots.of(p);
        StatusChange change = step.apply(p);
        if (change != null) {
            publish(p, change);
            audit.record(actor, action, "Provider", p.id, before, Snapshots.of(p));
        }
        return p;
    }

    private void publish(Provider p, StatusChange change) {
        outbox.append(ProviderEvents.TOPIC, p.id.toString(), ProviderEvents.STATUS_CHANGED, p.id.toString(),
                new ProviderEvents.ProviderStatusChangedV1(p.id, p.creditCode, change.current().name(),
                        change.previous().name(), p.programmeMemberships, p.privatelyInvested, p.relatedParties,
                        change.reason()));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
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
