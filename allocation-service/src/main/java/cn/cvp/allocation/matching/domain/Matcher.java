package cn.cvp.allocation.matching.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The matching engine: pure, in memory, no persistence. Given demands and the capacity on offer it decides
 * which offerings serve which demand, how much of each, and explains why.
 *
 * <p>Policy ({@link Explanation#RULE}): demands are served first come, first served by approval time; for
 * each, the eligible offerings ({@link Eligibility}) are ranked by unit price (then most capacity available,
 * then offering id, so the result is deterministic) and the demand is filled greedily from the cheapest,
 * split across offerings when one is not enough. What cannot be served is left unserved (to be waitlisted).
 *
 * <p>Capacity an offering can give one demand is its units × the whole hours its availability overlaps the
 * demand window, and never more than what is left of the offering overall. Capacity given to one demand of
 * a batch is no longer available to the next. The inputs are not modified.
 *
 * <p>Stateless and thread-safe.
 */
public final class Matcher {

    private static final Exclusion[] EXCLUSIONS = Exclusion.values();
    private static final int NO_CAPACITY_LEFT = Eligibility.bit(Exclusion.NO_CAPACITY_LEFT);
    /** Cheapest first, then the most capacity available (fewer splits), then offering id: deterministic. */
    private static final Comparator<Eligible> RANKING = (a, b) -> {
        if (a.price != b.price) {
            return Long.compare(a.price, b.price);
        }
        if (a.available != b.available) {
            return Long.compare(b.available, a.available);
        }
        return a.supply.offeringId().compareTo(b.supply.offeringId());
    };

    private final int explainedCandidates;

    /** @param explainedCandidates how many candidates besides the selected ones an explanation lists by name */
    public Matcher(int explainedCandidates) {
        if (explainedCandidates < 0) {
            throw new IllegalArgumentException("explainedCandidates must not be negative");
        }
        this.explainedCandidates = explainedCandidates;
    }

    /** Matches one demand against the capacity on offer. */
    public MatchResult match(Demand demand, List<Supply> supplies) {
        return matchInApprovalOrder(List.of(demand), supplies).get(0);
    }

    /**
     * Matches demands in approval order (earliest first), each seeing the capacity the earlier ones left.
     *
     * @return one result per demand, in approval order
     */
    public List<MatchResult> matchInApprovalOrder(List<Demand> demands, List<Supply> supplies) {
        Map<String, List<Integer>> indexByClass = new HashMap<>();
        long[] remaining = new long[supplies.size()];
        for (int i = 0; i < supplies.size(); i++) {
            Supply s = supplies.get(i);
            indexByClass.computeIfAbsent(s.resourceClass(), k -> new ArrayList<>()).add(i);
            remaining[i] = Math.max(0, s.remainingUnitHours());
        }
        Map<String, int[]> byClass = new HashMap<>();
        indexByClass.forEach((k, v) -> byClass.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        List<Demand> ordered = new ArrayList<>(demands);
        ordered.sort(Comparator.comparing(Demand::approvedAt).thenComparing(Demand::voucherId));
        List<MatchResult> results = new ArrayList<>(ordered.size());
        int[] none = new int[0];
        for (Demand d : ordered) {
            results.add(matchOne(d, supplies, byClass.getOrDefault(d.resourceClass(), none), remaining));
        }
        return results;
    }

    private MatchResult matchOne(Demand demand, List<Supply> supplies, int[] candidates, long[] remaining) {
        Eligibility.Rules rules = Eligibility.forDemand(demand);
        List<Eligible> eligible = new ArrayList<>();
        List<CandidateNote> excluded = new ArrayList<>(Math.min(explainedCandidates, candidates.length));
        int[] exclusionCounts = new int[EXCLUSIONS.length];
        for (int i : candidates) {
            Supply s = supplies.get(i);
            int exclusions = rules.exclusions(s);
            if (exclusions == 0) {
                long overlapHours = rules.overlapHours(s);
                long available = Math.min(Math.multiplyExact((long) s.units(), overlapHours), remaining[i]);
                if (available > 0) {
                    eligible.add(new Eligible(s, i, s.unitPriceFen(), overlapHours, available));
                    continue;
                }
                exclusions = NO_CAPACITY_LEFT;
            }
            for (int bits = exclusions; bits != 0; bits &= bits - 1) {
                exclusionCounts[Integer.numberOfTrailingZeros(bits)]++;
            }
            if (excluded.size() < explainedCandidates) {
                excluded.add(new CandidateNote(s.offeringId(), s.providerId(), s.region(), s.unitPriceFen(),
                        CandidateNote.Outcome.EXCLUDED, null, 0, 0, Eligibility.reasons(exclusions)));
            }
        }
        eligible.sort(RANKING);

        long need = demand.cardHours();
        List<Fill> fills = new ArrayList<>();
        List<CandidateNote> ranked = new ArrayList<>();
        int rank = 0;
        for (Eligible e : eligible) {
            rank++;
            Supply s = e.supply;
            if (need == 0) {
                if (ranked.size() >= fills.size() + explainedCandidates) {
                    break;
                }
                ranked.add(new CandidateNote(s.offeringId(), s.providerId(), s.region(), s.unitPriceFen(),
                        CandidateNote.Outcome.NOT_NEEDED, rank, e.available, 0, List.of()));
                continue;
            }
            long take = Math.min(need, e.available);
            int units = (int) Math.min(s.units(), ceilDiv(take, e.overlapHours));
            fills.add(new Fill(s.offeringId(), s.offeringVersion(), s.providerId(), s.resourceClass(), s.region(),
                    s.domesticChip(), units, take, s.unitPriceFen(), Math.multiplyExact(take, s.unitPriceFen()),
                    Eligibility.overlapStart(demand, s), Eligibility.overlapEnd(demand, s)));
            remaining[e.index] -= take;
            need -= take;
            ranked.add(new CandidateNote(s.offeringId(), s.providerId(), s.region(), s.unitPriceFen(),
                    CandidateNote.Outcome.SELECTED, rank, e.available, take, List.of()));
        }

        List<CandidateNote> notes = new ArrayList<>(ranked.size() + excluded.size());
        notes.addAll(ranked);
        notes.addAll(excluded);
        int listed = Math.min(notes.size(), fills.size() + explainedCandidates);
        Map<Exclusion, Integer> counts = new EnumMap<>(Exclusion.class);
        for (Exclusion e : EXCLUSIONS) {
            if (exclusionCounts[e.ordinal()] > 0) {
                counts.put(e, exclusionCounts[e.ordinal()]);
            }
        }
        Explanation explanation = new Explanation(Explanation.RULE, Explanation.RULE_DESCRIPTION,
                demand.cardHours(), demand.cardHours() - need, need, candidates.length, eligible.size(),
                Collections.unmodifiableMap(counts), List.copyOf(notes.subList(0, listed)),
                candidates.length - listed, null);
        return new MatchResult(demand, List.copyOf(fills), need, explanation);
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    private record Eligible(Supply supply, int index, long price, long overlapHours, long available) {
    }
}
