package cn.cvp.voucher.enterprise.domain;

import cn.cvp.kit.domain.DomainException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
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
    /**
     * The enterprise's own declaration of a dishonesty (失信) record, undated: it counts whatever the look-back (the
     * declaration is kept as made; dated records come from the programme office, {@link #dishonestyRecords}).
     */
    private boolean dishonest;
    @ElementCollection
    @CollectionTable(name = "enterprise_dishonesty_record", joinColumns = @JoinColumn(name = "enterprise_id"))
    private List<DishonestyRecord> dishonestyRecords = new ArrayList<>();
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

    /**
     * Whether the enterprise is barred by dishonesty under a look-back of {@code years}: its own undated
     * declaration, or a record dated within the look-back.
     */
    public boolean dishonestWithin(LocalDate today, int years) {
        return dishonest || dishonestyRecords.stream().anyMatch(r -> r.within(today, years));
    }

    /** Adds a dated record; the same registry reference twice is refused, a record dated in the future too. */
    public void recordDishonesty(DishonestyRecord record, LocalDate today) {
        if (record.recordedOn().isAfter(today)) {
            throw DomainException.invalid("RECORD_DATE_IN_FUTURE",
                    "A dishonesty record cannot be dated after today (" + today + ")",
                    "失信记录日期不能晚于今天（" + today + "）");
        }
        if (dishonestyRecords.stream().anyMatch(r -> r.reference().equals(record.reference()))) {
            throw DomainException.conflict("DISHONESTY_RECORD_EXISTS",
                    "Record " + record.reference() + " is already entered for " + creditCode,
                    "失信记录 " + record.reference() + " 已录入");
        }
        dishonestyRecords.add(record);
    }

    /** Newest first. */
    public List<DishonestyRecord> dishonestyRecords() {
        return dishonestyRecords.stream()
                .sorted(Comparator.comparing(DishonestyRecord::recordedOn).reversed()).toList();
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
