package cn.cvp.voucher.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.UUID;

/** voucher-service's own tolerant view of the allocation.events it reacts to. */
public final class AllocationEvents {
    public static final String CREATED = "allocation.created.v1";
    public static final String CANCELLED = "allocation.cancelled.v1";
    public static final String USAGE_ACCEPTED = "usage.accepted.v1";

    private AllocationEvents() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AllocationCreated(UUID allocationId, UUID voucherId, UUID providerId, long amountFen) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AllocationCancelled(UUID allocationId, UUID voucherId, String reason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UsageAccepted(UUID usageReportId, UUID allocationId, UUID voucherId, UUID providerId,
                                long amountFen, long subsidyFen) {
    }
}
