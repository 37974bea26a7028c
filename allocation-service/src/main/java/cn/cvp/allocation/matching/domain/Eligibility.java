package cn.cvp.allocation.matching.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The programme rules that decide whether an offering may serve a demand at all (capacity aside). */
public final class Eligibility {

    private Eligibility() {
    }

    /** Every rule the offering breaks for this demand; empty if it may serve it. */
    public static List<Exclusion> check(Demand demand, Supply supply) {
        List<Exclusion> reasons = new ArrayList<>(2);
        if (!supply.published()) {
            reasons.add(Exclusion.OFFERING_NOT_PUBLISHED);
        }
        if (!supply.resourceClass().equals(demand.resourceClass())) {
            reasons.add(Exclusion.RESOURCE_CLASS_MISMATCH);
        }
        if (!Supply.CARD_HOUR.equals(supply.unit())) {
            reasons.add(Exclusion.UNIT_NOT_SUPPORTED);
        }
        if (!regionAllowed(demand.regions(), supply.region())) {
            reasons.add(Exclusion.REGION_NOT_ALLOWED);
        }
        if (overlapHours(demand, supply) < 1) {
            reasons.add(Exclusion.WINDOW_NO_OVERLAP);
        }
        Supply.ProviderProfile provider = supply.provider();
        if (provider == null) {
            reasons.add(Exclusion.PROVIDER_UNKNOWN);
            return reasons;
        }
        if (!provider.active()) {
            reasons.add(Exclusion.PROVIDER_NOT_ACTIVE);
        }
        boolean needsMembership = demand.providerRequirements().contains(ProviderRequirement.PARTNER_PROGRAMME)
                || demand.providerRequirements().contains(ProviderRequirement.LISTED_INSTITUTION);
        if (needsMembership && !provider.programmeMemberships().contains(demand.programmeCode())) {
            reasons.add(Exclusion.PROVIDER_NOT_IN_PROGRAMME);
        }
        if (demand.providerRequirements().contains(ProviderRequirement.PRIVATELY_INVESTED)
                && !provider.privatelyInvested()) {
            reasons.add(Exclusion.PROVIDER_NOT_PRIVATELY_INVESTED);
        }
        if (related(demand, provider)) {
            reasons.add(Exclusion.RELATED_PARTY);
        }
        return reasons;
    }

    /**
     * Related parties (关联方) either way round: the enterprise lists the provider (by credit code or name), the
     * provider lists the enterprise, or they are the same legal person.
     */
    static boolean related(Demand demand, Supply.ProviderProfile provider) {
        return (provider.creditCode() != null && demand.enterpriseRelatedParties().contains(provider.creditCode()))
                || (provider.name() != null && demand.enterpriseRelatedParties().contains(provider.name()))
                || (demand.enterpriseCreditCode() != null
                    && (provider.relatedParties().contains(demand.enterpriseCreditCode())
                        || demand.enterpriseCreditCode().equals(provider.creditCode())));
    }

    /**
     * Whether a region is among the allowed ones. Division codes nest: a province code (110000) admits every
     * area of the province (1101xx), a city code (110100) every district of the city (1101xx).
     */
    public static boolean regionAllowed(List<String> allowed, String region) {
        if (allowed.isEmpty()) {
            return true;
        }
        if (region == null) {
            return false;
        }
        for (String a : allowed) {
            if (a.equals(region)) {
                return true;
            }
            if (a.length() == 6 && region.length() == 6) {
                if (a.endsWith("0000") && region.startsWith(a.substring(0, 2))) {
                    return true;
                }
                if (a.endsWith("00") && region.startsWith(a.substring(0, 4))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Start of the overlap of the demand window and the offering's availability. */
    public static Instant overlapStart(Demand demand, Supply supply) {
        return demand.windowStart().isAfter(supply.availableFrom()) ? demand.windowStart() : supply.availableFrom();
    }

    public static Instant overlapEnd(Demand demand, Supply supply) {
        return demand.windowEnd().isBefore(supply.availableTo()) ? demand.windowEnd() : supply.availableTo();
    }

    /** Whole hours the demand window and the offering's availability share (0 if they do not overlap). */
    public static long overlapHours(Demand demand, Supply supply) {
        Instant start = overlapStart(demand, supply);
        Instant end = overlapEnd(demand, supply);
        return end.isAfter(start) ? Duration.between(start, end).toHours() : 0;
    }
}
