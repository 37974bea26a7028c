package cn.cvp.allocation.matching.domain;

import cn.cvp.allocation.catalogue.domain.BillingUnit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The programme rules that decide whether an offering may serve a demand at all (capacity aside). A contract-first
 * voucher may be served by the provider its contract names only ({@link Exclusion#NOT_CONTRACTED_PROVIDER}).
 *
 * <p>{@link #forDemand} prepares a demand's rules once (region prefixes, window in epoch seconds) so that the
 * matcher can test thousands of offerings against it without allocating: {@link Rules#exclusions} answers a
 * bit set of {@link Exclusion} ordinals, 0 meaning eligible.
 */
public final class Eligibility {

    private static final Exclusion[] EXCLUSIONS = Exclusion.values();

    private Eligibility() {
    }

    /** Every rule the offering breaks for this demand; empty if it may serve it. */
    public static List<Exclusion> check(Demand demand, Supply supply) {
        return reasons(forDemand(demand).exclusions(supply));
    }

    public static Rules forDemand(Demand demand) {
        return new Rules(demand);
    }

    /** The exclusions in a bit set, in declaration order. */
    public static List<Exclusion> reasons(int exclusions) {
        if (exclusions == 0) {
            return List.of();
        }
        List<Exclusion> reasons = new ArrayList<>(Integer.bitCount(exclusions));
        for (Exclusion e : EXCLUSIONS) {
            if ((exclusions & bit(e)) != 0) {
                reasons.add(e);
            }
        }
        return List.copyOf(reasons);
    }

    static int bit(Exclusion e) {
        return 1 << e.ordinal();
    }

    /** One demand's rules, prepared for testing many offerings. */
    public static final class Rules {
        private final Demand demand;
        private final List<String> regions;
        private final long windowStart;
        private final long windowEnd;
        private final boolean needsMembership;
        private final boolean needsPrivateInvestment;
        private final RelatedParties enterprise;

        private Rules(Demand demand) {
            this.demand = demand;
            this.regions = demand.regions();
            this.windowStart = demand.windowStart().getEpochSecond();
            this.windowEnd = demand.windowEnd().getEpochSecond();
            this.needsMembership = demand.providerRequirements().contains(ProviderRequirement.PARTNER_PROGRAMME)
                    || demand.providerRequirements().contains(ProviderRequirement.LISTED_INSTITUTION);
            this.needsPrivateInvestment = demand.providerRequirements().contains(ProviderRequirement.PRIVATELY_INVESTED);
            this.enterprise = demand.relatedParties();
        }

        /** The rules the offering breaks, as a bit set of {@link Exclusion} ordinals; 0 if it may serve the demand. */
        public int exclusions(Supply supply) {
            int x = 0;
            if (!supply.published()) {
                x |= bit(Exclusion.OFFERING_NOT_PUBLISHED);
            }
            if (!supply.resourceClass().equals(demand.resourceClass())) {
                x |= bit(Exclusion.RESOURCE_CLASS_MISMATCH);
            }
            if (BillingUnit.of(supply.unit()).isEmpty() || !supply.unit().equals(demand.unit())) {
                x |= bit(Exclusion.UNIT_NOT_SUPPORTED);
            }
            if (!regionAllowed(regions, supply.region())) {
                x |= bit(Exclusion.REGION_NOT_ALLOWED);
            }
            if (overlapPeriods(supply) < 1) {
                x |= bit(Exclusion.WINDOW_NO_OVERLAP);
            }
            Supply.ProviderProfile provider = supply.provider();
            if (provider == null) {
                return x | bit(Exclusion.PROVIDER_UNKNOWN);
            }
            if (!provider.active()) {
                x |= bit(Exclusion.PROVIDER_NOT_ACTIVE);
            }
            if (needsMembership && !provider.programmeMemberships().contains(demand.programmeCode())) {
                x |= bit(Exclusion.PROVIDER_NOT_IN_PROGRAMME);
            }
            if (needsPrivateInvestment && !provider.privatelyInvested()) {
                x |= bit(Exclusion.PROVIDER_NOT_PRIVATELY_INVESTED);
            }
            if (enterprise.relatedTo(provider)) {
                x |= bit(Exclusion.RELATED_PARTY);
            }
            if (demand.contracted() && !demand.contractedProviderCreditCode().equals(provider.creditCode())) {
                x |= bit(Exclusion.NOT_CONTRACTED_PROVIDER);
            }
            return x;
        }

        /** Whole hours the demand window and the offering's availability share (0 if they do not overlap). */
        public long overlapHours(Supply supply) {
            long start = Math.max(windowStart, supply.availableFrom().getEpochSecond());
            long end = Math.min(windowEnd, supply.availableTo().getEpochSecond());
            return end > start ? (end - start) / 3600 : 0;
        }

        /**
         * Whole unit-periods of the offering's unit the demand window and the offering's availability share:
         * hours for card-hours and core-hours, 30-day months for TB-months (an unknown unit counts in hours).
         */
        public long overlapPeriods(Supply supply) {
            long start = Math.max(windowStart, supply.availableFrom().getEpochSecond());
            long end = Math.min(windowEnd, supply.availableTo().getEpochSecond());
            return periodsIn(supply.unit(), end - start);
        }
    }

    /** Whether a region is among the allowed ones; no allowed regions admits any. */
    public static boolean regionAllowed(List<String> allowed, String region) {
        if (allowed.isEmpty()) {
            return true;
        }
        for (String a : allowed) {
            if (admits(a, region)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Division codes nest: a province code (110000) admits every area of the province (11xxxx), a city code
     * (110100) every district of the city (1101xx); any other code only itself.
     */
    static boolean admits(String allowed, String region) {
        if (region == null) {
            return false;
        }
        if (allowed.equals(region)) {
            return true;
        }
        if (allowed.length() != 6 || region.length() != 6) {
            return false;
        }
        if (allowed.endsWith("0000")) {
            return region.regionMatches(0, allowed, 0, 2);
        }
        return allowed.endsWith("00") && region.regionMatches(0, allowed, 0, 4);
    }

    /** Start of the overlap of the demand window and the offering's availability. */
    public static Instant overlapStart(Demand demand, Supply supply) {
        return demand.windowStart().isAfter(supply.availableFrom()) ? demand.windowStart() : supply.availableFrom();
    }

    public static Instant overlapEnd(Demand demand, Supply supply) {
        return demand.windowEnd().isBefore(supply.availableTo()) ? demand.windowEnd() : supply.availableTo();
    }

    /** Whole periods of the unit in so many seconds; a unit this service does not know counts in hours. */
    static long periodsIn(String unit, long seconds) {
        return BillingUnit.of(unit).orElse(BillingUnit.CARD_HOUR).wholePeriods(seconds);
    }

    /** Whole unit-periods (hours, or 30-day months for TB-months) the demand window and the offering share. */
    public static long overlapPeriods(Demand demand, Supply supply) {
        return periodsIn(supply.unit(), overlapEnd(demand, supply).getEpochSecond()
                - overlapStart(demand, supply).getEpochSecond());
    }

    /** Whole hours the demand window and the offering's availability share (0 if they do not overlap). */
    public static long overlapHours(Demand demand, Supply supply) {
        Instant start = overlapStart(demand, supply);
        Instant end = overlapEnd(demand, supply);
        return end.isAfter(start) ? Duration.between(start, end).toHours() : 0;
    }
}
