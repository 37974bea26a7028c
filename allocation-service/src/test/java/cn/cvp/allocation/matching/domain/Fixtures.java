package cn.cvp.allocation.matching.domain;

import cn.cvp.allocation.catalogue.domain.BillingUnit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Demands and supplies for matcher tests: a Beijing partner-programme voucher and offerings that fit it. */
final class Fixtures {
    static final Instant JAN_1 = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant JAN_11 = JAN_1.plus(Duration.ofDays(10)); // 240 hours later
    static final String ENTERPRISE = "91110108MA01ENT1XN";
    static final String PROGRAMME = "BJ-AICV";
    static final String GPU = "GPU_A800_80G";

    private Fixtures() {
    }

    static DemandBuilder demand() {
        return new DemandBuilder();
    }

    static SupplyBuilder supply() {
        return new SupplyBuilder();
    }

    static final class DemandBuilder {
        UUID voucherId = UUID.randomUUID();
        Instant approvedAt = JAN_1.minus(Duration.ofDays(30));
        String programmeCode = PROGRAMME;
        String enterprise = ENTERPRISE;
        Set<String> related = Set.of();
        Set<ProviderRequirement> requirements = Set.of(ProviderRequirement.PARTNER_PROGRAMME);
        String resourceClass = GPU;
        long cardHours = 100;
        List<String> regions = List.of("110000");
        Instant start = JAN_1;
        Instant end = JAN_11;
        boolean prefersDomestic;
        String contractedProvider;
        String unit = "CARD_HOUR";

        DemandBuilder unit(String v) { unit = v; return this; }
        DemandBuilder quantity(long v) { cardHours = v; return this; }
        DemandBuilder prefersDomesticChips() { prefersDomestic = true; return this; }
        DemandBuilder contractedWith(String creditCode) { contractedProvider = creditCode; return this; }
        DemandBuilder enterprise(String v) { enterprise = v; return this; }
        DemandBuilder programme(String v) { programmeCode = v; return this; }
        DemandBuilder cardHours(long v) { cardHours = v; return this; }
        DemandBuilder approvedAt(Instant v) { approvedAt = v; return this; }
        DemandBuilder related(String... v) { related = Set.of(v); return this; }
        DemandBuilder requirements(ProviderRequirement... v) { requirements = Set.of(v); return this; }
        DemandBuilder regions(String... v) { regions = List.of(v); return this; }
        DemandBuilder window(Instant s, Instant e) { start = s; end = e; return this; }
        DemandBuilder resourceClass(String v) { resourceClass = v; return this; }

        Demand build() {
            return new Demand(voucherId, approvedAt, programmeCode, enterprise, related, requirements, resourceClass,
                    cardHours, regions, start, end, prefersDomestic, contractedProvider, unit);
        }
    }

    static final class SupplyBuilder {
        UUID offeringId = UUID.randomUUID();
        boolean published = true;
        String resourceClass = GPU;
        String unit = "CARD_HOUR";
        boolean domesticChip = false;
        String region = "110108";
        int units = 8;
        long price = 1500;
        Instant from = JAN_1;
        Instant to = JAN_11;
        Long remaining;
        UUID providerId = UUID.randomUUID();
        String providerCreditCode = "91110000MA01PRQ01K";
        String providerName = "北京算力科技有限公司";
        boolean active = true;
        boolean privatelyInvested = true;
        Set<String> memberships = Set.of(PROGRAMME, "SH-ICV");
        Set<String> providerRelated = Set.of();
        boolean providerKnown = true;

        SupplyBuilder price(long v) { price = v; return this; }
        SupplyBuilder units(int v) { units = v; return this; }
        SupplyBuilder region(String v) { region = v; return this; }
        SupplyBuilder resourceClass(String v) { resourceClass = v; return this; }
        SupplyBuilder unit(String v) { unit = v; return this; }
        SupplyBuilder window(Instant f, Instant t) { from = f; to = t; return this; }
        SupplyBuilder remaining(long v) { remaining = v; return this; }
        SupplyBuilder withdrawn() { published = false; return this; }
        SupplyBuilder inactiveProvider() { active = false; return this; }
        SupplyBuilder unknownProvider() { providerKnown = false; return this; }
        SupplyBuilder memberships(String... v) { memberships = Set.of(v); return this; }
        SupplyBuilder notPrivatelyInvested() { privatelyInvested = false; return this; }
        SupplyBuilder provider(String creditCode, String name) { providerCreditCode = creditCode; providerName = name; return this; }
        SupplyBuilder providerRelated(String... v) { providerRelated = Set.of(v); return this; }
        SupplyBuilder domesticChip() { domesticChip = true; return this; }

        Supply build() {
            long capacity = BillingUnit.of(unit).map(u -> u.capacity(units, from, to))
                    .orElse(units * Duration.between(from, to).toHours());
            Supply.ProviderProfile profile = providerKnown ? new Supply.ProviderProfile(providerCreditCode, providerName,
                    active, privatelyInvested, memberships, providerRelated) : null;
            return new Supply(offeringId, 1, published, resourceClass, unit, domesticChip, region, units, price, from,
                    to, remaining != null ? remaining : capacity, providerId, profile);
        }
    }
}
