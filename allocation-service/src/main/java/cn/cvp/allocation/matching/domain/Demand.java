package cn.cvp.allocation.matching.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What a voucher still needs: a quantity in the unit of its resource class — card-hours (卡时), core-hours (核时)
 * or TB-months — in some regions within a window, and the programme's rules about whom it may be bought from.
 *
 * @param approvedAt when the voucher was approved: first come, first served
 * @param cardHours  the quantity still to be served, in {@code unit} (all of it for a new voucher, the waitlisted
 *                   rest later); the name stays from when every demand was in card-hours
 * @param regions    allowed 6-digit division codes; a province (…0000) or city (…00) code admits the areas
 *                   inside it; empty admits any region
 * @param prefersDomesticChips the programme rates domestic chips (国产芯片) higher for this voucher (a higher
 *                   domestic-chip subsidy ratio): at an equal price, domestic-chip offerings rank first
 * @param contractedProviderCreditCode the provider a contract-first voucher's contract was signed with (Beijing):
 *                   only that provider's offerings may serve it; null for a quota-first voucher
 * @param unit       CARD_HOUR, CORE_HOUR or TB_MONTH ({@link cn.cvp.allocation.catalogue.domain.BillingUnit}); only
 *                   offerings in that unit can serve the demand
 */
public record Demand(
        UUID voucherId,
        Instant approvedAt,
        String programmeCode,
        String enterpriseCreditCode,
        Set<String> enterpriseRelatedParties,
        Set<ProviderRequirement> providerRequirements,
        String resourceClass,
        long cardHours,
        List<String> regions,
        Instant windowStart,
        Instant windowEnd,
        boolean prefersDomesticChips,
        String contractedProviderCreditCode,
        String unit) {

    /** A card-hour demand. */
    public Demand(UUID voucherId, Instant approvedAt, String programmeCode, String enterpriseCreditCode,
                  Set<String> enterpriseRelatedParties, Set<ProviderRequirement> providerRequirements,
                  String resourceClass, long cardHours, List<String> regions, Instant windowStart, Instant windowEnd,
                  boolean prefersDomesticChips) {
        this(voucherId, approvedAt, programmeCode, enterpriseCreditCode, enterpriseRelatedParties, providerRequirements,
                resourceClass, cardHours, regions, windowStart, windowEnd, prefersDomesticChips, null, Supply.CARD_HOUR);
    }

    public Demand(UUID voucherId, Instant approvedAt, String programmeCode, String enterpriseCreditCode,
                  Set<String> enterpriseRelatedParties, Set<ProviderRequirement> providerRequirements,
                  String resourceClass, long cardHours, List<String> regions, Instant windowStart, Instant windowEnd) {
        this(voucherId, approvedAt, programmeCode, enterpriseCreditCode, enterpriseRelatedParties, providerRequirements,
                resourceClass, cardHours, regions, windowStart, windowEnd, false, null, Supply.CARD_HOUR);
    }

    public Demand {
        Objects.requireNonNull(voucherId, "voucherId");
        Objects.requireNonNull(approvedAt, "approvedAt");
        Objects.requireNonNull(resourceClass, "resourceClass");
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(windowEnd, "windowEnd");
        Objects.requireNonNull(unit, "unit");
        if (cardHours <= 0) {
            throw new IllegalArgumentException("a demand needs a positive quantity");
        }
        enterpriseRelatedParties = Set.copyOf(enterpriseRelatedParties);
        providerRequirements = Set.copyOf(providerRequirements);
        regions = List.copyOf(regions);
    }

    /** Bound by its contract to one provider (contract first). */
    public boolean contracted() {
        return contractedProviderCreditCode != null;
    }

    /** The enterprise's side of the related-party rule. */
    public RelatedParties relatedParties() {
        return RelatedParties.of(enterpriseCreditCode, enterpriseRelatedParties);
    }
}
