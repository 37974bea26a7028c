package cn.cvp.e2e;

import io.restassured.response.Response;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

/**
 * The main flow through the three running services, with real Keycloak tokens, observed through their
 * APIs and the Kafka topics: offering → application → approval → voucher.issued → allocation.created →
 * hold → usage.reported → usage.accepted → voucher.debited. Run by {@code deploy/local/platform test}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VoucherJourneyIT {
    static final String ENTERPRISE_ORG = "91110108MA01ENT1XN";
    static final String PROVIDER_ORG = "91110105MA03PRD108";
    static final ZoneOffset CST = ZoneOffset.ofHours(8);

    @Test
    @Order(1)
    void everyApiNeedsATokenAndTheRightRole() {
        // each service's own collection; a refusal says why, as problem+json with a stable code
        Map<String, String> collections = Map.of(Stack.VOUCHER, "/api/vouchers", Stack.PROVIDER, "/api/offerings",
                Stack.ALLOCATION, "/api/allocations");
        collections.forEach((service, path) -> Stack.anonymous(service).get(path).then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED")));
        Stack.anonymous(Stack.VOUCHER).get("/api/vouchers").then().statusCode(401);
        Stack.as("provider-demo", Stack.VOUCHER).get("/api/vouchers").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
        Stack.as("enterprise-demo", Stack.VOUCHER)
                .post("/api/applications/" + UUID.randomUUID() + "/approve").then().statusCode(403);
        Stack.as("enterprise-demo", Stack.PROVIDER).body(Map.of("records", List.of()))
                .post("/api/usage-reports").then().statusCode(403);
        // allocation-service's list is for staff and for an enterprise's own allocations (self-service), not providers
        Stack.as("provider-demo", Stack.ALLOCATION).get("/api/allocations").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
        Stack.as("enterprise-demo", Stack.ALLOCATION).get("/api/allocations").then().statusCode(200);
        Stack.as("auditor-demo", Stack.ALLOCATION).get("/api/allocations").then().statusCode(200);
    }

    @Test
    @Order(2)
    void aVoucherTravelsThroughAllThreeServices() {
        OffsetDateTime now = OffsetDateTime.now(CST).truncatedTo(ChronoUnit.HOURS);
        String region = "110108";
        long priceFen = 1_200 + (System.currentTimeMillis() % 100); // per card-hour; varies per run

        // the provider is registered and accredited for the Beijing programme, and publishes an offering
        String providerId = provider();
        String offeringId = Stack.as("provider-demo", Stack.PROVIDER).body(Map.of(
                        "resourceClass", "GPU_A800_80G", "region", region, "units", 8, "unitPriceFen", priceFen,
                        "availableFrom", now.minusDays(1).toString(), "availableTo", now.plusDays(60).toString()))
                .post("/api/offerings").then().statusCode(201).extract().path("id");
        Stack.as("provider-demo", Stack.PROVIDER).post("/api/offerings/" + offeringId + "/publish")
                .then().statusCode(200).body("status", equalTo("PUBLISHED"));

        // the enterprise applies; the reviewer checks, the approver approves; a voucher is issued
        enterprise();
        Map<String, Object> application = Map.of("programmeCode", "BJ-AICV",
                "demand", Map.of("resourceClass", "GPU_A800_80G", "cardHours", 100, "regions", List.of(region),
                        "windowStart", now.minusHours(12).toString(), "windowEnd", now.plusDays(30).toString()),
                "purpose", "端到端测试：模型训练 (end-to-end test: model training)",
                "amountFen", 100 * priceFen,
                "contract", Map.of("number", "E2E-" + UUID.randomUUID(), "signedOn", now.toLocalDate().minusDays(3).toString(),
                        "months", 3, "providerCreditCode", PROVIDER_ORG));
        String applicationId = Stack.as("enterprise-demo", Stack.VOUCHER).body(application)
                .post("/api/applications").then().statusCode(201).extract().path("id");
        submitOnceThePartnerIsKnown(applicationId).then().statusCode(200).body("status", equalTo("UNDER_REVIEW"));
        Stack.as("reviewer-demo", Stack.VOUCHER).post("/api/applications/" + applicationId + "/review")
                .then().statusCode(200);
        String voucherId = Stack.as("approver-demo", Stack.VOUCHER).post("/api/applications/" + applicationId + "/approve")
                .then().statusCode(200).body("status", equalTo("ISSUED")).extract().path("voucherId");
        long face = Stack.as("enterprise-demo", Stack.VOUCHER).get("/api/vouchers/" + voucherId).then().statusCode(200)
                .extract().<Number>path("faceValueFen").longValue();
        assertThat(face).isEqualTo(100 * priceFen / 5); // 20 % of the contract amount

        assertThat(Topics.find("voucher.events", "voucher.issued.v1",
                d -> d.path("voucherId").asText().equals(voucherId), 1, Duration.ofSeconds(30))).hasSize(1);

        // allocation-service matches it; voucher-service holds the subsidy; the provider sees the allocation
        List<Topics.Event> created = Topics.find("allocation.events", "allocation.created.v1",
                d -> d.path("voucherId").asText().equals(voucherId), 1, Duration.ofSeconds(60));
        assertThat(created).hasSize(1);
        String allocationId = created.get(0).json().path("data").path("allocationId").asText();
        assertThat(created.get(0).json().path("data").path("cardHours").asLong()).isEqualTo(100);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                Stack.as("provider-demo", Stack.PROVIDER).get("/api/allocations/" + allocationId).then()
                        .statusCode(200).body("status", equalTo("HELD")));
        long held = Stack.as("enterprise-demo", Stack.VOUCHER).get("/api/vouchers/" + voucherId).then()
                .extract().<Number>path("heldFen").longValue();
        long unitPrice = Stack.as("provider-demo", Stack.PROVIDER).get("/api/allocations/" + allocationId).then()
                .extract().<Number>path("unitPriceFen").longValue();
        assertThat(held).isEqualTo(Math.min(face, 100 * unitPrice / 5));
        Stack.as("admin-demo", Stack.ALLOCATION).get("/api/allocations/" + allocationId).then().statusCode(200)
                .body("voucherId", equalTo(voucherId));

        // the provider reports 2 card-hours in 2 hours (within the 1 card reserved); allocation-service accepts; the voucher is debited
        String recordId = "e2e-" + UUID.randomUUID();
        Map<String, Object> batch = Map.of("records", List.of(Map.of(
                "allocationId", allocationId, "recordId", recordId,
                "periodStart", now.minusHours(3).toString(), "periodEnd", now.minusHours(1).toString(),
                "units", "2", "unitPriceFen", unitPrice, "amountFen", 2 * unitPrice,
                "deliveryCertificateRef", "DC-" + recordId)));
        Response reported = Stack.as("provider-demo", Stack.PROVIDER).body(batch).post("/api/usage-reports");
        reported.then().statusCode(200).body("results[0].status", equalTo("ACCEPTED_FOR_PROCESSING"));
        String usageReportId = reported.path("results[0].usageReportId");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                Stack.as("provider-demo", Stack.PROVIDER).get("/api/usage-reports/" + usageReportId).then()
                        .statusCode(200).body("status", equalTo("ACCEPTED")));
        long subsidy = 2 * unitPrice / 5;
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                Stack.as("enterprise-demo", Stack.VOUCHER).get("/api/vouchers/" + voucherId).then()
                        .body("consumedFen", equalTo((int) subsidy))
                        .body("balanceFen", equalTo((int) (face - held))));

        // redelivery changes nothing: the same usage.accepted event again, the same batch again
        List<Topics.Event> accepted = Topics.find("allocation.events", "usage.accepted.v1",
                d -> d.path("usageReportId").asText().equals(usageReportId), 1, Duration.ofSeconds(30));
        assertThat(accepted).hasSize(1);
        for (int i = 0; i < 3; i++) {
            Topics.send("allocation.events", accepted.get(0).key(), accepted.get(0).raw());
        }
        Stack.as("provider-demo", Stack.PROVIDER).body(batch).post("/api/usage-reports").then().statusCode(200)
                .body("results[0].status", equalTo("DUPLICATE"))
                .body("results[0].usageReportId", equalTo(usageReportId));
        // still exactly one debit for the report after the redeliveries
        assertThat(Topics.find("voucher.events", "voucher.debited.v1",
                d -> d.path("usageReportId").asText().equals(usageReportId), 2, Duration.ofSeconds(10))).hasSize(1);
        Stack.as("enterprise-demo", Stack.VOUCHER).get("/api/vouchers/" + voucherId).then()
                .body("consumedFen", equalTo((int) subsidy));
        List<String> ledger = Stack.as("enterprise-demo", Stack.VOUCHER).get("/api/vouchers/" + voucherId + "/ledger")
                .then().extract().path("type");
        assertThat(ledger).containsExactly("ISSUE", "HOLD", "CAPTURE");

        // each tenant sees only its own side
        Stack.as("enterprise-other", Stack.VOUCHER).get("/api/vouchers/" + voucherId).then().statusCode(404);
        Stack.as("provider-other", Stack.PROVIDER).get("/api/allocations/" + allocationId).then().statusCode(404);
        Stack.as("provider-other", Stack.PROVIDER).get("/api/usage-reports/" + usageReportId).then().statusCode(404);
        assertThat(providerId).isNotBlank();
    }

    /** provider-demo's provider, registered and accredited (idempotent across runs: the stack keeps its data). */
    /**
     * Submits enterprise-demo's application, retried while voucher-service has not yet heard (provider.events) that
     * the contract's provider is an active partner; a refusal changes nothing. The first other answer.
     */
    static Response submitOnceThePartnerIsKnown(String applicationId) {
        java.util.concurrent.atomic.AtomicReference<Response> answer = new java.util.concurrent.atomic.AtomicReference<>();
        await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
            answer.set(Stack.as("enterprise-demo", Stack.VOUCHER).post("/api/applications/" + applicationId + "/submit"));
            String code = answer.get().statusCode() == 422 ? answer.get().path("code") : null;
            return code == null || !code.startsWith("CONTRACT_PROVIDER_");
        });
        return answer.get();
    }

    /** provider-demo registered and accredited for BJ-AICV and SH-ICV (idempotent across runs); its id. */
    static String provider() {
        Response registered = Stack.as("provider-demo", Stack.PROVIDER).body(Map.of(
                "name", "京算智能科技有限公司 (demo provider)", "creditCode", PROVIDER_ORG, "region", "110105",
                "yearsOperating", 5, "site", "北京市朝阳区酒仙桥路 10 号", "privatelyInvested", true,
                "relatedParties", List.of())).post("/api/providers");
        assertThat(registered.statusCode()).isIn(201, 409);
        Response me = Stack.as("provider-demo", Stack.PROVIDER).get("/api/providers/me");
        String id = me.path("id");
        if (!"ACTIVE".equals(me.path("status"))) {
            Stack.as("admin-demo", Stack.PROVIDER).body(Map.of("programmeMemberships", List.of("BJ-AICV", "SH-ICV")))
                    .post("/api/providers/" + id + "/accreditation").then().statusCode(200).body("status", equalTo("ACTIVE"));
        }
        return id;
    }

    private static void enterprise() {
        Stack.as("enterprise-demo", Stack.VOUCHER).body(Map.of(
                        "name", "北京智算科技有限公司 (demo enterprise)", "creditCode", ENTERPRISE_ORG, "region", "110108",
                        "industry", "SOFTWARE_IT_SERVICES", "size", "SMALL", "startup", true, "team", false,
                        "ownership", "PRIVATE", "dishonest", false, "relatedParties", List.of()))
                .post("/api/enterprises").then().statusCode(anyOf(is(201), is(409)));
    }
}
