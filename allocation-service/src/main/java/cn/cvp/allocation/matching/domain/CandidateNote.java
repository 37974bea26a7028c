package cn.cvp.allocation.matching.domain;

import java.util.List;
import java.util.UUID;

/**
 * What the matcher thought of one offering for one demand.
 *
 * @param rank               position in the price ranking among eligible offerings (1 = cheapest), null if excluded
 * @param availableCardHours what the offering could give this demand (its units × overlap hours, at most what is left)
 * @param takenCardHours     what was reserved of it for this demand
 */
public record CandidateNote(
        UUID offeringId,
        UUID providerId,
        String region,
        long unitPriceFen,
        Outcome outcome,
        Integer rank,
        long availableCardHours,
        long takenCardHours,
        List<Exclusion> reasons) {

    public enum Outcome {
        /** capacity was reserved on it */
        SELECTED,
        /** eligible, but cheaper offerings already served the whole demand */
        NOT_NEEDED,
        /** not eligible: see the reasons */
        EXCLUDED
    }
}
