package cn.cvp.allocation.matching.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Prints how long the matcher takes on a programme-sized batch and how much demand it serves. Not a test:
 * run it by hand, e.g. {@code java -cp target/classes:target/test-classes
 * cn.cvp.allocation.matching.domain.MatcherBenchmark 100000 10000}.
 */
public final class MatcherBenchmark {

    private static final String[] CLASSES = {"GPU_A800_80G", "GPU_H800_80G", "GPU_L40S", "NPU_ASCEND_910B",
            "NPU_ASCEND_910C", "GPU_A100_40G", "GPU_4090", "DCU_K100"};
    private static final String[] REGIONS = {"110108", "110105", "310115", "310104", "440305", "330106"};
    private static final String[] ALLOWED = {"110000", "310000", "440300", "330100"};

    private MatcherBenchmark() {
    }

    public static void main(String[] args) {
        int vouchers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int offerings = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        Random random = new Random(42);
        Instant year = Instant.parse("2026-01-01T00:00:00Z");
        List<Supply> supplies = new ArrayList<>(offerings);
        for (int i = 0; i < offerings; i++) {
            Instant from = year.plus(Duration.ofDays(random.nextInt(180)));
            Supply.ProviderProfile provider = new Supply.ProviderProfile("P" + (i % 500), "provider " + (i % 500),
                    random.nextInt(20) > 0, random.nextBoolean(), Set.of("BJ-AICV", "SH-ICV"), Set.of());
            supplies.add(new Supply(UUID.randomUUID(), 1, true, CLASSES[random.nextInt(CLASSES.length)], "CARD_HOUR",
                    random.nextBoolean(), REGIONS[random.nextInt(REGIONS.length)], 8 + random.nextInt(120),
                    800 + random.nextInt(1200), from, from.plus(Duration.ofDays(30 + random.nextInt(150))),
                    Long.MAX_VALUE, UUID.randomUUID(), provider));
        }
        supplies.replaceAll(s -> new Supply(s.offeringId(), 1, true, s.resourceClass(), s.unit(), s.domesticChip(),
                s.region(), s.units(), s.unitPriceFen(), s.availableFrom(), s.availableTo(),
                s.units() * Duration.between(s.availableFrom(), s.availableTo()).toHours(), s.providerId(), s.provider()));
        List<Demand> demands = new ArrayList<>(vouchers);
        long demanded = 0;
        for (int i = 0; i < vouchers; i++) {
            Instant start = year.plus(Duration.ofDays(random.nextInt(240)));
            long cardHours = 100 + random.nextInt(20_000);
            demanded += cardHours;
            demands.add(new Demand(UUID.randomUUID(), year.minus(Duration.ofMinutes(random.nextInt(500_000))),
                    random.nextBoolean() ? "BJ-AICV" : "SH-ICV", "E" + i, Set.of(),
                    Set.of(ProviderRequirement.PARTNER_PROGRAMME), CLASSES[random.nextInt(CLASSES.length)], cardHours,
                    List.of(ALLOWED[random.nextInt(ALLOWED.length)]), start, start.plus(Duration.ofDays(30 + random.nextInt(90)))));
        }
        Matcher matcher = new Matcher(50);
        for (int round = 1; round <= 3; round++) {
            long t0 = System.nanoTime();
            List<MatchResult> results = matcher.matchInApprovalOrder(demands, supplies);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            long served = results.stream().mapToLong(r -> r.demand().cardHours() - r.unservedCardHours()).sum();
            long fills = results.stream().mapToLong(r -> r.fills().size()).sum();
            System.out.printf("round %d: %,d vouchers × %,d offerings in %,d ms; served %,d of %,d card-hours (%.1f %%), %,d fills%n",
                    round, vouchers, offerings, ms, served, demanded, 100.0 * served / demanded, fills);
        }
    }
}
