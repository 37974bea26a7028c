package cn.cvp.voucher.enterprise.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An applicant organisation (企业), identified by its 统一社会信用代码. */
@Entity
@Table(name = "enterprise")
public class Enterprise {
    @Id
    private UUID id;
    @Column(name = "credit_code")
    private String creditCode;
    private String name;
    /** Six-digit administrative division code of the registered address, e.g. 110108. */
    private String region;
    private String industry;
    private String size;
    private boolean startup;
    /** An incubated team rather than a company (Shanghai allows them with a lower cap). */
    private boolean team;
    private String ownership;
    /** A dishonesty (失信) record within the programme's look-back period. */
    private boolean dishonest;
    /** Declared shareholders and controllers (credit codes or names), for related-party checks. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "related_parties", columnDefinition = "jsonb")
    private List<String> relatedParties;
    @Column(name = "registered_at")
    private OffsetDateTime registeredAt;
    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected Enterprise() {
    }

    /** What an enterprise declares about itself when it registers. */
    public record Profile(String name, String creditCode, String region, Industry industry, EnterpriseSize size,
                          boolean startup, boolean team, Ownership ownership, boolean dishonest,
                          List<String> relatedParties) {
    }

    public static Enterprise register(UUID id, Profile profile, OffsetDateTime at) {
        Enterprise e = new Enterprise();
        e.id = id;
        e.creditCode = profile.creditCode();
        e.name = profile.name();
        e.region = profile.region();
        e.industry = profile.industry().name();
        e.size = profile.size().name();
        e.startup = profile.startup();
        e.team = profile.team();
        e.ownership = profile.ownership().name();
        e.dishonest = profile.dishonest();
        e.relatedParties = profile.relatedParties() == null ? List.of() : List.copyOf(profile.relatedParties());
        e.registeredAt = at;
        return e;
    }

    public UUID id() { return id; }
    public String creditCode() { return creditCode; }
    public String name() { return name; }
    public String region() { return region; }
    public String industry() { return industry; }
    public String size() { return size; }
    public boolean startup() { return startup; }
    public boolean team() { return team; }
    public String ownership() { return ownership; }
    public boolean dishonest() { return dishonest; }
    public List<String> relatedParties() { return relatedParties; }
    public OffsetDateTime registeredAt() { return registeredAt; }
}
