package cn.cvp.voucher.settlement.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A provider as voucher-service knows it from provider.events: enough to let it redeem its own lines. */
@Entity
@Table(name = "provider_directory")
public class ProviderDirectoryEntry {
    @Id
    @Column(name = "provider_id")
    private UUID providerId;
    @Column(name = "credit_code")
    private String creditCode;
    private String name;

    protected ProviderDirectoryEntry() {
    }

    public static ProviderDirectoryEntry of(UUID providerId, String creditCode, String name) {
        ProviderDirectoryEntry e = new ProviderDirectoryEntry();
        e.providerId = providerId;
        e.creditCode = creditCode;
        e.name = name == null ? "" : name;
        return e;
    }

    /** A later event may rename the provider; its credit code stays what it registered with. */
    public void rename(String name) {
        if (name != null) {
            this.name = name;
        }
    }

    public UUID providerId() { return providerId; }
    public String creditCode() { return creditCode; }
    public String name() { return name; }
}
