package cn.cvp.provider.allocation.domain;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderAllocationTest {
    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-22T10:00:00+08:00");

    static ProviderAllocation.Terms terms(UUID providerId) {
        return new ProviderAllocation.Terms(UUID.randomUUID(), UUID.randomUUID(), 1, providerId, "91110108MA01ENT1XN",
                "GPU_A800_80G", "110105", 8, 2_880L, 1_200L, 3_456_000L, NOW, NOW.plusDays(30));
    }

    @Test
    void followsTheAllocationFromProposalToHold() {
        UUID provider = UUID.randomUUID();
        ProviderAllocation a = ProviderAllocation.firstHeard(UUID.randomUUID(), null, provider, NOW);
        a.proposed(terms(provider), NOW);
        assertThat(a.status()).isEqualTo(AllocationStatus.PROPOSED);
        assertThat(a.isBillable()).isFalse();
        a.held(691_200, NOW);
        assertThat(a.status()).isEqualTo(AllocationStatus.HELD);
        assertThat(a.holdFen()).isEqualTo(691_200);
        assertThat(a.isBillable()).isTrue();
    }

    @Test
    void aLateProposalFillsInTheTermsWithoutTakingTheStatusBack() {
        UUID provider = UUID.randomUUID();
        ProviderAllocation a = ProviderAllocation.firstHeard(UUID.randomUUID(), null, provider, NOW);
        a.held(100, NOW);
        a.proposed(terms(provider), NOW);
        assertThat(a.status()).isEqualTo(AllocationStatus.HELD);
        assertThat(a.cardHours()).isEqualTo(2_880L);
    }

    @Test
    void aCancelledAllocationStaysCancelled() {
        UUID provider = UUID.randomUUID();
        ProviderAllocation a = ProviderAllocation.firstHeard(UUID.randomUUID(), null, provider, NOW);
        a.proposed(terms(provider), NOW);
        a.cancelled("HOLD_REJECTED", NOW);
        a.held(100, NOW);
        assertThat(a.status()).isEqualTo(AllocationStatus.CANCELLED);
        assertThat(a.holdFen()).isNull();
        assertThat(a.cancelReason()).isEqualTo("HOLD_REJECTED");
        assertThat(a.isBillable()).isFalse();
    }
}
