package cn.cvp.e2e;

import org.junit.jupiter.api.Test;

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

/** The programme office's side through the running stack: rejection, return and resubmission, expiry. */
class ReviewJourneyIT {
    static final ZoneOffset CST = ZoneOffset.ofHours(8);

    private static Map<String, Object> application(long amountFen) {
        OffsetDateTime now = OffsetDateTime.now(CST).truncatedTo(ChronoUnit.HOURS);
        return Map.of("programmeCode", "BJ-AICV",
                "demand", Map.of("resourceClass", "GPU_H800_80G", "cardHours", 50, "regions", List.of("110108"),
                        "windowStart", now.toString(), "windowEnd", now.plusDays(20).toString()),
                "purpose", "端到端测试 (end-to-end review test)", "amountFen", amountFen,
                "contract", Map.of("number", "E2E-R-" + UUID.randomUUID(), "signedOn", now.toLocalDate().minusDays(1).toString(),
                        "months", 2, "providerCreditCode", VoucherJourneyIT.PROVIDER_ORG));
    }

    private static String submitted(Map<String, Object> body) {
        Stack.as("enterprise-demo", Stack.VOUCHER).body(Map.of(
                        "name", "北京智算科技有限公司 (demo enterprise)", "creditCode", "91110108MA01ENT1XN", "region", "110108",
                        "industry", "SOFTWARE_IT_SERVICES", "size", "SMALL", "startup", true, "team", false,
                        "ownership", "PRIVATE", "dishonest", false, "relatedParties", List.of()))
                .post("/api/enterprises").then().statusCode(anyOf(is(201), is(409)));
        String id = Stack.as("enterprise-demo", Stack.VOUCHER).body(body).post("/api/applications")
                .then().statusCode(201).extract().path("id");
        VoucherJourneyIT.provider(); // Beijing's contract binds the provider: it must be an active partner
        VoucherJourneyIT.submitOnceThePartnerIsKnown(id).then().statusCode(200);
        return id;
    }

    @Test
    void aRejectedApplicationReleasesItsReservationAndCannotBeApproved() {
        String id = submitted(application(500_000));
        Stack.as("reviewer-demo", Stack.VOUCHER).body(Map.of("reason", "用途与合同不符 (purpose does not match the contract)"))
                .post("/api/applications/" + id + "/reject").then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("reservedFen", equalTo(0));
        Stack.as("approver-demo", Stack.VOUCHER).post("/api/applications/" + id + "/approve").then().statusCode(409)
                .body("code", equalTo("ILLEGAL_STATE")).body("currentState", equalTo("REJECTED"));
        Stack.as("enterprise-other", Stack.VOUCHER).get("/api/applications/" + id).then().statusCode(404);
    }

    @Test
    void aReturnedApplicationIsRevisedResubmittedAndIssued() {
        Map<String, Object> body = application(400_000);
        String id = submitted(body);
        Stack.as("reviewer-demo", Stack.VOUCHER).body(Map.of("reason", "请补充交付计划 (add the delivery plan)"))
                .post("/api/applications/" + id + "/return").then().statusCode(200).body("status", equalTo("RETURNED"));
        Map<String, Object> revised = new java.util.HashMap<>(body);
        revised.put("purpose", "端到端测试，附交付计划 (with the delivery plan)");
        Stack.as("enterprise-demo", Stack.VOUCHER).body(revised).put("/api/applications/" + id).then().statusCode(200);
        Stack.as("enterprise-demo", Stack.VOUCHER).post("/api/applications/" + id + "/submit").then().statusCode(200)
                .body("status", equalTo("UNDER_REVIEW"));
        Stack.as("reviewer-demo", Stack.VOUCHER).post("/api/applications/" + id + "/review").then().statusCode(200);
        Stack.as("approver-demo", Stack.VOUCHER).post("/api/applications/" + id + "/approve").then().statusCode(200)
                .body("status", equalTo("ISSUED"));
    }

    @Test
    void aVoucherPastItsValidityExpiresAndItsUnusedMoneyReturnsToTheBudget() {
        String id = submitted(application(300_000));
        Stack.as("reviewer-demo", Stack.VOUCHER).post("/api/applications/" + id + "/review").then().statusCode(200);
        String voucherId = Stack.as("approver-demo", Stack.VOUCHER).post("/api/applications/" + id + "/approve").then()
                .statusCode(200).extract().path("voucherId");
        long committed = Stack.as("admin-demo", Stack.VOUCHER).get("/api/programmes/BJ-AICV").then()
                .extract().<Number>path("budgetCommittedFen").longValue();
        long face = Stack.as("enterprise-demo", Stack.VOUCHER).get("/api/vouchers/" + voucherId).then()
                .extract().<Number>path("faceValueFen").longValue();

        // the programme office ends the voucher's validity now; the expiry job (every 10 s) expires it
        Stack.as("admin-demo", Stack.VOUCHER).body(Map.of("validUntil", OffsetDateTime.now(CST).toString(),
                        "reason", "端到端测试：提前到期 (end-to-end test: expire now)"))
                .put("/api/vouchers/" + voucherId + "/validity").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                Stack.as("enterprise-demo", Stack.VOUCHER).get("/api/vouchers/" + voucherId).then()
                        .body("status", equalTo("EXPIRED")).body("balanceFen", equalTo(0)));
        long committedAfter = Stack.as("admin-demo", Stack.VOUCHER).get("/api/programmes/BJ-AICV").then()
                .extract().<Number>path("budgetCommittedFen").longValue();
        assertThat(committed - committedAfter).isGreaterThanOrEqualTo(face - Stack.as("enterprise-demo", Stack.VOUCHER)
                .get("/api/vouchers/" + voucherId).then().extract().<Number>path("consumedFen").longValue());
        assertThat(Topics.find("voucher.events", "voucher.expired.v1",
                d -> d.path("voucherId").asText().equals(voucherId), 1, Duration.ofSeconds(30))).hasSize(1);
    }
}
