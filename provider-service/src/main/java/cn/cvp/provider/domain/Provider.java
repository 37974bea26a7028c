package cn.cvp.provider.domain;

import cn.cvp.kit.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A compute provider (算力服务机构 / 算力伙伴), identified by its 统一社会信用代码, and its accreditation. */
@Entity
@Table(name = "provider")
public class Provider extends PanacheEntityBase {
    /** SH onboarding rule (usable by any programme): a legal entity operating for at least two years. */
    public static final int MIN_YEARS_OPERATING = 2;

    @Id
    public UUID id;
    @Column(name = "credit_code")
    public String creditCode;
    public String name;
    /** Six-digit administrative division code of the registered address, e.g. 110105. */
    public String region;
    @Column(name = "years_operating")
    public int yearsOperating;
    /** The fixed site (固定场所) where the compute is operated. */
    public String site;
    /** Privately invested (民间投资): what Shanghai requires of listed service institutions. */
    @Column(name = "privately_invested")
    public boolean privatelyInvested;
    /** Declared shareholders and controllers (credit codes or names), for related-party checks. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "related_parties", columnDefinition = "jsonb")
    public List<String> relatedParties;
    /** Programme codes the provider is accredited to serve, e.g. BJ-AICV (算力伙伴) or SH-ICV (服务机构). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "programme_memberships", columnDefinition = "jsonb")
    public List<String> programmeMemberships;
    @Enumerated(EnumType.STRING)
    public ProviderStatus status;
    @Column(name = "status_reason")
    public String statusReason;
    @Column(name = "registered_at")
    public OffsetDateTime registeredAt;
    @Column(name = "status_changed_at")
    public OffsetDateTime statusChangedAt;
    @Version
    @Column(name = "row_version")
    public long rowVersion;

    public static Provider register(Registration registration, OffsetDateTime now) {
        Provider p = new Provider();
        p.id = UUID.randomUUID();
        p.creditCode = registration.creditCode();
        p.name = registration.name();
        p.region = registration.region();
        p.yearsOperating = registration.yearsOperating();
        p.site = registration.site();
        p.privatelyInvested = registration.privatelyInvested();
        p.relatedParties = List.copyOf(registration.relatedParties());
        p.programmeMemberships = List.of();
        p.status = ProviderStatus.REGISTERED;
        p.registeredAt = now;
        p.statusChangedAt = now;
        return p;
    }

    public static Optional<Provider> byCreditCode(String creditCode) {
        return find("creditCode", creditCode).firstResultOptional();
    }

    /**
     * A step of the regular accreditation lifecycle; an illegal one is refused with the current status
     * and changes nothing.
     */
    public StatusChange moveTo(ProviderStatus target, String reason, OffsetDateTime now) {
        if (!status.canMoveTo(target)) {
            throw ProblemException.illegalState("Provider", status, "moved to " + target);
        }
        return change(target, reason, now);
    }

    /**
     * Walking-skeleton fast track: an administrator lists a provider that is still onboarding straight
     * away (ACTIVE) for the given programmes. It stands in for self-assessment, verification and public
     * notice until those steps exist; the onboarding criteria are checked all the same.
     */
    public StatusChange accredit(List<String> programmes, String reason, OffsetDateTime now) {
        if (!status.isOnboarding()) {
            throw ProblemException.illegalState("Provider", status, "accredited");
        }
        List<String> unmet = unmetCriteria();
        if (!unmet.isEmpty()) {
            throw new ProblemException(422, "ACCREDITATION_CRITERIA_NOT_MET",
                    "The provider does not meet the accreditation criteria: " + String.join("; ", unmet),
                    "服务机构不符合认定条件：" + String.join("；", unmetCriteriaZh()),
                    Map.of("unmet", unmet), List.of());
        }
        programmeMemberships = programmes.stream().distinct().sorted().toList();
        return change(ProviderStatus.ACTIVE, reason, now);
    }

    /** Refuses new or newly published capacity while suspended, removed or exited. */
    public void requireMayOfferCapacity() {
        if (!status.mayOfferCapacity()) {
            throw ProblemException.illegalState("Provider", status, "offering capacity");
        }
    }

    private List<String> unmetCriteria() {
        List<String> unmet = new ArrayList<>();
        if (yearsOperating < MIN_YEARS_OPERATING) {
            unmet.add("operating for at least " + MIN_YEARS_OPERATING + " years (declared " + yearsOperating + ")");
        }
        if (site == null || site.isBlank()) {
            unmet.add("a fixed site");
        }
        return unmet;
    }

    private List<String> unmetCriteriaZh() {
        List<String> unmet = new ArrayList<>();
        if (yearsOperating < MIN_YEARS_OPERATING) {
            unmet.add("成立满 " + MIN_YEARS_OPERATING + " 年（申报 " + yearsOperating + " 年）");
        }
        if (site == null || site.isBlank()) {
            unmet.add("有固定场所");
        }
        return unmet;
    }

    private StatusChange change(ProviderStatus target, String reason, OffsetDateTime now) {
        StatusChange change = new StatusChange(status, target, reason);
        status = target;
        statusReason = reason;
        statusChangedAt = now;
        return change;
    }

    /** What a provider declares when it registers. */
    public record Registration(String creditCode, String name, String region, int yearsOperating, String site,
                               boolean privatelyInvested, List<String> relatedParties) {
    }
}
