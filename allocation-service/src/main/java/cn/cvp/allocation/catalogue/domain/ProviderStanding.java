package cn.cvp.allocation.catalogue.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What allocation-service knows of a provider (算力服务机构): its accreditation status, the programmes it
 * may serve, whether it is privately invested (民间投资) and its related parties. A read model of
 * provider.registered.v1 and provider.status-changed.v1.
 */
@Entity
@Table(name = "provider_standing")
public class ProviderStanding {
    public static final String ACTIVE = "ACTIVE";

    @Id
    @Column(name = "provider_id")
    private UUID providerId;
    @Column(name = "credit_code", nullable = false)
    private String creditCode;
    private String name;
    private String region;
    @Column(name = "privately_invested", nullable = false)
    private boolean privatelyInvested;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "related_parties", nullable = false)
    private String[] relatedParties = new String[0];
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "programme_memberships", nullable = false)
    private String[] programmeMemberships = new String[0];
    @Column(nullable = false)
    private String status;
    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected ProviderStanding() {
    }

    public static ProviderStanding registered(UUID providerId, String creditCode, String name, String region,
                                              boolean privatelyInvested, List<String> relatedParties, String status,
                                              OffsetDateTime now) {
        ProviderStanding p = new ProviderStanding();
        p.providerId = providerId;
        p.creditCode = creditCode;
        p.name = name;
        p.region = region;
        p.privatelyInvested = privatelyInvested;
        p.relatedParties = relatedParties.toArray(String[]::new);
        p.status = status;
        p.updatedAt = now;
        return p;
    }

    /** A status change we saw before (or without) the registration: start from what the change says. */
    public static ProviderStanding fromStatusChange(UUID providerId, String creditCode, OffsetDateTime now) {
        ProviderStanding p = new ProviderStanding();
        p.providerId = providerId;
        p.creditCode = creditCode;
        p.status = "REGISTERED";
        p.updatedAt = now;
        return p;
    }

    /** Registration details arriving for a provider we already know: keep its later status. */
    public void refreshRegistration(String creditCode, String name, String region, boolean privatelyInvested,
                                    List<String> relatedParties, OffsetDateTime now) {
        this.creditCode = creditCode;
        this.name = name;
        this.region = region;
        this.privatelyInvested = privatelyInvested;
        this.relatedParties = relatedParties.toArray(String[]::new);
        this.updatedAt = now;
    }

    public void changeStatus(String creditCode, String status, List<String> programmeMemberships,
                             Boolean privatelyInvested, List<String> relatedParties, OffsetDateTime now) {
        if (creditCode != null) {
            this.creditCode = creditCode;
        }
        this.status = status;
        if (programmeMemberships != null) {
            this.programmeMemberships = programmeMemberships.toArray(String[]::new);
        }
        if (privatelyInvested != null) {
            this.privatelyInvested = privatelyInvested;
        }
        if (relatedParties != null) {
            this.relatedParties = relatedParties.toArray(String[]::new);
        }
        this.updatedAt = now;
    }

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    /** The state recorded in the audit log. */
    public Snapshot snapshot() {
        return new Snapshot(providerId, creditCode, name, status, privatelyInvested,
                List.of(programmeMemberships), List.of(relatedParties));
    }

    public record Snapshot(UUID providerId, String creditCode, String name, String status, boolean privatelyInvested,
                           List<String> programmeMemberships, List<String> relatedParties) {
    }

    public UUID providerId() { return providerId; }
    public String creditCode() { return creditCode; }
    public String name() { return name; }
    public String region() { return region; }
    public boolean privatelyInvested() { return privatelyInvested; }
    public List<String> relatedParties() { return List.of(relatedParties); }
    public List<String> programmeMemberships() { return List.of(programmeMemberships); }
    public String status() { return status; }
}
