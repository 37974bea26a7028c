package cn.cvp.allocation.matching.domain;

import cn.cvp.allocation.matching.events.AllocationCreatedV1;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An order placed on a quota, as the matcher sees it and as its allocations carry it. */
class QuotaOrderAllocationTest {
    static final OffsetDateTime NOW = AllocationTest.NOW;

    static QuotaOrder order(Voucher quota, long cardHours, OffsetDateTime placedAt) {
        return QuotaOrder.placed(new QuotaOrder.Placed(UUID.randomUUID(), quota.voucherId(), Fixtures.GPU, cardHours,
                List.of("110108"), Fixtures.JAN_1.atOffset(ZoneOffset.UTC), Fixtures.JAN_11.atOffset(ZoneOffset.UTC),
                null, 2_000_000, new BigDecimal("0.50"), 1_000_000, placedAt, "CARD_HOUR"), NOW);
    }

    @Test
    void anOrdersDemandIsTheOrdersUnderTheQuotasProgrammeRulesInTheOrdersTurn() {
        Voucher quota = AllocationTest.voucher();
        quota.markQuota();
        QuotaOrder o = order(quota, 300, NOW.minusHours(2));
        Demand d = quota.demandOfOrder(o, 120);
        assertThat(d.voucherId()).isEqualTo(o.orderId()); // the matcher knows the demand by the order
        assertThat(d.cardHours()).isEqualTo(120);
        assertThat(d.regions()).containsExactly("110108");
        assertThat(d.approvedAt()).isEqualTo(NOW.minusHours(2).toInstant());
        assertThat(d.programmeCode()).isEqualTo("BJ-AICV");
        assertThat(d.providerRequirements()).containsExactly(ProviderRequirement.PARTNER_PROGRAMME);
        assertThat(quota.isQuota()).isTrue();
    }

    @Test
    void anOrdersAllocationBelongsToTheQuotaNamesTheOrderAndHasTheOrdersRatio() {
        Voucher quota = AllocationTest.voucher(); // 0.20
        quota.markQuota();
        QuotaOrder o = order(quota, 300, NOW.minusHours(2));
        Allocation a = Allocation.propose(UUID.randomUUID(), quota, o, AllocationTest.fill(false, 300), "{}", NOW);
        AllocationCreatedV1 created = a.created();
        assertThat(created.voucherId()).isEqualTo(quota.voucherId());
        assertThat(created.orderId()).isEqualTo(o.orderId());
        assertThat(a.subsidyRatio()).isEqualByComparingTo("0.50");
        assertThat(a.voucherApprovedAt()).isEqualTo(NOW.minusHours(2));
        // a voucher's own allocation names no order
        assertThat(Allocation.propose(UUID.randomUUID(), AllocationTest.voucher(), AllocationTest.fill(false, 10), "{}",
                NOW).created().orderId()).isNull();
    }

    @Test
    void anOrdersWaitlistEntryIsServedOnlyForThatOrder() {
        Voucher quota = AllocationTest.voucher();
        QuotaOrder o = order(quota, 300, NOW);
        Allocation w = Allocation.waitlist(UUID.randomUUID(), quota, o, 300, "INSUFFICIENT_CAPACITY", "{}", NOW);
        assertThat(w.orderId()).isEqualTo(o.orderId());
        assertThat(w.resourceClass()).isEqualTo(Fixtures.GPU);
        QuotaOrder other = order(quota, 300, NOW);
        assertThatThrownBy(() -> w.proposeFromWaitlist(quota, other, AllocationTest.fill(false, 100), "{}", NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(w.proposeFromWaitlist(quota, o, AllocationTest.fill(false, 100), "{}", NOW).orderId())
                .isEqualTo(o.orderId());
    }

    @Test
    void aCancelledOrderStaysCancelled() {
        QuotaOrder o = order(AllocationTest.voucher(), 300, NOW);
        assertThat(o.isPlaced()).isTrue();
        assertThat(o.cancel()).isTrue();
        assertThat(o.cancel()).isFalse();
        assertThat(o.status()).isEqualTo(QuotaOrder.CANCELLED);
    }
}
