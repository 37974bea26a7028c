package cn.cvp.provider.provider.application;

import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.domain.DomainException;
import cn.cvp.kit.outbox.Outbox;
import cn.cvp.kit.security.Actor;
import cn.cvp.provider.provider.domain.Provider;
import cn.cvp.provider.provider.events.ProviderEvents;
import cn.cvp.provider.provider.persistence.ProviderRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.hibernate.exception.ConstraintViolationException;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Registration of a provider (算力服务机构登记): a provider user registers its own organisation, once; status
 * REGISTERED, event provider.registered.v1.
 */
@ApplicationScoped
public class ProviderRegistration {
    private final ProviderRepository providers;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    public ProviderRegistration(ProviderRepository providers, Outbox outbox, AuditLog audit, Clock clock) {
        this.providers = providers;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Provider register(Actor actor, RegisterProvider command) {
        Provider.Registration registration = command.registration();
        String organisation = actor.organisation();
        if (!registration.creditCode().equals(organisation)) {
            throw DomainException.forbidden("ORGANISATION_MISMATCH",
                    "You can only register your own organisation (" + organisation + ")",
                    "只能登记本人所属组织（" + organisation + "）");
        }
        if (providers.byCreditCode(registration.creditCode()).isPresent()) {
            throw alreadyRegistered(registration.creditCode());
        }
        Provider p = Provider.register(registration, OffsetDateTime.now(clock));
        try {
            providers.persistAndFlush(p);
        } catch (PersistenceException e) {
            if (causedByUniqueViolation(e)) {
                // a concurrent registration of the same credit code won the race
                throw alreadyRegistered(registration.creditCode());
            }
            throw e;
        }
        outbox.append(ProviderEvents.TOPIC, p.id().toString(), ProviderEvents.REGISTERED, p.id().toString(),
                p.registered());
        audit.record(actor, "PROVIDER_REGISTERED", "Provider", p.id(), null, p.snapshot());
        return p;
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

    private static DomainException alreadyRegistered(String creditCode) {
        return new DomainException(DomainException.Kind.CONFLICT, "PROVIDER_ALREADY_REGISTERED",
                "Provider " + creditCode + " is already registered", "算力服务机构 " + creditCode + " 已登记",
                Map.of("creditCode", creditCode), List.of());
    }
}
