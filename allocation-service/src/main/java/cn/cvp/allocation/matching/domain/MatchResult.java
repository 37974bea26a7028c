package cn.cvp.allocation.matching.domain;

import java.util.List;

/** What one demand got: the fills to reserve (cheapest first), what is left unserved, and why. */
public record MatchResult(Demand demand, List<Fill> fills, long unservedCardHours, Explanation explanation) {

    public boolean fullyServed() {
        return unservedCardHours == 0;
    }

    /**
     * Why the rest of the demand waits: no offering of its class at all, none the rules allow, or not enough
     * capacity left in the eligible ones; for a contract-first voucher, no offering of its contracted provider that
     * fits (when none served any of it: otherwise that provider's capacity ran out).
     */
    public WaitlistReason waitlistReason() {
        if (fullyServed()) {
            return null;
        }
        if (demand.contracted() && explanation.eligibleCandidates() == 0) {
            return WaitlistReason.NO_OFFERING_OF_CONTRACTED_PROVIDER;
        }
        if (explanation.candidatesConsidered() == 0) {
            return WaitlistReason.NO_OFFERING_OF_CLASS;
        }
        boolean anyEligibleWithCapacity = explanation.eligibleCandidates() > 0;
        boolean capacityWasTheProblem = anyEligibleWithCapacity
                || explanation.exclusionCounts().getOrDefault(Exclusion.NO_CAPACITY_LEFT, 0) > 0;
        return capacityWasTheProblem ? WaitlistReason.INSUFFICIENT_CAPACITY : WaitlistReason.NO_ELIGIBLE_OFFERING;
    }

    public enum WaitlistReason {
        NO_OFFERING_OF_CLASS, NO_ELIGIBLE_OFFERING, INSUFFICIENT_CAPACITY, NO_OFFERING_OF_CONTRACTED_PROVIDER
    }
}
