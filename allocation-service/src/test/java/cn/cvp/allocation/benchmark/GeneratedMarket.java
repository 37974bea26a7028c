package cn.cvp.allocation.benchmark;

import cn.cvp.allocation.matching.domain.Demand;
import cn.cvp.allocation.matching.domain.ProviderRequirement;
import cn.cvp.allocation.matching.domain.Supply;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A seeded, generated compute-voucher market: providers in six city clusters with programme memberships,
 * private investment and (a few) related parties; offerings of eight resource classes with units, prices and
 * availability windows in 2027; vouchers of three programmes (Beijing partner programme, Shanghai listed and
 * privately invested institutions, Hangzhou with a higher domestic-chip ratio) with card-hours, allowed regions and
 * windows. Windows start on 30-day "months" so that the max-flow bound can group vouchers into few classes.
 * Total demand is about {@code demandFactor} × total capacity.
 */
record GeneratedMarket(List<Demand> demands, List<Supply> supplies) {

    static final String[] CLASSES = {"GPU_A800_80G", "GPU_H800_80G", "GPU_H20_96G", "GPU_L40S_48G",
            "NPU_ASCEND_910B", "NPU_ASCEND_910C", "DCU_K100_AI", "GPU_A100_40G"};
    private static final int[] CLASS_WEIGHT = {22, 12, 14, 8, 18, 8, 6, 12};
    private static final long[] BASE_PRICE_FEN = {1500, 2600, 1100, 700, 1200, 1600, 900, 1000};
    private static final String[][] CLUSTERS = {
            {"110105", "110108", "110114"}, {"310104", "310112", "310115"}, {"440304", "440305"},
            {"330106", "330110"}, {"520102"}, {"621002"}};
    private static final int[] CLUSTER_WEIGHT = {30, 28, 14, 12, 8, 8};
    private static final String BJ = "BJ-AICV";
    private static final String SH = "SH-ICV";
    private static final String HZ = "HZ-CV";
    private static final Instant YEAR = Instant.parse("2027-01-01T00:00:00Z");
    private static final Duration MONTH = Duration.ofDays(30);

    static GeneratedMarket generate(long seed, int vouchers, int offerings, double demandFactor) {
        Random random = new Random(seed);
        int providerCount = Math.max(10, offerings / 12);
        List<Supply.ProviderProfile> providers = new ArrayList<>(providerCount);
        List<String> providerHome = new ArrayList<>(providerCount);
        for (int p = 0; p < providerCount; p++) {
            Set<String> memberships = new HashSet<>();
            int cluster = weighted(random, CLUSTER_WEIGHT);
            if (cluster == 0 || random.nextInt(100) < 35) {
                memberships.add(BJ);
            }
            if (cluster == 1 || random.nextInt(100) < 35) {
                memberships.add(SH);
            }
            if (cluster == 3 || random.nextInt(100) < 30) {
                memberships.add(HZ);
            }
            Set<String> related = random.nextInt(100) == 0 ? Set.of(enterprise(random.nextInt(vouchers))) : Set.of();
            providers.add(new Supply.ProviderProfile(provider(p), "算力服务商 " + p, random.nextInt(100) < 96,
                    random.nextInt(100) < 80, memberships, related));
            String[] regions = CLUSTERS[cluster];
            providerHome.add(regions[random.nextInt(regions.length)]);
        }
        List<UUID> providerIds = new ArrayList<>(providerCount);
        for (int p = 0; p < providerCount; p++) {
            providerIds.add(new UUID(0x5000L, p));
        }

        List<Supply> supplies = new ArrayList<>(offerings);
        long capacity = 0;
        for (int i = 0; i < offerings; i++) {
            int p = random.nextInt(providerCount);
            int c = weighted(random, CLASS_WEIGHT);
            int units = 8 * (1 + random.nextInt(16));
            Instant from = YEAR.plus(MONTH.multipliedBy(random.nextInt(12)));
            Instant to = from.plus(MONTH.multipliedBy(1 + random.nextInt(6)));
            long hours = Duration.between(from, to).toHours();
            long price = BASE_PRICE_FEN[c] * (80 + random.nextInt(51)) / 100;
            boolean domestic = CLASSES[c].startsWith("NPU") || CLASSES[c].startsWith("DCU")
                    || (CLASSES[c].equals("GPU_H20_96G") && random.nextBoolean());
            supplies.add(new Supply(new UUID(0x0FFEL, i), 1, true, CLASSES[c], Supply.CARD_HOUR, domestic,
                    providerHome.get(p), units, price, from, to, units * hours, providerIds.get(p), providers.get(p)));
            capacity += units * hours;
        }

        long meanDemand = Math.max(200, Math.round(demandFactor * capacity / vouchers));
        List<Demand> demands = new ArrayList<>(vouchers);
        for (int v = 0; v < vouchers; v++) {
            int programme = random.nextInt(100);
            String code;
            Set<ProviderRequirement> requirements;
            List<String> regions;
            int r = random.nextInt(100);
            if (programme < 45) {
                code = BJ;
                requirements = Set.of(ProviderRequirement.PARTNER_PROGRAMME);
                regions = r < 55 ? List.of("110000") : r < 75 ? List.of("110000", "520000", "620000")
                        : r < 90 ? List.of("110108") : List.of();
            } else if (programme < 85) {
                code = SH;
                requirements = Set.of(ProviderRequirement.LISTED_INSTITUTION, ProviderRequirement.PRIVATELY_INVESTED);
                regions = r < 60 ? List.of("310000") : r < 80 ? List.of("310000", "330100") : r < 90
                        ? List.of("310115") : List.of();
            } else {
                code = HZ;
                requirements = Set.of();
                regions = r < 50 ? List.of("330100") : r < 80 ? List.of("330100", "310000", "440300") : List.of();
            }
            int c = weighted(random, CLASS_WEIGHT);
            Instant start = YEAR.plus(MONTH.multipliedBy(random.nextInt(12)));
            Instant end = start.plus(MONTH.multipliedBy(1 + random.nextInt(3)));
            long cardHours = 100 + (long) (random.nextDouble() * (2 * meanDemand - 200));
            Set<String> related = random.nextInt(100) == 0 ? Set.of(provider(random.nextInt(providerCount))) : Set.of();
            Instant approvedAt = YEAR.minus(Duration.ofDays(365)).plusSeconds(random.nextInt(365 * 86_400));
            demands.add(new Demand(new UUID(0x0C0DEL, v), approvedAt, code, enterprise(v), related, requirements,
                    CLASSES[c], cardHours, regions, start, end, HZ.equals(code)));
        }
        return new GeneratedMarket(demands, supplies);
    }

    private static String provider(int p) {
        return String.format("P%017d", p);
    }

    private static String enterprise(int v) {
        return String.format("E%017d", v);
    }

    private static int weighted(Random random, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int x = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
