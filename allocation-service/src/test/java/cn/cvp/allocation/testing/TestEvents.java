package cn.cvp.allocation.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The data of the events other services send to allocation-service, as their contracts (docs/events.md) describe. */
public final class TestEvents {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final OffsetDateTime JAN_1 = OffsetDateTime.parse("2026-01-01T00:00:00+08:00");
    /** 240 hours after JAN_1. */
    public static final OffsetDateTime JAN_11 = JAN_1.plusDays(10);
    public static final String BJ = "BJ-AICV";
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private TestEvents() {
    }

    /** A resource class no other test uses, so that tests do not compete for capacity. */
    public static String uniqueResourceClass() {
        return "GPU_TEST_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** A random but well-formed 统一社会信用代码 of a Beijing company (correct check character). */
    public static String creditCode() {
        StringBuilder b = new StringBuilder("91110108");
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < 9; i++) {
            b.append(ALPHABET.charAt(r.nextInt(i < 2 ? 10 : ALPHABET.length())));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(b.charAt(i)) * WEIGHTS[i];
        }
        return b.append(ALPHABET.charAt((31 - sum % 31) % 31)).toString();
    }

    public static ObjectNode providerRegistered(UUID providerId, String creditCode, String name, List<String> relatedParties) {
        ObjectNode d = JSON.createObjectNode();
        d.put("providerId", providerId.toString());
        d.put("creditCode", creditCode);
        d.put("name", name);
        d.put("region", "110000");
        d.put("privatelyInvested", true);
        d.set("relatedParties", array(relatedParties));
        d.put("status", "REGISTERED");
        return d;
    }

    public static ObjectNode providerStatusChanged(UUID providerId, String creditCode, String status, List<String> programmes,
                                                   List<String> relatedParties) {
        ObjectNode d = JSON.createObjectNode();
        d.put("providerId", providerId.toString());
        d.put("creditCode", creditCode);
        d.put("status", status);
        d.put("previousStatus", "PUBLIC_NOTICE");
        d.set("programmeMemberships", array(programmes));
        d.put("privatelyInvested", true);
        d.set("relatedParties", array(relatedParties));
        d.putNull("reason");
        return d;
    }

    public static ObjectNode offeringPublished(UUID offeringId, int version, UUID providerId, String resourceClass,
                                               int units, long unitPriceFen, OffsetDateTime from, OffsetDateTime to) {
        ObjectNode d = JSON.createObjectNode();
        d.put("offeringId", offeringId.toString());
        d.put("version", version);
        d.put("providerId", providerId.toString());
        d.put("resourceClass", resourceClass);
        d.put("category", "COMPUTE");
        d.put("domesticChip", false);
        d.put("region", "110108");
        d.put("units", units);
        d.put("unit", "CARD_HOUR");
        d.put("unitPriceFen", unitPriceFen);
        d.put("availableFrom", from.toString());
        d.put("availableTo", to.toString());
        return d;
    }

    public static ObjectNode voucherIssued(UUID voucherId, String enterpriseCreditCode, String resourceClass, long cardHours,
                                           OffsetDateTime approvedAt) {
        ObjectNode d = JSON.createObjectNode();
        d.put("voucherId", voucherId.toString());
        d.put("applicationId", UUID.randomUUID().toString());
        d.put("programmeId", UUID.randomUUID().toString());
        d.put("programmeCode", BJ);
        d.put("enterpriseCreditCode", enterpriseCreditCode);
        d.set("enterpriseRelatedParties", JSON.createArrayNode());
        d.put("faceValueFen", 2_000_000_00L);
        d.put("subsidyRatio", "0.20");
        d.putNull("domesticChipSubsidyRatio");
        d.set("providerRequirements", array(List.of("PARTNER_PROGRAMME")));
        d.put("approvedAt", approvedAt.toString());
        d.put("validUntil", JAN_1.plusYears(1).toString());
        ObjectNode demand = d.putObject("demand");
        demand.put("resourceClass", resourceClass);
        demand.put("cardHours", cardHours);
        demand.set("regions", array(List.of("110000")));
        demand.put("windowStart", JAN_1.toString());
        demand.put("windowEnd", JAN_11.toString());
        return d;
    }

    public static ObjectNode holdPlaced(UUID voucherId, UUID allocationId, long holdFen) {
        ObjectNode d = JSON.createObjectNode();
        d.put("voucherId", voucherId.toString());
        d.put("allocationId", allocationId.toString());
        d.put("holdFen", holdFen);
        d.put("availableFen", 1_000_000L);
        return d;
    }

    public static ObjectNode holdRejected(UUID voucherId, UUID allocationId, String reason) {
        ObjectNode d = JSON.createObjectNode();
        d.put("voucherId", voucherId.toString());
        d.put("allocationId", allocationId.toString());
        d.put("reason", reason);
        return d;
    }

    public static ObjectNode usageReported(UUID usageReportId, UUID providerId, UUID allocationId, OffsetDateTime from,
                                           OffsetDateTime to, String units, long unitPriceFen, long amountFen) {
        ObjectNode d = JSON.createObjectNode();
        d.put("usageReportId", usageReportId.toString());
        d.put("version", 1);
        d.putNull("correctsUsageReportId");
        d.put("providerId", providerId.toString());
        d.put("allocationId", allocationId.toString());
        d.put("recordId", "rec-" + usageReportId.toString().substring(0, 8));
        d.put("periodStart", from.toString());
        d.put("periodEnd", to.toString());
        d.put("units", units);
        d.put("unitPriceFen", unitPriceFen);
        d.put("amountFen", amountFen);
        d.put("deliveryCertificateRef", "DC-" + usageReportId.toString().substring(0, 8));
        return d;
    }

    private static ArrayNode array(List<String> values) {
        ArrayNode a = JSON.createArrayNode();
        values.forEach(a::add);
        return a;
    }
}
