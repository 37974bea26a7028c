package cn.cvp.allocation.benchmark;

import cn.cvp.allocation.matching.domain.Demand;
import cn.cvp.allocation.matching.domain.Eligibility;
import cn.cvp.allocation.matching.domain.MatchResult;
import cn.cvp.allocation.matching.domain.Matcher;
import cn.cvp.allocation.matching.domain.Supply;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The matching benchmark (not a unit test): a seeded, generated market ({@link GeneratedMarket}) of 100,000
 * vouchers and 10,000 offerings is matched in-process by the very {@link Matcher} allocation-service uses
 * (first come, first served by approval time), and the card-hours it fills are compared with an upper bound on
 * what any assignment could fill under the same constraints — an exact maximum flow (Dinic, {@link MaxFlow}):
 * source → voucher group (Σ card-hours of the group) → offering (eligible pairs only: group size × units × whole
 * overlap hours) → sink (the offering's capacity). Vouchers are grouped by everything the eligibility rules and
 * the per-pair capacity look at (class, allowed regions, window, programme, requirements, related parties), so
 * the graph stays small; merging vouchers can only loosen the bound, never tighten it below the true optimum.
 *
 * <p>Run: {@code deploy/local/bench-matching.sh [vouchers] [offerings] [seed] [demandFactor]}. The last line
 * is {@code matching vouchers=<n> offerings=<m> seconds=<t> filled=<card-hours> upper_bound=<card-hours>}.
 */
public final class MatchingBenchmark {

    private MatchingBenchmark() {
    }

    public static void main(String[] args) {
        int vouchers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int offerings = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 20_271_122L;
        double demandFactor = args.length > 3 ? Double.parseDouble(args[3]) : 1.0;
        Matcher matcher = new Matcher(50); // as the service: cvp.matching.explained-candidates=50

        // JIT warm-up on a smaller market of another seed (a running service is warm)
        GeneratedMarket warm = GeneratedMarket.generate(seed + 1, Math.max(1, vouchers / 5), Math.max(1, offerings / 5), demandFactor);
        matcher.matchInApprovalOrder(warm.demands(), warm.supplies());

        GeneratedMarket market = GeneratedMarket.generate(seed, vouchers, offerings, demandFactor);
        long demanded = market.demands().stream().mapToLong(Demand::cardHours).sum();
        long capacity = market.supplies().stream().mapToLong(Supply::remainingUnitHours).sum();
        System.out.printf(Locale.ROOT, "market: seed %d, %,d vouchers demanding %,d card-hours; %,d offerings with %,d unit-hours%n",
                seed, vouchers, demanded, offerings, capacity);

        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] seconds = new double[3];
        long filled = 0;
        long fills = 0;
        int fullyServed = 0;
        for (int round = 0; round < seconds.length; round++) {
            long[] stats = new long[4];
            seconds[round] = timedRound(matcher, market, threads, stats);
            filled = stats[0];
            fills = stats[1];
            fullyServed = (int) stats[2];
            System.out.printf(Locale.ROOT, "round %d: matched %,d vouchers in %.3f s (%.3f s CPU of the matching thread; "
                            + "load average %.1f): filled %,d card-hours in %,d fills, %,d vouchers fully served%n",
                    round + 1, vouchers, seconds[round], stats[3] / 1e9,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    filled, fills, fullyServed);
        }
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];

        long t0 = System.nanoTime();
        Bound bound = upperBound(market);
        System.out.printf(Locale.ROOT, "upper bound: max-flow over %,d voucher groups × %,d offerings (%,d edges) in %.3f s: %,d card-hours%n",
                bound.groups, offerings, bound.edges, (System.nanoTime() - t0) / 1e9, bound.cardHours);
        System.out.printf(Locale.ROOT, "fill ratio: %.2f %% of the upper bound (%.2f %% of demand); median match time %.3f s%n",
                100.0 * filled / Math.max(1, bound.cardHours), 100.0 * filled / Math.max(1, demanded), median);
        System.out.printf(Locale.ROOT, "matching vouchers=%d offerings=%d seconds=%.3f filled=%d upper_bound=%d%n",
                vouchers, offerings, median, filled, bound.cardHours);
    }

    /** One timed match of the whole market; the results do not outlive the round (stats: filled, fills, fully served, CPU ns). */
    private static double timedRound(Matcher matcher, GeneratedMarket market, java.lang.management.ThreadMXBean threads,
                                     long[] stats) {
        System.gc(); // start each round with the previous round's results collected
        long t0 = System.nanoTime();
        long cpu0 = threads.getCurrentThreadCpuTime();
        List<MatchResult> results = matcher.matchInApprovalOrder(market.demands(), market.supplies());
        double seconds = (System.nanoTime() - t0) / 1e9;
        stats[3] = threads.getCurrentThreadCpuTime() - cpu0;
        stats[0] = results.stream().mapToLong(r -> r.demand().cardHours() - r.unservedCardHours()).sum();
        stats[1] = results.stream().mapToLong(r -> r.fills().size()).sum();
        stats[2] = results.stream().filter(MatchResult::fullyServed).count();
        return seconds;
    }

    record Bound(long cardHours, int groups, int edges) {
    }

    /** The exact max-flow over the same constraints the matcher keeps (vouchers grouped, see the class comment). */
    static Bound upperBound(GeneratedMarket market) {
        List<Supply> supplies = market.supplies();
        Set<String> relatedEnterprises = new HashSet<>();
        supplies.forEach(s -> {
            if (s.provider() != null) {
                relatedEnterprises.addAll(s.provider().relatedParties());
            }
        });
        Map<String, Group> groups = new HashMap<>();
        for (Demand d : market.demands()) {
            String key = d.resourceClass() + '|' + d.regions() + '|' + d.windowStart() + '|' + d.windowEnd() + '|'
                    + d.programmeCode() + '|' + new TreeSet<>(d.providerRequirements().stream().map(Enum::name).toList())
                    + '|' + new TreeSet<>(d.enterpriseRelatedParties())
                    + '|' + (relatedEnterprises.contains(d.enterpriseCreditCode()) ? d.enterpriseCreditCode() : "");
            Group g = groups.computeIfAbsent(key, k -> new Group(d));
            g.count++;
            g.cardHours += d.cardHours();
        }
        Map<String, List<Integer>> byClass = new HashMap<>();
        for (int i = 0; i < supplies.size(); i++) {
            byClass.computeIfAbsent(supplies.get(i).resourceClass(), k -> new ArrayList<>()).add(i);
        }
        List<Group> list = new ArrayList<>(groups.values());
        int source = 0;
        int sink = 1;
        int firstGroup = 2;
        int firstOffering = firstGroup + list.size();
        MaxFlow graph = new MaxFlow(firstOffering + supplies.size(), list.size() * 64 + supplies.size());
        for (int i = 0; i < supplies.size(); i++) {
            long capacity = Math.max(0, supplies.get(i).remainingUnitHours());
            if (capacity > 0) {
                graph.addEdge(firstOffering + i, sink, capacity);
            }
        }
        for (int g = 0; g < list.size(); g++) {
            Group group = list.get(g);
            graph.addEdge(source, firstGroup + g, group.cardHours);
            Eligibility.Rules rules = Eligibility.forDemand(group.representative);
            for (int i : byClass.getOrDefault(group.representative.resourceClass(), List.of())) {
                Supply s = supplies.get(i);
                if (rules.exclusions(s) == 0) {
                    long perVoucher = Math.multiplyExact((long) s.units(), rules.overlapHours(s));
                    long cap = Math.min(group.cardHours, Math.multiplyExact(perVoucher, (long) group.count));
                    if (cap > 0) {
                        graph.addEdge(firstGroup + g, firstOffering + i, cap);
                    }
                }
            }
        }
        long flow = graph.maxFlow(source, sink);
        return new Bound(flow, list.size(), graph.edgeCount());
    }

    private static final class Group {
        final Demand representative;
        int count;
        long cardHours;

        Group(Demand representative) {
            this.representative = representative;
        }
    }
}
