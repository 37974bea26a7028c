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
import java.util.LinkedHashMap;
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
    /** What the provider declared in its self-assessment (自评). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "self_assessment", columnDefinition = "jsonb")
    public Map<String, Object> selfAssessment;
    @Column(name = "self_assessed_at")
    public OffsetDateTime selfAssessedAt;
    /** The programmes the provider asked to serve in its self-assessment. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "requested_programmes", columnDefinition = "jsonb")
    public List<String> requestedProgrammes;
    /** The standing an administrator approved at verification; becomes the memberships when listed. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "approved_programmes", columnDefinition = "jsonb")
    public List<String> approvedProgrammes;
    @Column(name = "notice_started_at")
    public OffsetDateTime noticeStartedAt;
    @Column(name = "notice_ends_at")
    public OffsetDateTime noticeEndsAt;
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
        p.requestedProgrammes = List.of();
        p.approvedProgrammes = List.of();
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
     * Administrator's shortcut: lists a provider that is still onboarding straight away (ACTIVE) for the
     * given programmes, e.g. one already listed under the paper procedure. The regular path is
     * self-assessment → verification → public notice → listing; the onboarding criteria are checked all
     * the same.
     */
    public StatusChange accredit(List<String> programmes, String reason, OffsetDateTime now) {
        if (!status.isOnboarding()) {
            throw ProblemException.illegalState("Provider", status, "accredited");
        }
        requireCriteria();
        approvedProgrammes = sortedDistinct(programmes);
        programmeMemberships = approvedProgrammes;
        clearNotice();
        return change(ProviderStatus.ACTIVE, reason, now);
    }

    /**
     * The provider's self-assessment (自评) against the onboarding criteria: REGISTERED → SELF_ASSESSED.
     * A provider whose self-assessment was sent back from verification may submit a revised one.
     */
    public StatusChange selfAssess(SelfAssessment assessment, OffsetDateTime now) {
        if (status != ProviderStatus.REGISTERED && status != ProviderStatus.SELF_ASSESSED) {
            throw ProblemException.illegalState("Provider", status, "self-assessed");
        }
        requireCriteria();
        if (!assessment.legalEntity() || !assessment.fixedSite()) {
            throw new ProblemException(422, "ACCREDITATION_CRITERIA_NOT_MET",
                    "The self-assessment must confirm an independent legal entity and a fixed site",
                    "自评须确认具有独立法人资格和固定场所",
                    Map.of("unmet", List.of("legal entity and fixed site confirmed")), List.of());
        }
        Map<String, Object> declared = new LinkedHashMap<>();
        declared.put("legalEntity", assessment.legalEntity());
        declared.put("fixedSite", assessment.fixedSite());
        declared.put("priceListRef", assessment.priceListRef());
        declared.put("statement", assessment.statement());
        selfAssessment = declared;
        selfAssessedAt = now;
        requestedProgrammes = sortedDistinct(assessment.programmes());
        return change(ProviderStatus.SELF_ASSESSED, null, now);
    }

    /** An administrator starts platform verification (平台核验): SELF_ASSESSED → VERIFYING. */
    public StatusChange startVerification(String reason, OffsetDateTime now) {
        return moveTo(ProviderStatus.VERIFYING, reason, now);
    }

    /** Verification sends the self-assessment back for rework: VERIFYING → SELF_ASSESSED (reason required). */
    public StatusChange returnSelfAssessment(String reason, OffsetDateTime now) {
        if (status != ProviderStatus.VERIFYING) {
            throw ProblemException.illegalState("Provider", status, "returned to self-assessment");
        }
        return change(ProviderStatus.SELF_ASSESSED, reason, now);
    }

    /**
     * Verification passed: VERIFYING → PUBLIC_NOTICE (公示) for {@code noticeDays} days, with the
     * programme standing the administrator approved (the requested programmes when none given).
     */
    public StatusChange verified(List<String> programmes, int noticeDays, String reason, OffsetDateTime now) {
        if (status != ProviderStatus.VERIFYING) {
            throw ProblemException.illegalState("Provider", status, "put on public notice");
        }
        List<String> approved = sortedDistinct(programmes == null || programmes.isEmpty() ? requestedProgrammes
                : programmes);
        if (approved.isEmpty()) {
            throw new ProblemException(422, "NO_PROGRAMME_STANDING",
                    "Name at least one programme the provider will serve (it requested none)",
                    "须至少指定一个服务的项目（该机构未申请任何项目）");
        }
        approvedProgrammes = approved;
        noticeStartedAt = now;
        noticeEndsAt = now.plusDays(noticeDays);
        return change(ProviderStatus.PUBLIC_NOTICE, reason, now);
    }

    /** Whether the public notice is running at {@code now} (objections are accepted). */
    public boolean noticeOpen(OffsetDateTime now) {
        return status == ProviderStatus.PUBLIC_NOTICE && noticeEndsAt != null && now.isBefore(noticeEndsAt);
    }

    /** An objection during the public notice sends the provider back to verification. */
    public StatusChange objected(String reason, OffsetDateTime now) {
        if (!noticeOpen(now)) {
            throw new ProblemException(409, "NOTICE_NOT_OPEN",
                    "Provider " + id + " is not on public notice" + (noticeEndsAt != null
                            && status == ProviderStatus.PUBLIC_NOTICE ? " any more (it ended at " + noticeEndsAt + ")" : ""),
                    "该机构当前不在公示期内", Map.of("currentState", status.name()), List.of());
        }
        clearNotice();
        return change(ProviderStatus.VERIFYING, "OBJECTION: " + reason, now);
    }

    /** The notice ended without objection: PUBLIC_NOTICE → ACTIVE (listed) with the approved standing. */
    public StatusChange concludeNotice(OffsetDateTime now) {
        if (status != ProviderStatus.PUBLIC_NOTICE) {
            throw ProblemException.illegalState("Provider", status, "listed");
        }
        if (now.isBefore(noticeEndsAt)) {
            throw new ProblemException(409, "NOTICE_PERIOD_NOT_OVER",
                    "The public notice of provider " + id + " runs until " + noticeEndsAt,
                    "该机构的公示期至 " + noticeEndsAt + " 才结束",
                    Map.of("currentState", status.name(), "noticeEndsAt", noticeEndsAt.toString()), List.of());
        }
        programmeMemberships = approvedProgrammes;
        return change(ProviderStatus.ACTIVE, "public notice ended without objection", now);
    }

    public StatusChange suspend(String reason, OffsetDateTime now) {
        return moveTo(ProviderStatus.SUSPENDED, reason, now, ProviderStatus.ACTIVE);
    }

    public StatusChange reinstate(String reason, OffsetDateTime now) {
        return moveTo(ProviderStatus.ACTIVE, reason, now, ProviderStatus.SUSPENDED);
    }

    /** Removed from the list by the administrators (final); it serves no programme any more. */
    public StatusChange remove(String reason, OffsetDateTime now) {
        StatusChange c = moveTo(ProviderStatus.REMOVED, reason, now, ProviderStatus.ACTIVE, ProviderStatus.SUSPENDED);
        programmeMemberships = List.of();
        return c;
    }

    /** The provider leaves the programme (final), from any status that is not final. */
    public StatusChange exit(String reason, OffsetDateTime now) {
        StatusChange c = moveTo(ProviderStatus.EXITED, reason, now);
        programmeMemberships = List.of();
        clearNotice();
        return c;
    }

    /** Grants standing in a programme to a listed (or suspended) provider; status unchanged. */
    public StatusChange grantProgramme(String programme, OffsetDateTime now) {
        requireListed("granted a programme");
        if (programmeMemberships.contains(programme)) {
            return null;
        }
        List<String> next = new ArrayList<>(programmeMemberships);
        next.add(programme);
        programmeMemberships = sortedDistinct(next);
        approvedProgrammes = programmeMemberships;
        return change(status, "PROGRAMME_GRANTED: " + programme, now);
    }

    /** Withdraws standing in a programme; status unchanged. */
    public StatusChange withdrawProgramme(String programme, String reason, OffsetDateTime now) {
        requireListed("withdrawn from a programme");
        if (!programmeMemberships.contains(programme)) {
            return null;
        }
        programmeMemberships = programmeMemberships.stream().filter(p -> !p.equals(programme)).toList();
        approvedProgrammes = programmeMemberships;
        return change(status, "PROGRAMME_WITHDRAWN: " + programme + (reason == null ? "" : " — " + reason), now);
    }

    private void requireListed(String what) {
        if (status != ProviderStatus.ACTIVE && status != ProviderStatus.SUSPENDED) {
            throw ProblemException.illegalState("Provider", status, what);
        }
    }

    private StatusChange moveTo(ProviderStatus target, String reason, OffsetDateTime now, ProviderStatus... from) {
        if (!List.of(from).contains(status)) {
            throw ProblemException.illegalState("Provider", status, "moved to " + target);
        }
        return moveTo(target, reason, now);
    }

    private void clearNotice() {
        noticeStartedAt = null;
        noticeEndsAt = null;
    }

    private void requireCriteria() {
        List<String> unmet = unmetCriteria();
        if (!unmet.isEmpty()) {
            throw new ProblemException(422, "ACCREDITATION_CRITERIA_NOT_MET",
                    "The provider does not meet the accreditation criteria: " + String.join("; ", unmet),
                    "服务机构不符合认定条件：" + String.join("；", unmetCriteriaZh()),
                    Map.of("unmet", unmet), List.of());
        }
    }

    private static List<String> sortedDistinct(List<String> programmes) {
        return programmes == null ? List.of() : programmes.stream().distinct().sorted().toList();
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

    /** What a provider declares in its self-assessment, and the programmes it asks to serve. */
    public record SelfAssessment(boolean legalEntity, boolean fixedSite, String priceListRef, String statement,
                                 List<String> programmes) {
    }

    /** What a provider declares when it registers. */
    public record Registration(String creditCode, String name, String region, int yearsOperating, String site,
                               boolean privatelyInvested, List<String> relatedParties) {
    }
}
