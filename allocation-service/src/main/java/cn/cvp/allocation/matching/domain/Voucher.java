package cn.cvp.allocation.matching.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A voucher (算力券 / 科技创新券) as allocation-service needs it: the demand to match, the programme's rules
 * about providers, the subsidy ratio, and the holds voucher-service placed for our allocations.
 * A read model of voucher.issued.v1, voucher.hold-placed.v1 and voucher.hold-rejected.v1.
 */
@Entity
@Table(name = "voucher")
public class Voucher {
    public static final String ACTIVE = "ACTIVE";
    /** voucher-service told us (through a rejected hold) that the voucher is frozen, revoked or unknown. */
    public static final String NOT_ACTIVE = "NOT_ACTIVE";
    /** voucher.frozen.v1: usage on it is refused until voucher.unfrozen.v1. */
    public static final String FROZEN = "FROZEN";
    /** voucher.revoked.v1: final. */
    public static final String REVOKED = "REVOKED";
    /** voucher.expired.v1 (or past validUntil): final. */
    public static final String EXPIRED = "EXPIRED";

    @Id
    @Column(name = "voucher_id")
    private UUID voucherId;
    @Column(name = "application_id")
    private UUID applicationId;
    @Column(name = "programme_id")
    private UUID programmeId;
    @Column(name = "programme_code", nullable = false)
    private String programmeCode;
    @Column(name = "enterprise_credit_code", nullable = false)
    private String enterpriseCreditCode;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "enterprise_related_parties", nullable = false)
    private String[] enterpriseRelatedParties;
    @Column(name = "face_value_fen", nullable = false)
    private long faceValueFen;
    @Column(name = "subsidy_ratio", nullable = false)
    private BigDecimal subsidyRatio;
    @Column(name = "domestic_chip_subsidy_ratio")
    private BigDecimal domesticChipSubsidyRatio;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "provider_requirements", nullable = false)
    private String[] providerRequirements;
    @Column(name = "approved_at", nullable = false)
    private OffsetDateTime approvedAt;
    @Column(name = "valid_until")
    private OffsetDateTime validUntil;
    @Column(name = "demand_resource_class", nullable = false)
    private String demandResourceClass;
    /** the demand's quantity, in {@link #demandUnit}; the column keeps its first name */
    @Column(name = "demand_card_hours", nullable = false)
    private long demandCardHours;
    /** CARD_HOUR, CORE_HOUR or TB_MONTH (voucher.issued.v1 demand.unit) */
    @Column(name = "demand_unit", nullable = false)
    private String demandUnit = Supply.CARD_HOUR;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "demand_regions", nullable = false)
    private String[] demandRegions;
    @Column(name = "demand_window_start", nullable = false)
    private OffsetDateTime demandWindowStart;
    @Column(name = "demand_window_end", nullable = false)
    private OffsetDateTime demandWindowEnd;
    @Column(name = "held_fen", nullable = false)
    private long heldFen;
    @Column(nullable = false)
    private String status;
    @Column(name = "recorded_at", nullable = false)
    private OffsetDateTime recordedAt;
    /** A quota (额度, voucher.issued.v1 quota = true): never matched itself, only the orders placed on it. */
    @Column(nullable = false)
    private boolean quota;
    /** The provider a contract-first voucher's contract binds it to; null for a quota-first voucher. */
    @Column(name = "contract_provider_credit_code")
    private String contractProviderCreditCode;

    protected Voucher() {
    }

    /** The issued voucher's terms, as voucher.issued.v1 carries them. */
    public record Issued(UUID voucherId, UUID applicationId, UUID programmeId, String programmeCode,
                         String enterpriseCreditCode, List<String> enterpriseRelatedParties, long faceValueFen,
                         BigDecimal subsidyRatio, BigDecimal domesticChipSubsidyRatio,
                         Set<ProviderRequirement> providerRequirements, OffsetDateTime approvedAt,
                         OffsetDateTime validUntil, String resourceClass, long cardHours, List<String> regions,
                         OffsetDateTime windowStart, OffsetDateTime windowEnd, String contractProviderCreditCode,
                         String unit) {

        /** A card-hour demand bound to no provider (quota first). */
        public Issued(UUID voucherId, UUID applicationId, UUID programmeId, String programmeCode,
                      String enterpriseCreditCode, List<String> enterpriseRelatedParties, long faceValueFen,
                      BigDecimal subsidyRatio, BigDecimal domesticChipSubsidyRatio,
                      Set<ProviderRequirement> providerRequirements, OffsetDateTime approvedAt,
                      OffsetDateTime validUntil, String resourceClass, long cardHours, List<String> regions,
                      OffsetDateTime windowStart, OffsetDateTime windowEnd) {
            this(voucherId, applicationId, programmeId, programmeCode, enterpriseCreditCode, enterpriseRelatedParties,
                    faceValueFen, subsidyRatio, domesticChipSubsidyRatio, providerRequirements, approvedAt, validUntil,
                    resourceClass, cardHours, regions, windowStart, windowEnd, null, Supply.CARD_HOUR);
        }
    }

    public static Voucher issued(Issued i, OffsetDateTime now) {
        if (!i.windowEnd().isAfter(i.windowStart())) {
            throw new IllegalArgumentException("voucher " + i.voucherId() + " has a demand window that ends before it starts");
        }
        Voucher v = new Voucher();
        v.voucherId = i.voucherId();
        v.applicationId = i.applicationId();
        v.programmeId = i.programmeId();
        v.programmeCode = i.programmeCode();
        v.enterpriseCreditCode = i.enterpriseCreditCode();
        v.enterpriseRelatedParties = i.enterpriseRelatedParties().toArray(String[]::new);
        v.faceValueFen = i.faceValueFen();
        v.subsidyRatio = i.subsidyRatio();
        v.domesticChipSubsidyRatio = i.domesticChipSubsidyRatio();
        v.providerRequirements = i.providerRequirements().stream().map(Enum::name).sorted().toArray(String[]::new);
        v.approvedAt = i.approvedAt();
        v.validUntil = i.validUntil();
        v.demandResourceClass = i.resourceClass();
        v.demandCardHours = i.cardHours();
        v.demandUnit = i.unit();
        v.demandRegions = i.regions().toArray(String[]::new);
        v.demandWindowStart = i.windowStart();
        v.demandWindowEnd = i.windowEnd();
        v.heldFen = 0;
        v.status = ACTIVE;
        v.recordedAt = now;
        v.contractProviderCreditCode = i.contractProviderCreditCode();
        return v;
    }

    /** Marks the voucher a quota: its own demand is not matched, the orders placed on it are. */
    public void markQuota() {
        quota = true;
    }

    public boolean isQuota() {
        return quota;
    }

    /**
     * What is still to be served of an order placed on this quota, as the matcher sees it: the order's demand under
     * the quota's programme rules about providers, served in the order's turn (when it was placed); the matcher
     * knows the demand by the order's id.
     */
    public Demand demandOfOrder(QuotaOrder order, long cardHours) {
        return new Demand(order.orderId(), order.placedAt().toInstant(), programmeCode, enterpriseCreditCode,
                Set.copyOf(Arrays.asList(enterpriseRelatedParties)), providerRequirements(), order.resourceClass(),
                cardHours, order.regions(), order.windowStart().toInstant(), order.windowEnd().toInstant(),
                prefersDomesticChips(), null, order.unit());
    }

    /** What is still to be served of this voucher (a quantity in its unit), as the matcher sees it. */
    public Demand demand(long cardHours) {
        return new Demand(voucherId, approvedAt.toInstant(), programmeCode, enterpriseCreditCode,
                Set.copyOf(Arrays.asList(enterpriseRelatedParties)), providerRequirements(), demandResourceClass, cardHours,
                List.of(demandRegions), demandWindowStart.toInstant(), demandWindowEnd.toInstant(), prefersDomesticChips(),
                contractProviderCreditCode, demandUnit);
    }

    /**
     * The programme rates domestic chips (国产芯片) higher for this voucher: its domestic-chip ratio exceeds its
     * ratio. Only the matcher's ranking at an equal price reads this; the subsidy itself is always
     * {@link #subsidyRatio()}.
     */
    public boolean prefersDomesticChips() {
        return domesticChipSubsidyRatio != null && domesticChipSubsidyRatio.compareTo(subsidyRatio) > 0;
    }

    /**
     * The subsidy ratio of this voucher as voucher-service decided it (voucher.issued.v1 {@code subsidyRatio}: the
     * programme's tiers for startups and domestic chips already applied to the voucher's enterprise and resource
     * class). Every allocation of the voucher is of that class (matching stays within it), so it is the ratio of
     * every allocation; allocation-service never derives one of its own.
     */
    public BigDecimal subsidyRatio() {
        return subsidyRatio;
    }

    /** The enterprise's side of the related-party rule, as voucher.issued.v1 listed its related parties. */
    public RelatedParties relatedParties() {
        return RelatedParties.of(enterpriseCreditCode, Arrays.asList(enterpriseRelatedParties));
    }

    public void holdPlaced(long holdFen) {
        heldFen = Math.addExact(heldFen, holdFen);
    }

    public void markNotActive() {
        status = NOT_ACTIVE;
    }

    /** voucher.frozen.v1. @return whether the status changed (a revoked or expired voucher stays so) */
    public boolean freeze() {
        if (isEnded() || FROZEN.equals(status)) {
            return false;
        }
        status = FROZEN;
        return true;
    }

    /** voucher.unfrozen.v1: back to ACTIVE, but only from FROZEN. @return whether the status changed */
    public boolean unfreeze() {
        if (!FROZEN.equals(status)) {
            return false;
        }
        status = ACTIVE;
        return true;
    }

    /** voucher.revoked.v1 / voucher.expired.v1: final. @return whether the status changed */
    public boolean end(String endStatus) {
        if (!REVOKED.equals(endStatus) && !EXPIRED.equals(endStatus)) {
            throw new IllegalArgumentException("a voucher ends REVOKED or EXPIRED, not " + endStatus);
        }
        if (isEnded()) {
            return false;
        }
        status = endStatus;
        return true;
    }

    public boolean isEnded() {
        return REVOKED.equals(status) || EXPIRED.equals(status);
    }

    /** The status as of now: an ACTIVE voucher past its validity is EXPIRED even before voucher-service says so. */
    public String statusAt(OffsetDateTime now) {
        if (ACTIVE.equals(status) && validUntil != null && now.isAfter(validUntil)) {
            return EXPIRED;
        }
        return status;
    }

    /** Enterprise related parties (关联方) as voucher.issued.v1 listed them. */
    public List<String> enterpriseRelatedParties() {
        return List.of(enterpriseRelatedParties);
    }

    /** Active: not reported frozen/revoked/unknown by voucher-service, and not past its validity. */
    public boolean isActiveAt(OffsetDateTime now) {
        return ACTIVE.equals(status) && (validUntil == null || !now.isAfter(validUntil));
    }

    public Set<ProviderRequirement> providerRequirements() {
        return providerRequirements.length == 0 ? Set.of()
                : Arrays.stream(providerRequirements).map(ProviderRequirement::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(ProviderRequirement.class)));
    }

    public Snapshot snapshot() {
        return new Snapshot(voucherId, programmeCode, enterpriseCreditCode, demandResourceClass, demandUnit,
                demandCardHours, subsidyRatio, heldFen, status);
    }

    /** @param cardHours the demand's quantity, in {@code unit} */
    public record Snapshot(UUID voucherId, String programmeCode, String enterpriseCreditCode, String resourceClass,
                           String unit, long cardHours, BigDecimal subsidyRatio, long heldFen, String status) {
    }

    public UUID voucherId() { return voucherId; }
    public String programmeCode() { return programmeCode; }
    public String enterpriseCreditCode() { return enterpriseCreditCode; }
    public BigDecimal domesticChipSubsidyRatio() { return domesticChipSubsidyRatio; }
    public OffsetDateTime approvedAt() { return approvedAt; }
    public OffsetDateTime validUntil() { return validUntil; }
    public String demandResourceClass() { return demandResourceClass; }
    public long demandCardHours() { return demandCardHours; }
    public String demandUnit() { return demandUnit; }
    public long heldFen() { return heldFen; }
    public String status() { return status; }
    public String contractProviderCreditCode() { return contractProviderCreditCode; }
}
