package cn.cvp.provider.usage.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The events provider-service publishes on {@code usage.events}. Key: the allocation id. */
public final class UsageEvents {
    public static final String TOPIC = "usage.events";
    public static final String REPORTED = "usage.reported.v1";

    private UsageEvents() {
    }

    /** {@code units}: card-hours as a decimal string with up to three places, e.g. "12.5". */
    public record UsageReportedV1(UUID usageReportId, int version, UUID correctsUsageReportId, UUID providerId,
                                  UUID allocationId, String recordId, OffsetDateTime periodStart,
                                  OffsetDateTime periodEnd, String units, long unitPriceFen, long amountFen,
                                  String deliveryCertificateRef) {
    }
}
