package cn.cvp.provider.provider.application;

import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.domain.DomainException;
import cn.cvp.kit.outbox.Outbox;
import cn.cvp.kit.security.Actor;
import cn.cvp.provider.provider.domain.Provider;
import cn.cvp.provider.provider.domain.StatusChange;
import cn.cvp.provider.provider.events.ProviderEvents;
import cn.cvp.provider.provider.persistence.ProviderRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * How every accreditation step is applied, inside its use case's transaction: the provider is locked, the step
 * changes it (or refuses and changes nothing), and the change is published as provider.status-changed.v1 and audited.
 */
@ApplicationScoped
public class ProviderTransitions {
    private final ProviderRepository providers;
    private final Outbox outbox;
    private final AuditLog audit;

    public ProviderTransitions(ProviderRepository providers, Outbox outbox, AuditLog audit) {
        this.providers = providers;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** Applies {@code step} to the locked provider; a step that changes nothing (null) is neither published nor audited. */
    Provider apply(Actor actor, UUID providerId, String action, Function<Provider, StatusChange> step) {
        Provider p = locked(providerId);
        Map<String, Object> before = p.snapshot();
        StatusChange change = step.apply(p);
        if (change != null) {
            publish(p, change);
            audit.record(actor, action, "Provider", p.id(), before, p.snapshot());
        }
        return p;
    }

    Provider locked(UUID providerId) {
        return providers.forUpdate(providerId).orElseThrow(() -> DomainException.notFound("Provider", providerId));
    }

    void publish(Provider p, StatusChange change) {
        outbox.append(ProviderEvents.TOPIC, p.id().toString(), ProviderEvents.STATUS_CHANGED, p.id().toString(),
                p.statusChanged(change));
    }
}
