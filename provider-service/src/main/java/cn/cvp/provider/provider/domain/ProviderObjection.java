package cn.cvp.provider.provider.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An objection (异议) to a provider's listing, filed during its public notice; it is kept for the record. */
@Entity
@Table(name = "provider_objection")
public class ProviderObjection {
    @Id
    private UUID id;
    @Column(name = "provider_id")
    private UUID providerId;
    @Column(name = "filed_by")
    private String filedBy;
    @Column(name = "filed_by_organisation")
    private String filedByOrganisation;
    private String reason;
    @Column(name = "notice_started_at")
    private OffsetDateTime noticeStartedAt;
    @Column(name = "filed_at")
    private OffsetDateTime filedAt;

    protected ProviderObjection() {
    }

    public static ProviderObjection file(Provider provider, String filedBy, String organisation, String reason,
                                         OffsetDateTime now) {
        ProviderObjection o = new ProviderObjection();
        o.id = UUID.randomUUID();
        o.providerId = provider.id();
        o.filedBy = filedBy;
        o.filedByOrganisation = organisation;
        o.reason = reason;
        o.noticeStartedAt = provider.noticeStartedAt();
        o.filedAt = now;
        return o;
    }

    public UUID id() { return id; }
    public UUID providerId() { return providerId; }
    public String filedBy() { return filedBy; }
    public String filedByOrganisation() { return filedByOrganisation; }
    public String reason() { return reason; }
    public OffsetDateTime noticeStartedAt() { return noticeStartedAt; }
    public OffsetDateTime filedAt() { return filedAt; }
}
