package cn.cvp.voucher.review.api;

import cn.cvp.kit.testing.LocalInfraResource;
import cn.cvp.kit.testing.TestTokens;
import cn.cvp.voucher.testing.Actors;
import cn.cvp.voucher.testing.Fixtures;
import cn.cvp.voucher.testing.Partners;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.cvp.voucher.testing.Actors.ENTERPRISE_ORG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@QuarkusTestResource(LocalInfraResource.class)
class ApplicationFlowTest {

    @BeforeEach
    void theContractsProviderIsAPartner() {
        Partners.admitToBeijing();
    }

    @Test
    void withoutATokenTheApiAnswers401() {
        RestAssured.given().get("/api/vouchers").then().statusCode(401);
        RestAssured.given().get("/api/programmes").then().statusCode(401);
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        Actors.as(TestTokens.tokenForAudience("some-other-api", "enterprise-demo", ENTERPRISE_ORG, "enterprise"))
                .get("/api/vouchers").then().statusCode(401);
    }

    @Test
    void theWrongRoleAnswers403() {
        Actors.enterprise().post("/api/applications/00000000-0000-4000-8000-000000000000/approve").then().statusCode(403);
        Actors.as(TestTokens.token("provider-demo", "91110105MA03PRD108", "provider")).get("/api/vouchers").then().statusCode(403);
    }

    @Test
    void theSeededProgrammesCarryTheirRules() {
        Actors.enterprise().get("/api/programmes/BJ-AICV").then().statusCode(200)
                .body("rules.subsidyRatio", equalTo(0.20f))
                .body("rules.annualCapFen", equalTo(200_000_000))
                .body("rules.coveredCategories", contains("COMPUTE"))
                .body("rules.earliestContractDate", equalTo("2023-09-01"));
        Actors.enterprise().get("/api/programmes/SH-ICV").then().statusCode(200)
                .body("rules.subsidyRatio", equalTo(0.50f))
                .body("rules.annualCapFen", equalTo(30_000_000))
                .body("rules.teamAnnualCapFen", equalTo(10_000_000))
                .body("rules.redemptionSubmitter", equalTo("PROVIDER"));
    }

    @Test
    void aBadCreditCodeIsRefusedAndNothingIsStored() {
        String badCheck = "91110108MA01ENT1XA";
        Actors.enterprise("enterprise-x", badCheck).body(Fixtures.enterprise(badCheck, "110108"))
                .post("/api/enterprises").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("creditCode"))
                .body("messages.zh", containsString("无效"));
        Actors.enterprise("enterprise-x", badCheck).get("/api/enterprises/me").then().statusCode(404)
                .body("code", equalTo("ENTERPRISE_NOT_REGISTERED"));
    }

    @Test
    void malformedJsonAndUnknownEnumsAre400ProblemJson() {
        Actors.enterprise().body("{\"programmeCode\": \"BJ-AICV\", ").post("/api/applications").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("MALFORMED_JSON"));
        Map<String, Object> unknown = new java.util.HashMap<>(Fixtures.beijingApplication(10_000_000));
        unknown.put("demand", Map.of("resourceClass", "QUANTUM_COMPUTER", "cardHours", 10, "regions", java.util.List.of("110000"),
                "windowStart", "2026-11-01T00:00:00+08:00", "windowEnd", "2027-03-01T00:00:00+08:00"));
        Actors.enterprise().body(unknown).post("/api/applications").then().statusCode(400)
                .body("code", equalTo("UNKNOWN_ENUM_VALUE"));
        Actors.enterprise().header("Accept-Language", "zh-CN").body(Map.of("programmeCode", "BJ-AICV", "amountFen", -5))
                .post("/api/applications").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("amountFen"))
                .body("detail", containsString("字段"));
    }

    @Test
    void anApplicationIsReviewedApprovedAndIssuedAsAVoucherWithinBudget() {
        Fixtures.ensureEnterprise(Actors.enterprise(), ENTERPRISE_ORG, "110108");
        long committedBefore = programme("budgetCommittedFen");
        long reservedBefore = programme("budgetReservedFen");

        String id = Fixtures.submitted(Actors.enterprise(), Actors.enterprise(), Fixtures.beijingApplication(12_000_000));
        Actors.enterprise().get("/api/applications/" + id).then().body("status", equalTo("UNDER_REVIEW"))
                .body("requestedSubsidyFen", equalTo(2_400_000)).body("reservedFen", equalTo(2_400_000));
        assertThat(programme("budgetReservedFen") - reservedBefore).isEqualTo(2_400_000);

        // approval needs the reviewer's check first, and the reviewer cannot approve it
        Actors.approver().post("/api/applications/" + id + "/approve").then().statusCode(409)
                .body("code", equalTo("REVIEW_REQUIRED"));
        Actors.reviewer().post("/api/applications/" + id + "/review").then().statusCode(200)
                .body("reviewedBy", equalTo("reviewer-demo"));
        Actors.as(TestTokens.token("reviewer-demo", Actors.OFFICE, "approver", "reviewer"))
                .post("/api/applications/" + id + "/approve").then().statusCode(403).body("code", equalTo("FOUR_EYES"));
        // an approver of the enterprise's own organisation may not approve it
        Actors.as(TestTokens.token("insider", ENTERPRISE_ORG, "approver")).post("/api/applications/" + id + "/approve")
                .then().statusCode(403).body("code", equalTo("OWN_ORGANISATION"));

        String voucherId = Actors.approver().post("/api/applications/" + id + "/approve").then().statusCode(200)
                .body("status", equalTo("ISSUED")).body("approvedBy", equalTo("approver-demo"))
                .extract().path("voucherId");

        // approving twice is an illegal transition, with the current state
        Actors.approver("approver2-demo").post("/api/applications/" + id + "/approve").then().statusCode(409)
                .body("code", equalTo("ILLEGAL_STATE")).body("currentState", equalTo("ISSUED"));

        assertThat(programme("budgetCommittedFen") - committedBefore).isEqualTo(2_400_000);
        assertThat(programme("budgetReservedFen")).isEqualTo(reservedBefore);

        Actors.enterprise().get("/api/vouchers/" + voucherId).then().statusCode(200)
                .body("faceValueFen", equalTo(2_400_000)).body("balanceFen", equalTo(2_400_000)).body("status", equalTo("ACTIVE"));
        Actors.enterprise().get("/api/vouchers/" + voucherId + "/ledger").then().statusCode(200)
                .body("type", contains("ISSUE"));
        // another enterprise cannot see it
        Actors.otherEnterprise().get("/api/vouchers/" + voucherId).then().statusCode(404);
        Actors.otherEnterprise().get("/api/applications/" + id).then().statusCode(404);

        // every change is audited with who, when, before and after; the auditor reads and changes nothing
        List<String> actions = Actors.auditor().queryParam("targetType", "Application").queryParam("targetId", id)
                .get("/api/audit").then().statusCode(200).extract().path("action");
        assertThat(actions).containsExactly("APPLICATION_APPROVED", "APPLICATION_REVIEWED", "APPLICATION_SUBMITTED",
                "APPLICATION_CREATED");
        Actors.auditor().queryParam("targetType", "Application").queryParam("targetId", id).queryParam("action", "APPLICATION_APPROVED")
                .get("/api/audit").then().body("[0].actorUsername", equalTo("approver-demo"))
                .body("[0].actorOrganisation", equalTo(Actors.OFFICE))
                .body("[0].before", containsString("UNDER_REVIEW")).body("[0].after", containsString("ISSUED"));
        Actors.auditor().post("/api/applications/" + id + "/approve").then().statusCode(403);
        Actors.auditor().body(Map.of("reason", "x")).post("/api/vouchers/" + voucherId + "/revoke").then().statusCode(403);
        Actors.enterprise().get("/api/audit").then().statusCode(403);
    }

    @Test
    void aboveTheThresholdASecondDifferentApproverIsNeeded() {
        Fixtures.ensureEnterprise(Actors.enterprise(), ENTERPRISE_ORG, "110108");
        // BJ threshold: ¥500,000 subsidy; 20 % of ¥3,000,000 = ¥600,000
        String id = Fixtures.submitted(Actors.enterprise(), Actors.enterprise(), Fixtures.beijingApplication(300_000_000));
        Actors.reviewer().post("/api/applications/" + id + "/review").then().statusCode(200);
        Actors.approver().post("/api/applications/" + id + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("firstApprovedBy", equalTo("approver-demo"))
                .body("voucherId", org.hamcrest.Matchers.nullValue());
        Actors.approver().post("/api/applications/" + id + "/approve").then().statusCode(403)
                .body("code", equalTo("SECOND_APPROVER_REQUIRED"));
        Actors.approver("approver2-demo").post("/api/applications/" + id + "/approve").then().statusCode(200)
                .body("status", equalTo("ISSUED")).body("approvedBy", equalTo("approver2-demo"));
    }

    @Test
    void aReturnedApplicationIsRevisedAndResubmittedAndAWithdrawnOneReleasesItsReservation() {
        Fixtures.ensureEnterprise(Actors.enterprise(), ENTERPRISE_ORG, "110108");
        Map<String, Object> body = Fixtures.beijingApplication(5_000_000);
        String id = Fixtures.submitted(Actors.enterprise(), Actors.enterprise(), body);
        long reserved = programme("budgetReservedFen");
        Actors.reviewer().body(Map.of("reason", "")).post("/api/applications/" + id + "/return").then().statusCode(400)
                .body("code", equalTo("REASON_REQUIRED"));
        Actors.reviewer().body(Map.of("reason", "请补充交付计划 (add the delivery plan)"))
                .post("/api/applications/" + id + "/return").then().statusCode(200)
                .body("status", equalTo("RETURNED")).body("reservedFen", equalTo(0));
        assertThat(reserved - programme("budgetReservedFen")).isEqualTo(1_000_000);

        Map<String, Object> revised = new java.util.HashMap<>(body);
        revised.put("purpose", "大模型微调，交付计划见附件 (with the delivery plan)");
        revised.put("amountFen", 6_000_000);
        Actors.enterprise().body(revised).put("/api/applications/" + id).then().statusCode(200)
                .body("requestedSubsidyFen", equalTo(1_200_000));
        Actors.enterprise().post("/api/applications/" + id + "/submit").then().statusCode(200)
                .body("status", equalTo("UNDER_REVIEW")).body("reviewedBy", org.hamcrest.Matchers.nullValue());
        // an application under review can no longer be edited
        Actors.enterprise().body(revised).put("/api/applications/" + id).then().statusCode(409).body("code", equalTo("ILLEGAL_STATE"));

        long before = programme("budgetReservedFen");
        Actors.enterprise().post("/api/applications/" + id + "/withdraw").then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        assertThat(before - programme("budgetReservedFen")).isEqualTo(1_200_000);
        Actors.enterprise().post("/api/applications/" + id + "/withdraw").then().statusCode(409);
    }

    private static long programme(String field) {
        return ((Number) Actors.auditor().get("/api/programmes/BJ-AICV").then().statusCode(200).extract().path(field)).longValue();
    }

    @Test
    void failedAutomaticChecksAnswerWithTheirCodesAndLeaveTheDraft() {
        String org = "91110108MA01ENT1XN";
        Fixtures.ensureEnterprise(Actors.enterprise(), org, "110108");
        Map<String, Object> storage = new java.util.HashMap<>(Fixtures.beijingApplication(10_000_000));
        storage.put("demand", Map.of("resourceClass", "STORAGE_TB_MONTH", "quantity", 10, "regions", java.util.List.of("110000"),
                "windowStart", "2026-11-01T00:00:00+08:00", "windowEnd", "2027-03-01T00:00:00+08:00"));
        String id = Actors.enterprise().body(storage).post("/api/applications").then().statusCode(201).extract().path("id");
        Actors.enterprise().post("/api/applications/" + id + "/submit").then().statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("CATEGORY_NOT_COVERED"));
        Actors.enterprise().get("/api/applications/" + id).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void aDemandIsAQuantityInItsResourceClasssUnitAndAnotherUnitIsRefusedWithNothingStored() {
        Fixtures.ensureEnterprise(Actors.enterprise(), "91110108MA01ENT1XN", "110108");
        long before = Actors.enterprise().get("/api/applications").then().statusCode(200).extract()
                .jsonPath().getList("id").size();
        Map<String, Object> gpuInTbMonths = new java.util.HashMap<>(Fixtures.beijingApplication(1_000_000));
        gpuInTbMonths.put("demand", Map.of("resourceClass", "GPU_A800_80G", "unit", "TB_MONTH", "quantity", 10,
                "regions", java.util.List.of("110000"), "windowStart", "2026-11-01T00:00:00+08:00",
                "windowEnd", "2027-03-01T00:00:00+08:00"));
        Actors.enterprise().body(gpuInTbMonths).post("/api/applications").then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("UNIT_DOES_NOT_FIT_RESOURCE_CLASS"));
        Map<String, Object> storageInCardHours = new java.util.HashMap<>(Fixtures.beijingApplication(1_000_000));
        storageInCardHours.put("demand", Map.of("resourceClass", "STORAGE_TB_MONTH", "cardHours", 10,
                "regions", java.util.List.of("110000"), "windowStart", "2026-11-01T00:00:00+08:00",
                "windowEnd", "2027-03-01T00:00:00+08:00"));
        Actors.enterprise().body(storageInCardHours).post("/api/applications").then().statusCode(422)
                .body("code", equalTo("UNIT_DOES_NOT_FIT_RESOURCE_CLASS"));
        Map<String, Object> noQuantity = new java.util.HashMap<>(Fixtures.beijingApplication(1_000_000));
        noQuantity.put("demand", Map.of("resourceClass", "CPU_X86_CORE", "regions", java.util.List.of("110000"),
                "windowStart", "2026-11-01T00:00:00+08:00", "windowEnd", "2027-03-01T00:00:00+08:00"));
        Actors.enterprise().body(noQuantity).post("/api/applications").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
        assertThat(Actors.enterprise().get("/api/applications").then().statusCode(200).extract()
                .jsonPath().getList("id").size()).isEqualTo(before);

        Map<String, Object> cores = new java.util.HashMap<>(Fixtures.beijingApplication(1_000_000));
        cores.put("demand", Map.of("resourceClass", "CPU_X86_CORE", "unit", "CORE_HOUR", "quantity", 50_000,
                "regions", java.util.List.of("110000"), "windowStart", "2026-11-01T00:00:00+08:00",
                "windowEnd", "2027-03-01T00:00:00+08:00"));
        Actors.enterprise().body(cores).post("/api/applications").then().statusCode(201)
                .body("unit", equalTo("CORE_HOUR")).body("quantity", equalTo(50_000))
                .body("cardHours", org.hamcrest.Matchers.nullValue());
        Actors.enterprise().body(Fixtures.beijingApplication(1_000_000)).post("/api/applications").then()
                .statusCode(201).body("unit", equalTo("CARD_HOUR")).body("quantity", equalTo(1000))
                .body("cardHours", equalTo(1000));
    }

    @Test
    void rejectionNeedsAReason() {
        Fixtures.ensureEnterprise(Actors.enterprise(), ENTERPRISE_ORG, "110108");
        String id = Fixtures.submitted(Actors.enterprise(), Actors.enterprise(), Fixtures.beijingApplication(1_000_000));
        Actors.reviewer().body(Map.of("reason", " ")).post("/api/applications/" + id + "/reject").then().statusCode(400)
                .body("code", equalTo("REASON_REQUIRED"));
        long reserved = programme("budgetReservedFen");
        Actors.reviewer().body(Map.of("reason", "合同与需求不符 (contract does not match the demand)"))
                .post("/api/applications/" + id + "/reject").then().statusCode(200).body("status", equalTo("REJECTED"));
        assertThat(reserved - programme("budgetReservedFen")).isEqualTo(200_000);
        Actors.approver().post("/api/applications/" + id + "/approve").then().statusCode(409)
                .body("currentState", equalTo("REJECTED"));
    }
}
