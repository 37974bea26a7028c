package cn.cvp.provider.allocation.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * provider-service's own tolerant view of the allocation events it reads from {@code allocation.events} (unknown
 * fields are ignored; the producer's schemas and examples are allocation-service's, under
 * src/main/resources/events).
 */
public final class AllocationEvents {
    public static final String TOPIC = "allocation.events";
    public static final String CREATED = "allocation.created.v1";
    public static final String HELD = "allocation.held.v1";
    public static final String CANCELLED = "allocation.cancelled.v1";
    public static final String COMPLETED = "allocation.completed.v1";

    private AllocationEvents() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AllocationCreatedV1(UUID allocationId, UUID voucherId, UUID offeringId, Integer offeringVersion,
                                      UUID providerId, String enterpriseCreditCode, String resourceClass,
                                      String region, Integer units, Long cardHours, Long unitPriceFen, Long amountFen,
                                      OffsetDateTime windowStart, OffsetDateTime windowEnd, String status,
                                      String unit, Long quantity) {
        /** CARD_HOUR, CORE_HOUR or TB_MONTH; CARD_HOUR on events from before units. */
        public String unitOrCardHour() {
            return unit == null ? "CARD_HOUR" : unit;
        }

        /** The reserved quantity in the unit; {@code cardHours} on events from before units. */
        public Long quantityOrCardHours() {
            return quantity != null ? quantity : cardHours;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AllocationHeldV1(UUID allocationId, UUID voucherId, UUID providerId, Long holdFen) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AllocationCancelledV1(UUID allocationId, UUID voucherId, UUID providerId, String reason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AllocationCompletedV1(UUID allocationId, UUID voucherId, UUID providerId, String reason) {
    }
}
