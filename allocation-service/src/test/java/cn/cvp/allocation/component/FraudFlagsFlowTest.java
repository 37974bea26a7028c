package cn.cvp.allocation.component;

import cn.cvp.allocation.testing.ComponentTest;
import cn.cvp.allocation.testing.TestEvents;
import cn.cvp.kit.testing.LocalInfraResource;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Flagged-but-accepted usage is visible to administrators for review. */
@QuarkusTest
@QuarkusTestResource(LocalInfraResource.class)
class FraudFlagsFlowTest extends ComponentTest {

    @Test
    @TestSecurity(user = "admin-1", roles = "platform-admin")
    void usageBetweenPartiesFoundRelatedAfterMatchingIsAcceptedButFlaggedForReview() {
        String rc = TestEvents.uniqueResourceClass();
        String providerCode = TestEvents.creditCode();
        String enterprise = TestEvents.creditCode();
        UUID provider = activeProvider(providerCode, "算力伙伴 " + UUID.randomUUID(), List.of(), List.of(TestEvents.BJ));
        offering(provider, rc, 8, 1500);
        UUID voucher = UUID.randomUUID();
        flow.voucher("voucher.issued.v1", voucher.toString(),
                TestEvents.voucherIssued(voucher, enterprise, rc, 1000, TestEvents.JAN_1.minusDays(20)));
        UUID allocation = UUID.fromString(flow.awaitEvent("allocation.created.v1",
                d -> d.path("voucherId").asText().equals(voucher.toString())).path("allocationId").asText());
        flow.voucher("voucher.hold-placed.v1", voucher.toString(), TestEvents.holdPlaced(voucher, allocation, 300_000));
        flow.awaitEvent("allocation.held.v1", d -> d.path("allocationId").asText().equals(allocation.toString()));

        // the provider now declares the enterprise a related party (关联方)
        flow.provider("provider.status-changed.v1", provider.toString(), TestEvents.providerStatusChanged(provider,
                providerCode, "ACTIVE", List.of(TestEvents.BJ), List.of(enterprise)));
        await().atMost(patience()).untilAsserted(() -> assertThat(count(
                "select count(*) from provider_standing where provider_id = ?1 and ?2 = any(related_parties)",
                provider, enterprise)).isOne());

        UUID report = UUID.randomUUID();
        flow.usage("usage.reported.v1", allocation.toString(), TestEvents.usageReported(report, provider, allocation,
                TestEvents.JAN_1, TestEvents.JAN_1.plusDays(1), "96", 1500, 144_000));
        JsonNode accepted = flow.awaitEvent("usage.accepted.v1", d -> d.path("usageReportId").asText().equals(report.toString()));
        assertThat(accepted.path("flags").get(0).asText()).isEqualTo("RELATED_PARTY");
        assertThat(accepted.path("subsidyFen").asLong()).isEqualTo(28_800);

        given().get("/api/usage-decisions?flagged=true&decision=ACCEPTED&size=200").then().statusCode(200)
                .body("items.usageReportId", hasItem(report.toString()));
        given().get("/api/usage-decisions?voucherId={v}", voucher).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].flags[0]", equalTo("RELATED_PARTY"));
        given().get("/api/usage-decisions?decision=MAYBE").then().statusCode(400).body("code", equalTo("UNKNOWN_ENUM_VALUE"));
    }

    @Test
    void theReviewQueueNeedsAToken() {
        given().get("/api/usage-decisions?flagged=true").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "ent-1", roles = "enterprise")
    void theReviewQueueIsForAdministratorsAndAuditors() {
        given().get("/api/usage-decisions?flagged=true").then().statusCode(403);
    }
}
