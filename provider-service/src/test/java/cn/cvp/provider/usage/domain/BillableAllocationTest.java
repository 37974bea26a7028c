package cn.cvp.provider.usage.domain;

import cn.cvp.provider.allocation.domain.AllocationStatus;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Usage only on the provider's own allocation, and only while it is HELD or ACTIVE. */
class BillableAllocationTest {
    static final UUID PROVIDER = UUID.randomUUID();

    static Optional<String> code(UUID owner, AllocationStatus status) {
        Reservation a = new Reservation(UUID.randomUUID(), owner, status);
        return BillableAllocation.check(PROVIDER, a, a.allocationId()).map(UsageRecord.Rejection::code);
    }

    @Test
    void heldAndActiveAllocationsTakeUsage() {
        assertThat(code(PROVIDER, AllocationStatus.HELD)).isEmpty();
        assertThat(code(PROVIDER, AllocationStatus.ACTIVE)).isEmpty();
    }

    @Test
    void notBeforeTheHoldNorAfterTheEnd() {
        assertThat(code(PROVIDER, AllocationStatus.PROPOSED)).contains("ALLOCATION_NOT_BILLABLE");
        assertThat(code(PROVIDER, AllocationStatus.CANCELLED)).contains("ALLOCATION_NOT_BILLABLE");
        assertThat(code(PROVIDER, AllocationStatus.COMPLETED)).contains("ALLOCATION_NOT_BILLABLE");
    }

    @Test
    void anotherProvidersOrAnUnknownAllocationIsNotFound() {
        assertThat(code(UUID.randomUUID(), AllocationStatus.HELD)).contains("ALLOCATION_NOT_FOUND");
        UUID unknown = UUID.randomUUID();
        assertThat(BillableAllocation.check(PROVIDER, null, unknown)).hasValueSatisfying(r -> {
            assertThat(r.code()).isEqualTo("ALLOCATION_NOT_FOUND");
            assertThat(r.messageEn()).isEqualTo("Allocation " + unknown + " was not found");
            assertThat(r.messageZh()).isEqualTo("未找到分配 " + unknown);
        });
    }
}
