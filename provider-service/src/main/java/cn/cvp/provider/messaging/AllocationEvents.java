package cn.cvp.provider.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * provider-service's own tolerant view of the allocation.events it reacts to (unknown fields are
 * ignored; the producer's schemas are in allocation-service/src/main/resources/events).
 */
public final class AllocationEvents {
    public static final String CREATED = "allocation.created.v1";
    public static final String HELD = "allocation.held.v1";
    public static final String CANCELLED = "allocation.cancelled.v1";
    public static final String COMPLETED = "allocation.completed.v1";
    public static final String USAGE_ACCEPTED = "usage.accepted.v1";
    public static final String USAGE_REJECTED = "usage.rejected.v1";

    private AllocationEvents() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AllocationCreated(UUID allocationId, UUID voucherId, UUID offeringId, Integer offeringVersion,
                                    UUID providerId, String enterpriseCreditCode, String resourceClass, String region,
                                    Integer units, Long cardHours, Long unitPriceFen, Long amountFen,
                                    OffsetDateTime windowStart, OffsetDateTime windowEnd, String status) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AllocationHeld(UUID allocationId, UUID voucherId, UUID providerId, Long holdFen) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AllocationCancelled(UUID allocationId, UUID voucherId, UUID providerId, String reason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AllocationCompleted(UUID allocationId, UUID voucherId, UUID providerId, String reason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UsageAccepted(UUID usageReportId, UUID allocationId, UUID voucherId, UUID providerId,
                                BigDecimal units, Long amountFen, Long subsidyFen, List<String> flags) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UsageRejected(UUID usageReportId, UUID allocationId, UUID providerId, String reason, String detail) {
    }
}
