package cn.cvp.provider.usage.domain;

import java.util.Optional;
import java.util.UUID;

/**
 * Usage is reported only on the provider's own allocation — an unknown one or another provider's is
 * ALLOCATION_NOT_FOUND, as if it did not exist — and only while it is HELD or ACTIVE (ALLOCATION_NOT_BILLABLE): not
 * before voucher-service holds the subsidy, nor after it was cancelled or completed.
 */
public final class BillableAllocation {

    private BillableAllocation() {
    }

    public static Optional<UsageRecord.Rejection> check(UUID providerId, Reservation allocation, UUID allocationId) {
        if (allocation == null || !providerId.equals(allocation.providerId())) {
            return Optional.of(UsageRecord.Rejection.of("ALLOCATION_NOT_FOUND",
                    "Allocation " + allocationId + " was not found", "未找到分配 " + allocationId));
        }
        if (!allocation.status().isBillable()) {
            return Optional.of(UsageRecord.Rejection.of("ALLOCATION_NOT_BILLABLE",
                    "Allocation " + allocationId + " is " + allocation.status() + "; usage can be reported only on HELD or ACTIVE allocations",
                    "分配 " + allocationId + " 当前状态为 " + allocation.status() + "，仅可对 HELD 或 ACTIVE 状态的分配报送用量"));
        }
        return Optional.empty();
    }
}
