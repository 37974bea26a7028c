package cn.cvp.allocation.component;

import cn.cvp.allocation.testing.ComponentTest;
import cn.cvp.allocation.testing.TestEvents;
import cn.cvp.kit.testing.LocalInfraResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Every unit the programme rules name, through the real topics: a TB-month voucher matched to a TB-month offering
 * (TB × whole 30-day months), a core-hour voucher to a core-hour offering, and usage in TB-months validated and
 * subsidised.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraResource.class)
class UnitsFlowTest extends ComponentTest {

    private static final OffsetDateTime JAN_1 = TestEvents.JAN_1;
    /** three 30-day months after JAN_1 */
    private static final OffsetDateTime DAY_90 = JAN_1.plusDays(90);

    private static String uniqueClass(String prefix) {
        return prefix + "_TEST_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private UUID offering(UUID provider, String resourceClass, String category, String unit, int units, long price,
                          OffsetDateTime from, OffsetDateTime to) {
        UUID offeringId = UUID.randomUUID();
        ObjectNode o = TestEvents.offeringPublished(offeringId, 1, provider, resourceClass, units, price, from, to);
        o.put("category", category).put("unit", unit);
        flow.provider("offering.published.v1", offeringId.toString(), o);
        org.awaitility.Awaitility.await().atMost(patience()).untilAsserted(() -> assertThat(count(
                "select count(*) from offering where offering_id = ?1", offeringId)).isOne());
        return offeringId;
    }

    private UUID voucher(String resourceClass, String unit, long quantity, OffsetDateTime from, OffsetDateTime to,
                         OffsetDateTime approvedAt) {
        UUID voucher = UUID.randomUUID();
        ObjectNode issued = TestEvents.voucherIssued(voucher, TestEvents.creditCode(), resourceClass, 1,
                approvedAt);
        ObjectNode demand = (ObjectNode) issued.path("demand");
        demand.remove("cardHours"); // as voucher-service sends a demand in another unit
        demand.put("unit", unit).put("quantity", quantity)
                .put("windowStart", from.toString()).put("windowEnd", to.toString());
        flow.voucher("voucher.issued.v1", voucher.toString(), issued);
        return voucher;
    }

    private JsonNode created(UUID voucher) {
        return flow.awaitEvent("allocation.created.v1", d -> d.path("voucherId").asText().equals(voucher.toString()));
    }

    @Test
    @TestSecurity(user = "audit-1", roles = "auditor")
    void aTbMonthVoucherIsAllocatedTbMonthsAndASecondCannotTakeTheSameMonths() {
        String rc = uniqueClass("STORAGE");
        UUID provider = activeBeijingPartner();
        // 10 TB for 90 days: 30 TB-months at 8,000 fen per TB-month
        UUID offering = offering(provider, rc, "STORAGE", "TB_MONTH", 10, 8_000, JAN_1, DAY_90);
        assertThat(count("select capacity_unit_hours from offering where offering_id = ?1", offering)).isEqualTo(30);

        UUID first = voucher(rc, "TB_MONTH", 20, JAN_1, DAY_90, JAN_1.minusDays(20));
        JsonNode a = created(first);
        assertThat(a.path("unit").asText()).isEqualTo("TB_MONTH");
        assertThat(a.path("quantity").asLong()).isEqualTo(20);
        assertThat(a.has("cardHours")).as("no card-hours on a TB-month allocation").isFalse();
        assertThat(a.path("units").asInt()).as("ceil(20 TB-months / 3 months) TB").isEqualTo(7);
        assertThat(a.path("amountFen").asLong()).as("20 × 8,000 fen").isEqualTo(160_000);
        assertThat(reserved(offering)).isEqualTo(20);
        given().get("/api/allocations/{id}", a.path("allocationId").asText()).then().statusCode(200)
                .body("unit", equalTo("TB_MONTH")).body("quantity", equalTo(20)).body("cardHours", nullValue())
                .body("status", equalTo("PROPOSED"));

        UUID second = voucher(rc, "TB_MONTH", 20, JAN_1, DAY_90, JAN_1.minusDays(10));
        assertThat(created(second).path("quantity").asLong()).as("only the 10 TB-months left").isEqualTo(10);
        JsonNode waiting = flow.awaitEvent("allocation.waitlisted.v1",
                d -> d.path("voucherId").asText().equals(second.toString()));
        assertThat(waiting.path("unit").asText()).isEqualTo("TB_MONTH");
        assertThat(waiting.path("quantity").asLong()).isEqualTo(10);
        assertThat(waiting.path("reason").asText()).isEqualTo("INSUFFICIENT_CAPACITY");
        assertThat(reserved(offering)).isEqualTo(30);
    }

    @Test
    void usageInTbMonthsIsAcceptedWithItsSubsidyAndOverReportingIsRejected() {
        String rc = uniqueClass("STORAGE");
        UUID provider = activeBeijingPartner();
        offering(provider, rc, "STORAGE", "TB_MONTH", 10, 8_000, JAN_1, DAY_90);
        UUID voucher = voucher(rc, "TB_MONTH", 30, JAN_1, DAY_90, JAN_1.minusDays(20));
        UUID allocation = UUID.fromString(created(voucher).path("allocationId").asText());
        flow.voucher("voucher.hold-placed.v1", voucher.toString(), TestEvents.holdPlaced(voucher, allocation, 48_000));
        flow.awaitEvent("allocation.held.v1", d -> d.path("allocationId").asText().equals(allocation.toString()));

        // January: 10 TB for 30 days = 10 TB-months, 80,000 fen, 20 % subsidy
        UUID january = UUID.randomUUID();
        flow.usage("usage.reported.v1", allocation.toString(), TestEvents.usageReported(january, provider, allocation,
                JAN_1, JAN_1.plusDays(30), "10", 8_000, 80_000));
        JsonNode accepted = flow.awaitEvent("usage.accepted.v1",
                d -> d.path("usageReportId").asText().equals(january.toString()));
        assertThat(accepted.path("unit").asText()).isEqualTo("TB_MONTH");
        assertThat(accepted.path("units").asText()).isEqualTo("10");
        assertThat(accepted.path("subsidyFen").asLong()).isEqualTo(16_000);

        // 10 TB cannot have delivered 11 TB-months in 30 days
        UUID tooMuch = UUID.randomUUID();
        flow.usage("usage.reported.v1", allocation.toString(), TestEvents.usageReported(tooMuch, provider, allocation,
                JAN_1.plusDays(30), JAN_1.plusDays(60), "11", 8_000, 88_000));
        JsonNode rejected = flow.awaitEvent("usage.rejected.v1",
                d -> d.path("usageReportId").asText().equals(tooMuch.toString()));
        assertThat(rejected.path("reason").asText()).isEqualTo("OVER_RESERVED_CAPACITY");
        assertThat(single("select accepted_units::text from allocation where allocation_id = ?1", allocation))
                .isEqualTo("10.000");
    }

    @Test
    void aCoreHourVoucherIsAllocatedCoreHoursAtThePricePerCoreHour() {
        String rc = uniqueClass("CPU");
        UUID provider = activeBeijingPartner();
        // 64 cores for 240 h at 12 fen per core-hour
        UUID offering = offering(provider, rc, "COMPUTE", "CORE_HOUR", 64, 12, JAN_1, TestEvents.JAN_11);
        UUID voucher = voucher(rc, "CORE_HOUR", 1_000, JAN_1, TestEvents.JAN_11, JAN_1.minusDays(20));
        JsonNode a = created(voucher);
        assertThat(a.path("unit").asText()).isEqualTo("CORE_HOUR");
        assertThat(a.path("quantity").asLong()).isEqualTo(1_000);
        assertThat(a.path("units").asInt()).as("ceil(1000 / 240) cores").isEqualTo(5);
        assertThat(a.path("amountFen").asLong()).isEqualTo(12_000);
        assertThat(a.path("status").asText()).isEqualTo("PROPOSED");
        assertThat(reserved(offering)).isEqualTo(1_000);
    }

    @Test
    void aCardHourOfferingDoesNotServeATbMonthVoucher() {
        String rc = uniqueClass("STORAGE");
        UUID provider = activeBeijingPartner();
        offering(provider, rc, "STORAGE", "CARD_HOUR", 10, 8_000, JAN_1, DAY_90);
        UUID voucher = voucher(rc, "TB_MONTH", 5, JAN_1, DAY_90, JAN_1.minusDays(20));
        JsonNode waiting = flow.awaitEvent("allocation.waitlisted.v1",
                d -> d.path("voucherId").asText().equals(voucher.toString()));
        assertThat(waiting.path("reason").asText()).isEqualTo("NO_ELIGIBLE_OFFERING");
        assertThat(flow.events("allocation.created.v1", d -> d.path("voucherId").asText().equals(voucher.toString())))
                .isEmpty();
    }
}
