package cn.cvp.voucher.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A provider as voucher-service knows it from provider.events: enough to let it redeem its own lines. */
@Entity
@Table(name = "provider_directory")
public class ProviderDirectoryEntry extends PanacheEntityBase {
    @Id
    @Column(name = "provider_id")
    public UUID providerId;
    @Column(name = "credit_code")
    public String creditCode;
    public String name;
}
