package cn.cvp.provider.provider.persistence;

import cn.cvp.provider.provider.domain.Provider;
import cn.cvp.provider.provider.domain.ProviderStatus;
import cn.cvp.provider.support.Page;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ProviderRepository implements PanacheRepositoryBase<Provider, UUID> {

    /** The provider registered under a 统一社会信用代码 (one at most: the column is unique). */
    public Optional<Provider> byCreditCode(String creditCode) {
        return find("creditCode", creditCode).firstResultOptional();
    }

    /** The provider, locked until the transaction ends. */
    public Optional<Provider> forUpdate(UUID providerId) {
        return findByIdOptional(providerId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Providers on public notice (公示), soonest ending first. */
    public List<Provider> onPublicNotice() {
        return list("status = ?1 order by noticeEndsAt, id", ProviderStatus.PUBLIC_NOTICE);
    }

    /** The providers whose public notice has ended by {@code now}. */
    public List<UUID> noticeEndedBy(OffsetDateTime now) {
        return list("status = ?1 and noticeEndsAt <= ?2", ProviderStatus.PUBLIC_NOTICE, now).stream()
                .map(Provider::id).toList();
    }

    /** Providers, optionally in one status, newest registration first. */
    public List<Provider> page(ProviderStatus status, Page page) {
        return (status == null ? find("order by registeredAt desc, id")
                : find("status = ?1 order by registeredAt desc, id", status))
                .page(page.index(), page.size()).list();
    }
}
