package cn.cvp.allocation.usage.events;

import java.util.List;
import java.util.UUID;

/**
 * usage.accepted.v1 (key allocationId): voucher-service captures {@code subsidyFen} from the hold.
 *
 * @param units the quantity used, in {@code unit}, as a decimal string (up to 3 places)
 * @param unit  the allocation's unit: CARD_HOUR, CORE_HOUR or TB_MONTH
 */
public record UsageAcceptedV1(UUID usageReportId, UUID allocationId, UUID voucherId, UUID providerId, String units,
                              long amountFen, long subsidyFen, List<String> flags, String unit) {
    public static final String TYPE = "usage.accepted.v1";
}
