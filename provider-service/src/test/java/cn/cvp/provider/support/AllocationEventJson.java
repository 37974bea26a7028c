package cn.cvp.provider.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** allocation.events as allocation-service writes them (docs/events.md), built for tests. */
public final class AllocationEventJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AllocationEventJson() {
    }

    public static String envelope(String eventId, String type, UUID subject, Map<String, ?> data) {
        ObjectNode e = MAPPER.createObjectNode();
        e.put("specversion", "1.0");
        e.put("id", eventId);
        e.put("source", "/allocation-service");
        e.put("type", type);
        e.put("subject", subject.toString());
        e.put("time", OffsetDateTime.now().toString());
        e.put("datacontenttype", "application/json");
        e.set("data", MAPPER.valueToTree(data));
        return e.toString();
    }

    public static String created(UUID allocationId, UUID providerId, int units, long cardHours, long unitPriceFen) {
        OffsetDateTime start = OffsetDateTime.now().minusDays(10).withNano(0);
        return envelope(UUID.randomUUID().toString(), "allocation.created.v1", allocationId, Map.ofEntries(
                Map.entry("allocationId", allocationId.toString()),
                Map.entry("voucherId", UUID.randomUUID().toString()),
                Map.entry("offeringId", UUID.randomUUID().toString()),
                Map.entry("offeringVersion", 1),
                Map.entry("providerId", providerId.toString()),
                Map.entry("enterpriseCreditCode", "91110108MA01ENT1XN"),
                Map.entry("resourceClass", "GPU_A800_80G"),
                Map.entry("region", "110105"),
                Map.entry("units", units),
                Map.entry("cardHours", cardHours),
                Map.entry("unitPriceFen", unitPriceFen),
                Map.entry("amountFen", cardHours * unitPriceFen),
                Map.entry("windowStart", start.toString()),
                Map.entry("windowEnd", start.plusDays(60).toString()),
                Map.entry("status", "PROPOSED")));
    }

    /** allocation.created.v1 of an allocation in another unit (CORE_HOUR, TB_MONTH): unit and quantity, no cardHours. */
    public static String createdIn(String unit, String resourceClass, UUID allocationId, UUID providerId, int units,
                                   long quantity, long unitPriceFen) {
        OffsetDateTime start = OffsetDateTime.now().minusDays(10).withNano(0);
        return envelope(UUID.randomUUID().toString(), "allocation.created.v1", allocationId, Map.ofEntries(
                Map.entry("allocationId", allocationId.toString()),
                Map.entry("voucherId", UUID.randomUUID().toString()),
                Map.entry("offeringId", UUID.randomUUID().toString()),
                Map.entry("offeringVersion", 1),
                Map.entry("providerId", providerId.toString()),
                Map.entry("enterpriseCreditCode", "91110108MA01ENT1XN"),
                Map.entry("resourceClass", resourceClass),
                Map.entry("region", "310115"),
                Map.entry("units", units),
                Map.entry("unit", unit),
                Map.entry("quantity", quantity),
                Map.entry("unitPriceFen", unitPriceFen),
                Map.entry("amountFen", quantity * unitPriceFen),
                Map.entry("windowStart", start.toString()),
                Map.entry("windowEnd", start.plusDays(90).toString()),
                Map.entry("status", "PROPOSED")));
    }

    public static String held(String eventId, UUID allocationId, UUID providerId, long holdFen) {
        return envelope(eventId, "allocation.held.v1", allocationId, Map.of(
                "allocationId", allocationId.toString(), "voucherId", UUID.randomUUID().toString(),
                "providerId", providerId.toString(), "holdFen", holdFen));
    }

    public static String cancelled(UUID allocationId, UUID providerId, String reason) {
        return envelope(UUID.randomUUID().toString(), "allocation.cancelled.v1", allocationId, Map.of(
                "allocationId", allocationId.toString(), "voucherId", UUID.randomUUID().toString(),
                "providerId", providerId.toString(), "reason", reason));
    }

    public static String usageAccepted(UUID usageReportId, UUID allocationId, UUID providerId, String units,
                                       long amountFen, long subsidyFen, List<String> flags) {
        return envelope(UUID.randomUUID().toString(), "usage.accepted.v1", allocationId, Map.of(
                "usageReportId", usageReportId.toString(), "allocationId", allocationId.toString(),
                "voucherId", UUID.randomUUID().toString(), "providerId", providerId.toString(),
                "units", units, "amountFen", amountFen, "subsidyFen", subsidyFen, "flags", flags));
    }

    public static String usageRejected(UUID usageReportId, UUID allocationId, UUID providerId, String reason,
                                       String detail) {
        return envelope(UUID.randomUUID().toString(), "usage.rejected.v1", allocationId, Map.of(
                "usageReportId", usageReportId.toString(), "allocationId", allocationId.toString(),
                "providerId", providerId.toString(), "reason", reason, "detail", detail));
    }
}
