package cn.cvp.provider.provider.domain;

import cn.cvp.kit.domain.DomainException;
import cn.cvp.provider.provider.events.ProviderEvents;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A compute provider (算力服务机构 / 算力伙伴), identified by its 统一社会信用代码, and its accreditation:
 * {@link ProviderStatus} is the state machine, {@link ProviderCriteria} the onboarding criteria,
 * {@link PublicNotice} the notice period (公示) and {@link ProgrammeStanding} the programmes it may serve. Every step
 * checks the current status first and returns the {@link StatusChange} it made; an illegal one changes nothing.
 */
@Entity
@Table(name = "provider")
public class Provider {
    @Id
    private UUID id;
    @Column(name = "credit_code")
    private String creditCode;
    private String name;
    /** Six-digit administrative division code of the registered address, e.g. 110105. */
    private String region;
    @Column(name = "years_operating")
    private int yearsOperating;
    /** The fixed site (固定场所) where the compute is operated. */
    private String site;
    /** Privately invested (民间投资): what Shanghai requires of listed service institutions. */
    @Column(name = "privately_invested")
    private boolean privatelyInvested;
    /** Declared shareholders and controllers (credit codes or names), for related-party checks. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "related_parties", columnDefinition = "jsonb")
    private List<String> relatedParties;
    /** Programme codes the provider is accredited to serve, e.g. BJ-AICV (算力伙伴) or SH-ICV (服务机构). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "programme_memberships", columnDefinition = "jsonb")
    private List<String> programmeMemberships;
    @Enumerated(EnumType.STRING)
    private ProviderStatus status;
    @Column(name = "status_reason")
    private String statusReason;
    @Column(name = "registered_at")
    private OffsetDateTime registeredAt;
    @Column(name = "status_changed_at")
    private OffsetDateTime statusChangedAt;
    /** What the provider declared in its self-assessment (自评). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "self_assessment", columnDefinition = "jsonb")
    private Map<String, Object> selfAssessment;
    @Column(name = "self_assessed_at")
    private OffsetDateTime selfAssessedAt;
    /** The programmes the provider asked to serve in its self-assessment. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "requested_programmes", columnDefinition = "jsonb")
    private List<String> requestedProgrammes;
    /** The standing an administrator approved at verification; becomes the memberships when listed. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "approved_programmes", columnDefinition = "jsonb")
    private List<String> approvedProgrammes;
    @Column(name = "notice_started_at")
    private OffsetDateTime noticeStartedAt;
    @Column(name = "notice_ends_at")
    private OffsetDateTime noticeEndsAt;
    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected Provider() {
    }

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

    /**
     * A step of the regular accreditation lifecycle; an illegal one is refused with the current status
     * and changes nothing.
     */
    public StatusChange moveTo(ProviderStatus target, String reason, OffsetDateTime now) {
        if (!status.canMoveTo(target)) {
            throw DomainException.illegalState("Provider", status, "moved to " + target);
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
            throw DomainException.illegalState("Provider", status, "accredited");
        }
        ProviderCriteria.require(yearsOperating, site);
        approvedProgrammes = ProgrammeStanding.normalised(programmes);
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
            throw DomainException.illegalState("Provider", status, "self-assessed");
        }
        ProviderCriteria.require(yearsOperating, site);
        ProviderCriteria.requireConfirmed(assessment.legalEntity(), assessment.fixedSite());
        Map<String, Object> declared = new LinkedHashMap<>();
        declared.put("legalEntity", assessment.legalEntity());
        declared.put("fixedSite", assessment.fixedSite());
        declared.put("priceListRef", assessment.priceListRef());
        declared.put("statement", assessment.statement());
        selfAssessment = declared;
        selfAssessedAt = now;
        requestedProgrammes = ProgrammeStanding.normalised(assessment.programmes());
        return change(ProviderStatus.SELF_ASSESSED, null, now);
    }

    /** An administrator starts platform verification (平台核验): SELF_ASSESSED → VERIFYING. */
    public StatusChange startVerification(String reason, OffsetDateTime now) {
        return moveTo(ProviderStatus.VERIFYING, reason, now);
    }

    /** Verification sends the self-assessment back for rework: VERIFYING → SELF_ASSESSED (reason required). */
    public StatusChange returnSelfAssessment(String reason, OffsetDateTime now) {
        if (status != ProviderStatus.VERIFYING) {
            throw DomainException.illegalState("Provider", status, "returned to self-assessment");
        }
        return change(ProviderStatus.SELF_ASSESSED, reason, now);
    }

    /**
     * Verification passed: VERIFYING → PUBLIC_NOTICE (公示) for {@code noticeDays} days, with the
     * programme standing the administrator approved (the requested programmes when none given).
     */
    public StatusChange verified(List<String> programmes, int noticeDays, String reason, OffsetDateTime now) {
        if (status != ProviderStatus.VERIFYING) {
            throw DomainException.illegalState("Provider", status, "put on public notice");
        }
        approvedProgrammes = ProgrammeStanding.approved(programmes, requestedProgrammes);
        PublicNotice notice = PublicNotice.starting(now, noticeDays);
        noticeStartedAt = notice.startedAt();
        noticeEndsAt = notice.endsAt();
        return change(ProviderStatus.PUBLIC_NOTICE, reason, now);
    }

    /** Whether the public notice is running at {@code now} (objections are accepted). */
    public boolean noticeOpen(OffsetDateTime now) {
        return status == ProviderStatus.PUBLIC_NOTICE && notice().openAt(now);
    }

    /** An objection during the public notice sends the provider back to verification. */
    public StatusChange objected(String reason, OffsetDateTime now) {
        if (!noticeOpen(now)) {
            throw PublicNotice.notOpen(id, status, noticeEndsAt);
        }
        clearNotice();
        return change(ProviderStatus.VERIFYING, PublicNotice.objectionReason(reason), now);
    }

    /** The notice ended without objection: PUBLIC_NOTICE → ACTIVE (listed) with the approved standing. */
    public StatusChange concludeNotice(OffsetDateTime now) {
        if (status != ProviderStatus.PUBLIC_NOTICE) {
            throw DomainException.illegalState("Provider", status, "listed");
        }
        notice().requireEnded(id, status, now);
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

    /** Grants standing in a programme to a listed (or suspended) provider; status unchanged. Null: no change. */
    public StatusChange grantProgramme(String programme, OffsetDateTime now) {
        ProgrammeStanding.requireListed(status, "granted a programme");
        List<String> next = ProgrammeStanding.granting(programmeMemberships, programme);
        if (next == null) {
            return null;
        }
        programmeMemberships = next;
        approvedProgrammes = programmeMemberships;
        return change(status, "PROGRAMME_GRANTED: " + programme, now);
    }

    /** Withdraws standing in a programme; status unchanged. Null: no change. */
    public StatusChange withdrawProgramme(String programme, String reason, OffsetDateTime now) {
        ProgrammeStanding.requireListed(status, "withdrawn from a programme");
        List<String> next = ProgrammeStanding.withdrawing(programmeMemberships, programme);
        if (next == null) {
            return null;
        }
        programmeMemberships = next;
        approvedProgrammes = programmeMemberships;
        return change(status, "PROGRAMME_WITHDRAWN: " + programme + (reason == null ? "" : " — " + reason), now);
    }

    /** Refuses new or newly published capacity while suspended, removed or exited. */
    public void requireMayOfferCapacity() {
        if (!status.mayOfferCapacity()) {
            throw DomainException.illegalState("Provider", status, "offering capacity");
        }
    }

    /** The public notice as it stands (both times null when there is none). */
    public PublicNotice notice() {
        return new PublicNotice(noticeStartedAt, noticeEndsAt);
    }

    /** provider.registered.v1 for this provider. */
    public ProviderEvents.ProviderRegisteredV1 registered() {
        return new ProviderEvents.ProviderRegisteredV1(id, creditCode, name, region, privatelyInvested,
                relatedParties, status.name());
    }

    /** provider.status-changed.v1 for a change of this provider, with its standing as it is now. */
    public ProviderEvents.ProviderStatusChangedV1 statusChanged(StatusChange change) {
        return new ProviderEvents.ProviderStatusChangedV1(id, creditCode, change.current().name(),
                change.previous().name(), programmeMemberships, privatelyInvested, relatedParties, change.reason());
    }

    /** The state recorded in the audit log: a plain map, so that later changes cannot leak in. */
    public Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("creditCode", creditCode);
        m.put("name", name);
        m.put("region", region);
        m.put("yearsOperating", yearsOperating);
        m.put("site", site);
        m.put("privatelyInvested", privatelyInvested);
        m.put("relatedParties", relatedParties);
        m.put("programmeMemberships", programmeMemberships);
        m.put("status", status);
        m.put("statusReason", statusReason);
        return m;
    }

    private StatusChange moveTo(ProviderStatus target, String reason, OffsetDateTime now, ProviderStatus... from) {
        if (!List.of(from).contains(status)) {
            throw DomainException.illegalState("Provider", status, "moved to " + target);
        }
        return moveTo(target, reason, now);
    }

    private void clearNotice() {
        noticeStartedAt = null;
        noticeEndsAt = null;
    }

    private StatusChange change(ProviderStatus target, String reason, OffsetDateTime now) {
        StatusChange change = new StatusChange(status, target, reason);
        status = target;
        statusReason = reason;
        statusChangedAt = now;
        return change;
    }

    public UUID id() { return id; }
    public String creditCode() { return creditCode; }
    public String name() { return name; }
    public String region() { return region; }
    public int yearsOperating() { return yearsOperating; }
    public String site() { return site; }
    public boolean privatelyInvested() { return privatelyInvested; }
    public List<String> relatedParties() { return relatedParties; }
    public List<String> programmeMemberships() { return programmeMemberships; }
    public ProviderStatus status() { return status; }
    public String statusReason() { return statusReason; }
    public OffsetDateTime registeredAt() { return registeredAt; }
    public OffsetDateTime statusChangedAt() { return statusChangedAt; }
    public Map<String, Object> selfAssessment() { return selfAssessment; }
    public OffsetDateTime selfAssessedAt() { return selfAssessedAt; }
    public List<String> requestedProgrammes() { return requestedProgrammes; }
    public List<String> approvedProgrammes() { return approvedProgrammes; }
    public OffsetDateTime noticeStartedAt() { return noticeStartedAt; }
    public OffsetDateTime noticeEndsAt() { return noticeEndsAt; }

    /** What a provider declares in its self-assessment, and the programmes it asks to serve. */
    public record SelfAssessment(boolean legalEntity, boolean fixedSite, String priceListRef, String statement,
                                 List<String> programmes) {
    }

    /** What a provider declares when it registers. */
    public record Registration(String creditCode, String name, String region, int yearsOperating, String site,
                               boolean privatelyInvested, List<String> relatedParties) {
    }
}
