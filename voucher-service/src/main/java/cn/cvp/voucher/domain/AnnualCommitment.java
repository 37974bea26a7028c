package cn.cvp.voucher.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.UUID;

/** What an enterprise has committed under a programme in one calendar year: the annual cap's counter. */
@Entity
@Table(name = "enterprise_annual_commitment")
public class AnnualCommitment extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    @Column(name = "committed_fen")
    public long committedFen;
    /** Requested subsidies of applications under review. */
    @Column(name = "reserved_fen")
    public long reservedFen;

    @Embeddable
    public record Key(@Column(name = "enterprise_id") UUID enterpriseId,
                      @Column(name = "programme_id") UUID programmeId,
                      int year) implements Serializable {
    }
}
