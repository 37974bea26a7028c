package cn.cvp.allocation.usage.events;

import java.util.UUID;

/** usage.rejected.v1 (key allocationId): the report was not accepted; {@code reason} is a stable code. */
public record UsageRejectedV1(UUID usageReportId, UUID allocationId, UUID providerId, String reason, String detail) {
    public static final String TYPE = "usage.rejected.v1";
}
