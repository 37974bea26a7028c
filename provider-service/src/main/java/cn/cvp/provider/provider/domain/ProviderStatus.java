package cn.cvp.provider.provider.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The provider state machine: where a provider stands in accreditation (SH onboarding rules, usable by any programme):
 * registered → self-assessed → platform verification → public notice (公示, 7 days; an objection sends
 * it back to verification) → listed (ACTIVE); later suspended and reinstated, removed or exited.
 */
public enum ProviderStatus {
    REGISTERED,
    SELF_ASSESSED,
    VERIFYING,
    PUBLIC_NOTICE,
    ACTIVE,
    SUSPENDED,
    REMOVED,
    EXITED;

    private static final Map<ProviderStatus, Set<ProviderStatus>> NEXT = Map.of(
            REGISTERED, EnumSet.of(SELF_ASSESSED, EXITED),
            SELF_ASSESSED, EnumSet.of(VERIFYING, EXITED),
            // verification can send a self-assessment back for rework
            VERIFYING, EnumSet.of(PUBLIC_NOTICE, SELF_ASSESSED, EXITED),
            // an upheld objection during the public notice sends it back to verification
            PUBLIC_NOTICE, EnumSet.of(ACTIVE, VERIFYING, EXITED),
            ACTIVE, EnumSet.of(SUSPENDED, REMOVED, EXITED),
            SUSPENDED, EnumSet.of(ACTIVE, REMOVED, EXITED),
            REMOVED, EnumSet.noneOf(ProviderStatus.class),
            EXITED, EnumSet.noneOf(ProviderStatus.class));

    /** Whether the regular lifecycle allows moving from this status to {@code target}. */
    public boolean canMoveTo(ProviderStatus target) {
        return NEXT.get(this).contains(target);
    }

    /** Still on the way to being listed. */
    public boolean isOnboarding() {
        return this == REGISTERED || this == SELF_ASSESSED || this == VERIFYING || this == PUBLIC_NOTICE;
    }

    public boolean isTerminal() {
        return NEXT.get(this).isEmpty();
    }

    /**
     * Whether the provider may prepare and publish offerings: while onboarding (published prices are
     * part of accreditation) and when listed; not while suspended, nor after removal or exit.
     */
    public boolean mayOfferCapacity() {
        return isOnboarding() || this == ACTIVE;
    }
}
