package cn.cvp.voucher.settlement.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A provider (算力服务机构) as voucher-service knows it from provider.events: enough to let it redeem its own lines,
 * and its standing — status, the programmes it may serve, its declared related parties — for the contract-first
 * rule that the contracted provider is a partner of the programme (review's {@code ContractProvider}).
 */
@Entity
@Table(name = "provider_directory")
public class ProviderDirectoryEntry {
    public static final String ACTIVE = "ACTIVE";

    @Id
    @Column(name = "provider_id")
    private UUID providerId;
    @Column(name = "credit_code")
    private String creditCode;
    private String name;
    private String status;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "programme_memberships", columnDefinition = "jsonb")
    private List<String> programmeMemberships;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "related_parties", columnDefinition = "jsonb")
    private List<String> relatedParties;

    protected ProviderDirectoryEntry() {
    }

    public static ProviderDirectoryEntry of(UUID providerId, String creditCode, String name) {
        ProviderDirectoryEntry e = new ProviderDirectoryEntry();
        e.providerId = providerId;
        e.creditCode = creditCode;
        e.name = name == null ? "" : name;
        e.status = "REGISTERED";
        e.programmeMemberships = new ArrayList<>();
        e.relatedParties = new ArrayList<>();
        return e;
    }

    /** A later event may rename the provider; its credit code stays what it registered with. */
    public void rename(String name) {
        if (name != null) {
            this.name = name;
        }
    }

    /**
     * The provider's standing as its latest event tells it; what the event leaves out (null) stays as it was
     * (provider.registered.v1 names no programme memberships).
     */
    public void standing(String status, List<String> programmeMemberships, List<String> relatedParties) {
        if (status != null) {
            this.status = status;
        }
        if (programmeMemberships != null) {
            this.programmeMemberships = new ArrayList<>(programmeMemberships);
        }
        if (relatedParties != null) {
            this.relatedParties = new ArrayList<>(relatedParties);
        }
    }

    /** ACTIVE and a member (partner / listed institution) of the programme. */
    public boolean isPartnerOf(String programmeCode) {
        return ACTIVE.equals(status) && programmeMemberships().contains(programmeCode);
    }

    public UUID providerId() { return providerId; }
    public String creditCode() { return creditCode; }
    public String name() { return name; }
    public String status() { return status; }
    public List<String> programmeMemberships() { return programmeMemberships == null ? List.of() : List.copyOf(programmeMemberships); }
    public List<String> relatedParties() { return relatedParties == null ? List.of() : List.copyOf(relatedParties); }
}
