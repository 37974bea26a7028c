package cn.cvp.allocation.matching.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Capacity that can be matched: one offering's current version, what is left of it, and the standing of
 * the provider behind it (null when allocation-service has not heard of the provider).
 *
 * @param unit               what capacity and price are counted in (CARD_HOUR, CORE_HOUR, TB_MONTH: see
 *                           {@link cn.cvp.allocation.catalogue.domain.BillingUnit})
 * @param units              cards, cores or TB on offer
 * @param remainingUnitHours capacity not yet reserved, in the unit (card-hours, core-hours or TB-months)
 */
public record Supply(
        UUID offeringId,
        int offeringVersion,
        boolean published,
        String resourceClass,
        String unit,
        boolean domesticChip,
        String region,
        int units,
        long unitPriceFen,
        Instant availableFrom,
        Instant availableTo,
        long remainingUnitHours,
        UUID providerId,
        ProviderProfile provider) {

    public static final String CARD_HOUR = "CARD_HOUR";
    public static final String CORE_HOUR = "CORE_HOUR";
    public static final String TB_MONTH = "TB_MONTH";

    public Supply {
        Objects.requireNonNull(offeringId, "offeringId");
        Objects.requireNonNull(resourceClass, "resourceClass");
        Objects.requireNonNull(availableFrom, "availableFrom");
        Objects.requireNonNull(availableTo, "availableTo");
    }

    /** The provider as the programme rules see it. */
    public record ProviderProfile(String creditCode, String name, boolean active, boolean privatelyInvested,
                                  Set<String> programmeMemberships, Set<String> relatedParties) {
        public ProviderProfile {
            programmeMemberships = Set.copyOf(programmeMemberships);
            relatedParties = Set.copyOf(relatedParties);
        }
    }
}
