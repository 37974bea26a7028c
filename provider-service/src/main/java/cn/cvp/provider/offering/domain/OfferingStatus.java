package cn.cvp.provider.offering.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The offering state machine: an offering is prepared as a draft, published for matching, and withdrawn when no
 * longer on sale (DRAFT → PUBLISHED → WITHDRAWN). Only a published offering can be revised (a new version, still
 * PUBLISHED).
 */
public enum OfferingStatus {
    DRAFT, PUBLISHED, WITHDRAWN;

    private static final Map<OfferingStatus, Set<OfferingStatus>> NEXT = Map.of(
            DRAFT, EnumSet.of(PUBLISHED),
            PUBLISHED, EnumSet.of(WITHDRAWN),
            WITHDRAWN, EnumSet.noneOf(OfferingStatus.class));

    /** Whether an offering in this status may move to {@code target}. */
    public boolean canMoveTo(OfferingStatus target) {
        return NEXT.get(this).contains(target);
    }

    /** Whether its price, capacity or window may be revised (a new version). */
    public boolean isRevisable() {
        return this == PUBLISHED;
    }
}
