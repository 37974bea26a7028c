package cn.cvp.allocation.component;

import cn.cvp.allocation.testing.ComponentTest;
import cn.cvp.allocation.testing.TestEvents;
import cn.cvp.kit.testing.LocalInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/** The read API: who may call it, filters, paging and refusals as problem+json. */
@QuarkusTest
@QuarkusTestResource(LocalInfraResource.class)
class AllocationApiTest extends ComponentTest {

    @Test
    void withoutATokenEveryEndpointAnswers401() {
        given().get("/api/allocations").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"))
                .body("messages.zh", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2("forged.token.here").get("/api/allocations").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
        given().get("/api/allocations/{id}", UUID.randomUUID()).then().statusCode(401);
        given().get("/api/usage-decisions/{id}", UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "ent-1", roles = "enterprise")
    void anEnterpriseAccountWithoutAnOrganisationIsRefused403() {
        given().get("/api/allocations").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("NO_ORGANISATION"))
                .body("messages.zh", org.hamcrest.Matchers.notNullValue());
        given().get("/api/allocations/{id}", UUID.randomUUID()).then().statusCode(403)
                .body("code", equalTo("NO_ORGANISATION"));
        given().get("/api/usage-decisions/{id}", UUID.randomUUID()).then().statusCode(403)
                .body("code", equalTo("NO_ORGANISATION"));
    }

    @Test
    @TestSecurity(user = "prov-1", roles = "provider")
    void aProviderUserIsRefused403() {
        given().get("/api/allocations").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        given().get("/api/usage-decisions").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
    }

    @Test
    @TestSecurity(user = "audit-1", roles = "auditor")
    void allocationsAreFilteredAndPaged() {
        String rc = TestEvents.uniqueResourceClass();
        UUID v1 = UUID.randomUUID();
        UUID v2 = UUID.randomUUID();
        for (UUID v : new UUID[]{v1, v2}) {
            flow.voucher("voucher.issued.v1", v.toString(),
                    TestEvents.voucherIssued(v, TestEvents.creditCode(), rc, 100, TestEvents.JAN_1.minusDays(5)));
            flow.awaitEvent("allocation.waitlisted.v1", d -> d.path("voucherId").asText().equals(v.toString()));
        }

        given().queryParam("voucherId", v1.toString()).get("/api/allocations").then().statusCode(200)
                .body("items", hasSize(1)).body("total", equalTo(1))
                .body("items[0].voucherId", equalTo(v1.toString()))
                .body("items[0].status", equalTo("WAITLISTED"))
                .body("items[0].cardHours", equalTo(100))
                .body("items[0].statusReason", equalTo("NO_OFFERING_OF_CLASS"));
        given().queryParam("status", "waitlisted").queryParam("size", 1).get("/api/allocations").then().statusCode(200)
                .body("items", hasSize(1)).body("size", equalTo(1)).body("page", equalTo(0))
                .body("total", greaterThanOrEqualTo(2))
                .body("items.status", everyItem(equalTo("WAITLISTED")));
        given().queryParam("providerId", UUID.randomUUID().toString()).get("/api/allocations").then().statusCode(200)
                .body("items", hasSize(0)).body("total", equalTo(0));
    }

    @Test
    @TestSecurity(user = "admin-1", roles = "platform-admin")
    void malformedFiltersAre400ProblemJson() {
        given().queryParam("status", "LOST").get("/api/allocations").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("code", equalTo("UNKNOWN_ENUM_VALUE"));
        given().queryParam("voucherId", "not-a-uuid").get("/api/allocations").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("code", equalTo("INVALID_FORMAT"));
        given().queryParam("size", 500).get("/api/allocations").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("code", equalTo("VALIDATION_FAILED"));
        given().header("Accept-Language", "zh-CN").queryParam("status", "LOST").get("/api/allocations").then()
                .statusCode(400).body("detail", startsWith("查询参数"));
    }

    @Test
    @TestSecurity(user = "admin-1", roles = "platform-admin")
    void unknownResourcesAre404ProblemJson() {
        given().get("/api/allocations/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType(startsWith("application/problem+json")).body("code", equalTo("NOT_FOUND"));
        given().get("/api/allocations/{id}", "nonsense").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        given().get("/api/usage-decisions/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType(startsWith("application/problem+json")).body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/allocations'.get.summary", equalTo("List allocations"))
                .body("paths.'/api/allocations/{allocationId}'.get.responses.'404'.description", startsWith("No such"))
                .body("paths.'/api/usage-decisions/{usageReportId}'.get.summary", equalTo("The decision on one usage report"));
    }
}
