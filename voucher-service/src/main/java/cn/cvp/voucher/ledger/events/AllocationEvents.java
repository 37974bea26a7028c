package cn.cvp.voucher.ledger.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.UUID;

/** voucher-service's own tolerant view of the allocation.events it reacts to (unknown fields ignored). */
public final class AllocationEvents {
    public static final String CREATED = "allocation.created.v1";
    public static final String CANCELLED = "allocation.cancelled.v1";
    public static final String COMPLETED = "allocation.completed.v1";
    public static final String USAGE_ACCEPTED = "usage.accepted.v1";

    private AllocationEvents() {
    }

    /** {@code orderId}: the order of a quota the allocation serves (null for a voucher's own demand). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AllocationCreated(UUID allocationId, UUID voucherId, UUID orderId, UUID providerId, long amountFen) {
    }

    /** allocation.cancelled.v1 or allocation.completed.v1: nothing more will be captured; release the rest. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AllocationEnded(UUID allocationId, UUID voucherId, String reason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UsageAccepted(UUID usageReportId, UUID allocationId, UUID voucherId, UUID providerId,
                                long amountFen, long subsidyFen) {
    }
}
