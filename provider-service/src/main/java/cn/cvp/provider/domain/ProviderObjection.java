package cn.cvp.provider.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An objection (异议) to a provider's listing, filed during its public notice; it is kept for the record. */
@Entity
@Table(name = "provider_objection")
public class ProviderObjection extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "provider_id")
    public UUID providerId;
    @Column(name = "filed_by")
    public String filedBy;
    @Column(name = "filed_by_organisation")
    public String filedByOrganisation;
    public String reason;
    @Column(name = "notice_started_at")
    public OffsetDateTime noticeStartedAt;
    @Column(name = "filed_at")
    public OffsetDateTime filedAt;

    public static ProviderObjection file(Provider provider, String filedBy, String organisation, String reason,
                                         OffsetDateTime now) {
        ProviderObjection o = new ProviderObjection();
        o.id = UUID.randomUUID();
        o.providerId = provider.id;
        o.filedBy = filedBy;
        o.filedByOrganisation = organisation;
        o.reason = reason;
        o.noticeStartedAt = provider.noticeStartedAt;
        o.filedAt = now;
        return o;
    }
}
