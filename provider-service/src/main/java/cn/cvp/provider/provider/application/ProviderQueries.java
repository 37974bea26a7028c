package cn.cvp.provider.provider.application;

import cn.cvp.kit.domain.DomainException;
import cn.cvp.provider.provider.domain.Provider;
import cn.cvp.provider.provider.domain.ProviderStatus;
import cn.cvp.provider.provider.persistence.ProviderRepository;
import cn.cvp.provider.support.Page;
import cn.cvp.provider.support.Viewer;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Providers as the callers may see them, and the provider an organisation acts as (also for the other contexts: a
 * provider user acts only for its own organisation). Another tenant's provider answers 404 as if it did not exist.
 */
@ApplicationScoped
public class ProviderQueries {
    private final ProviderRepository providers;

    public ProviderQueries(ProviderRepository providers) {
        this.providers = providers;
    }

    /** The organisation's provider, if it has registered. */
    public Optional<Provider> findRegistered(String organisation) {
        return organisation == null ? Optional.empty() : providers.byCreditCode(organisation);
    }

    /**
     * Whose rows a viewer's lists show: everyone's ({@code providerId} null) for administrators and auditors, its own
     * provider's, or nothing at all for an organisation that has not registered.
     */
    public record ListScope(boolean nothing, UUID providerId) {
    }

    public ListScope listScope(Viewer viewer) {
        if (viewer.seesAll()) {
            return new ListScope(false, null);
        }
        return findRegistered(viewer.organisation()).map(p -> new ListScope(false, p.id()))
                .orElseGet(() -> new ListScope(true, null));
    }

    /** The caller's own provider, or 404 PROVIDER_NOT_REGISTERED. */
    public Provider mine(String organisation) {
        return findRegistered(organisation).orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND,
                "PROVIDER_NOT_REGISTERED",
                "Your organisation " + organisation + " has not registered as a provider yet",
                "您的组织 " + organisation + " 尚未登记为算力服务机构"));
    }

    /** The provider the caller acts for; refused (403 PROVIDER_NOT_REGISTERED) when its organisation has not registered. */
    public Provider actingAs(String organisation) {
        return findRegistered(organisation).orElseThrow(() -> DomainException.forbidden("PROVIDER_NOT_REGISTERED",
                "Your organisation " + organisation + " must register as a provider first",
                "您的组织 " + organisation + " 须先登记为算力服务机构"));
    }

    /** A provider the viewer may see; another tenant's answers 404 as if it did not exist. */
    public Provider visibleTo(Viewer viewer, UUID providerId) {
        return providers.findByIdOptional(providerId)
                .filter(p -> viewer.seesAll() || viewer.owns(p.creditCode()))
                .orElseThrow(() -> DomainException.notFound("Provider", providerId));
    }

    /** Administrators and auditors: providers, optionally in one status, newest registration first. */
    public List<Provider> list(ProviderStatus status, Page page) {
        return providers.page(status, page);
    }

    /** Providers on public notice (公示), soonest ending first: anyone authenticated may read them. */
    public List<Provider> onPublicNotice() {
        return providers.onPublicNotice();
    }
}
