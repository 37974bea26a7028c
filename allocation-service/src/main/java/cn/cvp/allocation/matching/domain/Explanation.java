package cn.cvp.allocation.matching.domain;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Why a demand was matched as it was: the rule that chose, and the candidates considered (every published
 * offering of the demand's resource class) with why each was excluded or where it ranked. Long candidate
 * lists are cut to the first few; the rest are counted in {@code omittedCandidates} and, by reason, in
 * {@code exclusionCounts}.
 *
 * @param chosenOfferingId the offering of the allocation this explanation is stored with (null for a waitlist entry)
 * @param contractedProviderCreditCode the provider a contract-first voucher is bound to (only its offerings were
 *                         eligible); null for a quota-first voucher
 */
public record Explanation(
        String rule,
        String ruleDescription,
        long demandCardHours,
        long servedCardHours,
        long unservedCardHours,
        int candidatesConsidered,
        int eligibleCandidates,
        Map<Exclusion, Integer> exclusionCounts,
        List<CandidateNote> candidates,
        int omittedCandidates,
        UUID chosenOfferingId,
        String contractedProviderCreditCode) {

    public static final String RULE = "FCFS_LOWEST_PRICE_SPLIT_FILL";
    public static final String RULE_DESCRIPTION = "Vouchers are served first come, first served by approval time. "
            + "Offerings the programme rules allow (active provider in the programme, not a related party, same "
            + "resource class, allowed region, overlapping window, capacity left) are ranked by unit price, then, where "
            + "the programme rates domestic chips higher (a higher domestic-chip subsidy ratio), domestic-chip offerings "
            + "first, then by the most capacity available, then by offering id; the demand is filled from the cheapest, split "
            + "across offerings until it is served or nothing eligible is left; the rest is waitlisted. A contract-first "
            + "voucher (Beijing) is served only by the provider its contract names.";

    public Explanation forOffering(UUID offeringId) {
        return new Explanation(rule, ruleDescription, demandCardHours, servedCardHours, unservedCardHours,
                candidatesConsidered, eligibleCandidates, exclusionCounts, candidates, omittedCandidates, offeringId,
                contractedProviderCreditCode);
    }
}
