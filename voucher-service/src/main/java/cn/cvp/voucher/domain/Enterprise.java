package cn.cvp.voucher.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** An applicant organisation (企业), identified by its 统一社会信用代码. */
@Entity
@Table(name = "enterprise")
public class Enterprise extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "credit_code")
    public String creditCode;
    public String name;
    /** Six-digit administrative division code of the registered address, e.g. 110108. */
    public String region;
    public String industry;
    public String size;
    public boolean startup;
    /** An incubated team rather than a company (Shanghai allows them with a lower cap). */
    public boolean team;
    public String ownership;
    /** A dishonesty (失信) record within the programme's look-back period. */
    public boolean dishonest;
    /** Declared shareholders and controllers (credit codes or names), for related-party checks. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "related_parties", columnDefinition = "jsonb")
    public List<String> relatedParties;
    @Column(name = "registered_at")
    public OffsetDateTime registeredAt;
    @Version
    @Column(name = "row_version")
    public long rowVersion;

    public static Optional<Enterprise> byCreditCode(String creditCode) {
        return find("creditCode", creditCode).firstResultOptional();
    }
}
