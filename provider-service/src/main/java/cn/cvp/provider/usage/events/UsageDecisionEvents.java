package cn.cvp.provider.usage.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * allocation-service's decisions on the usage reports provider-service took in, as provider-service reads them from
 * {@code allocation.events} (tolerant: unknown fields are ignored; the producer's schemas and examples are
 * allocation-service's).
 */
public final class UsageDecisionEvents {
    public static final String ACCEPTED = "usage.accepted.v1";
    public static final String REJECTED = "usage.rejected.v1";

    private UsageDecisionEvents() {
    }

    /** usage.accepted.v1 or usage.rejected.v1. */
    public static boolean isDecision(String type) {
        return ACCEPTED.equals(type) || REJECTED.equals(type);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UsageAcceptedV1(UUID usageReportId, UUID allocationId, UUID voucherId, UUID providerId,
                                  BigDecimal units, Long amountFen, Long subsidyFen, List<String> flags) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UsageRejectedV1(UUID usageReportId, UUID allocationId, UUID providerId, String reason,
                                  String detail) {
    }
}
