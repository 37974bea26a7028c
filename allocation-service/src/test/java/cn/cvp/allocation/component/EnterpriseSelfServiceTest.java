package cn.cvp.allocation.component;

import cn.cvp.allocation.testing.ComponentTest;
import cn.cvp.allocation.testing.TestEvents;
import cn.cvp.kit.testing.LocalInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * An enterprise's own view (issue 12 item 6): its allocations with provider, window, price and status, its waitlist
 * entries with the reason and the matching explanation, and the usage report behind each debit; never another
 * enterprise's. The token's {@code org_id} is the enterprise's credit code.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraResource.class)
class EnterpriseSelfServiceTest extends ComponentTest {

    /** The enterprise the tokens below speak for, and a competitor (well-formed credit codes). */
    private static final String MINE = "9111010812MYENT018";
    private static final String OTHERS = "9111010834THEMX02D";

    private static Fixture fixture;

    private record Fixture(UUID providerId, String providerName, UUID myAllocation, UUID myWaitlisted,
                           UUID othersAllocation, UUID myUsageReport, UUID othersUsageReport) {
    }

    /**
     * Once for the class: one provider with an offering of a fresh class; a voucher of mine and one of the other
     * enterprise matched to it and held, one usage report accepted on each; and a voucher of mine for a class
     * nobody offers (waitlisted).
     */
    @BeforeEach
    void market() {
        if (fixture != null) {
            return;
        }
        String rc = TestEvents.uniqueResourceClass();
        String name = "自助算力 " + UUID.randomUUID();
        UUID provider = activeProvider(TestEvents.creditCode(), name, List.of(), List.of(TestEvents.BJ));
        offering(provider, rc, 8, 1500);
        UUID mine = held(MINE, rc);
        UUID others = held(OTHERS, rc);
        UUID myReport = acceptedUsage(provider, mine);
        UUID othersReport = acceptedUsage(provider, others);

        UUID waitingVoucher = UUID.randomUUID();
        flow.voucher("voucher.issued.v1", waitingVoucher.toString(), TestEvents.voucherIssued(waitingVoucher, MINE,
                TestEvents.uniqueResourceClass(), 200, TestEvents.JAN_1.minusDays(5)));
        flow.awaitEvent("allocation.waitlisted.v1", d -> d.path("voucherId").asText().equals(waitingVoucher.toString()));
        UUID waitlisted = (UUID) single("select allocation_id from allocation where voucher_id = ?1", waitingVoucher);
        fixture = new Fixture(provider, name, mine, waitlisted, others, myReport, othersReport);
    }

    private UUID held(String enterprise, String rc) {
        UUID voucher = UUID.randomUUID();
        flow.voucher("voucher.issued.v1", voucher.toString(),
                TestEvents.voucherIssued(voucher, enterprise, rc, 100, TestEvents.JAN_1.minusDays(20)));
        UUID allocation = UUID.fromString(flow.awaitEvent("allocation.created.v1",
                d -> d.path("voucherId").asText().equals(voucher.toString())).path("allocationId").asText());
        flow.voucher("voucher.hold-placed.v1", voucher.toString(), TestEvents.holdPlaced(voucher, allocation, 30_000));
        flow.awaitEvent("allocation.held.v1", d -> d.path("allocationId").asText().equals(allocation.toString()));
        return allocation;
    }

    private UUID acceptedUsage(UUID provider, UUID allocation) {
        UUID report = UUID.randomUUID();
        flow.usage("usage.reported.v1", allocation.toString(), TestEvents.usageReported(report, provider, allocation,
                TestEvents.JAN_1, TestEvents.JAN_1.plusDays(1), "10.000", 1500, 15_000));
        flow.awaitEvent("usage.accepted.v1", d -> d.path("usageReportId").asText().equals(report.toString()));
        return report;
    }

    @Test
    @TestSecurity(user = "ent-self", roles = "enterprise")
    @OidcSecurity(claims = @Claim(key = "org_id", value = MINE))
    void anEnterpriseListsItsOwnAllocationsAndWaitlistEntriesOnly() {
        given().queryParam("size", 200).get("/api/allocations").then().statusCode(200)
                .body("items.enterpriseCreditCode", everyItem(equalTo(MINE)))
                .body("items.allocationId", containsInAnyOrder(fixture.myAllocation.toString(),
                        fixture.myWaitlisted.toString()))
                .body("total", equalTo(2));
        // asking for the other enterprise's allocations by filter still shows only its own
        given().queryParam("enterpriseCreditCode", OTHERS).get("/api/allocations").then().statusCode(200)
                .body("items.allocationId", not(contains(fixture.othersAllocation.toString())))
                .body("items.enterpriseCreditCode", everyItem(equalTo(MINE)));
    }

    @Test
    @TestSecurity(user = "ent-self", roles = "enterprise")
    @OidcSecurity(claims = @Claim(key = "org_id", value = MINE))
    void itSeesProviderWindowPriceAndStatusOfAnAllocation() {
        given().get("/api/allocations/{id}", fixture.myAllocation).then().statusCode(200)
                .body("providerId", equalTo(fixture.providerId.toString()))
                .body("providerName", equalTo(fixture.providerName))
                .body("status", equalTo("ACTIVE"))
                .body("unitPriceFen", equalTo(1500))
                .body("cardHours", equalTo(100))
                .body("amountFen", equalTo(150_000))
                .body("windowStart", notNullValue()).body("windowEnd", notNullValue())
                .body("acceptedCardHours", equalTo("10.000"))
                .body("explanation", notNullValue());
    }

    @Test
    @TestSecurity(user = "ent-self", roles = "enterprise")
    @OidcSecurity(claims = @Claim(key = "org_id", value = MINE))
    void itSeesWhyItsDemandIsWaitlistedAndWhatTheMatcherConsidered() {
        given().get("/api/allocations/{id}", fixture.myWaitlisted).then().statusCode(200)
                .body("status", equalTo("WAITLISTED"))
                .body("statusReason", equalTo("NO_OFFERING_OF_CLASS"))
                .body("providerId", equalTo(null))
                .body("cardHours", equalTo(200))
                .body("explanation", notNullValue());
    }

    @Test
    @TestSecurity(user = "ent-self", roles = "enterprise")
    @OidcSecurity(claims = @Claim(key = "org_id", value = MINE))
    void anotherEnterprisesAllocationIsNotFoundNotForbidden() {
        given().get("/api/allocations/{id}", fixture.othersAllocation).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
    }

    @Test
    @TestSecurity(user = "ent-self", roles = "enterprise")
    @OidcSecurity(claims = @Claim(key = "org_id", value = MINE))
    void itSeesTheUsageReportBehindItsDebitAndNotAnotherEnterprises() {
        given().get("/api/usage-decisions/{id}", fixture.myUsageReport).then().statusCode(200)
                .body("allocationId", equalTo(fixture.myAllocation.toString()))
                .body("decision", equalTo("ACCEPTED"))
                .body("units", equalTo("10.000"))
                .body("unitPriceFen", equalTo(1500))
                .body("amountFen", equalTo(15_000))
                .body("subsidyFen", equalTo(3_000))
                .body("periodStart", notNullValue()).body("periodEnd", notNullValue());
        given().get("/api/usage-decisions/{id}", fixture.othersUsageReport).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
        given().queryParam("size", 200).get("/api/usage-decisions").then().statusCode(200)
                .body("items.usageReportId", hasSize(1))
                .body("items[0].usageReportId", equalTo(fixture.myUsageReport.toString()));
    }

    @Test
    @TestSecurity(user = "audit-1", roles = "auditor")
    void staffSeeEveryEnterpriseAndMayFilterByOne() {
        given().queryParam("enterpriseCreditCode", OTHERS).get("/api/allocations").then().statusCode(200)
                .body("items.allocationId", contains(fixture.othersAllocation.toString()));
        given().get("/api/allocations/{id}", fixture.othersAllocation).then().statusCode(200)
                .body("providerName", equalTo(fixture.providerName));
        given().get("/api/usage-decisions/{id}", fixture.othersUsageReport).then().statusCode(200);
    }
}
