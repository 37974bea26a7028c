package cn.cvp.allocation.matching.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

    private static final Comparator<Eligible> RANKING = Comparator
            .comparingLong((Eligible e) -> e.supply.unitPriceFen())
            .thenComparing(Comparator.comparingLong((Eligible e) -> e.available).reversed())
            .thenComparing(e -> e.supply.offeringId());

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
        Map<String, List<Supply>> byClass = new HashMap<>();
        Map<UUID, Long> remaining = new HashMap<>(supplies.size() * 2);
        for (Supply s : supplies) {
            byClass.computeIfAbsent(s.resourceClass(), k -> new ArrayList<>()).add(s);
            remaining.put(s.offeringId(), Math.max(0, s.remainingUnitHours()));
        }
        List<Demand> ordered = new ArrayList<>(demands);
        ordered.sort(Comparator.comparing(Demand::approvedAt).thenComparing(Demand::voucherId));
        List<MatchResult> results = new ArrayList<>(ordered.size());
        for (Demand d : ordered) {
            results.add(matchOne(d, byClass.getOrDefault(d.resourceClass(), List.of()), remaining));
        }
        return results;
    }

    private MatchResult matchOne(Demand demand, List<Supply> candidates, Map<UUID, Long> remaining) {
        List<Eligible> eligible = new ArrayList<>();
        List<CandidateNote> excluded = new ArrayList<>();
        Map<Exclusion, Integer> exclusionCounts = new EnumMap<>(Exclusion.class);
        for (Supply s : candidates) {
            List<Exclusion> reasons = Eligibility.check(demand, s);
            long overlapHours = Eligibility.overlapHours(demand, s);
            long available = reasons.isEmpty()
                    ? Math.min(Math.multiplyExact((long) s.units(), overlapHours), remaining.get(s.offeringId()))
                    : 0;
            if (reasons.isEmpty() && available <= 0) {
                reasons = List.of(Exclusion.NO_CAPACITY_LEFT);
            }
            if (reasons.isEmpty()) {
                eligible.add(new Eligible(s, overlapHours, available));
            } else {
                reasons.forEach(r -> exclusionCounts.merge(r, 1, Integer::sum));
                excluded.add(new CandidateNote(s.offeringId(), s.providerId(), s.region(), s.unitPriceFen(),
                        CandidateNote.Outcome.EXCLUDED, null, 0, 0, List.copyOf(reasons)));
            }
        }
        eligible.sort(RANKING);

        long need = demand.cardHours();
        List<Fill> fills = new ArrayList<>();
        List<CandidateNote> ranked = new ArrayList<>(eligible.size());
        int rank = 0;
        for (Eligible e : eligible) {
            rank++;
            Supply s = e.supply;
            if (need == 0) {
                ranked.add(new CandidateNote(s.offeringId(), s.providerId(), s.region(), s.unitPriceFen(),
                        CandidateNote.Outcome.NOT_NEEDED, rank, e.available, 0, List.of()));
                continue;
            }
            long take = Math.min(need, e.available);
            int units = (int) Math.min(s.units(), ceilDiv(take, e.overlapHours));
            fills.add(new Fill(s.offeringId(), s.offeringVersion(), s.providerId(), s.resourceClass(), s.region(),
                    s.domesticChip(), units, take, s.unitPriceFen(), Math.multiplyExact(take, s.unitPriceFen()),
                    Eligibility.overlapStart(demand, s), Eligibility.overlapEnd(demand, s)));
            remaining.merge(s.offeringId(), -take, Long::sum);
            need -= take;
            ranked.add(new CandidateNote(s.offeringId(), s.providerId(), s.region(), s.unitPriceFen(),
                    CandidateNote.Outcome.SELECTED, rank, e.available, take, List.of()));
        }

        List<CandidateNote> notes = new ArrayList<>(ranked.size() + excluded.size());
        notes.addAll(ranked);
        notes.addAll(excluded);
        int listed = Math.min(notes.size(), fills.size() + explainedCandidates);
        Explanation explanation = new Explanation(Explanation.RULE, Explanation.RULE_DESCRIPTION,
                demand.cardHours(), demand.cardHours() - need, need, candidates.size(), eligible.size(),
                java.util.Collections.unmodifiableMap(exclusionCounts), List.copyOf(notes.subList(0, listed)), notes.size() - listed, null);
        return new MatchResult(demand, List.copyOf(fills), need, explanation);
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    private record Eligible(Supply supply, long overlapHours, long available) {
    }
}
