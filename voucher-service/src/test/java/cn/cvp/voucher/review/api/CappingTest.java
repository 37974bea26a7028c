package cn.cvp.voucher.review.api;

import cn.cvp.kit.testing.LocalInfraResource;
import cn.cvp.voucher.testing.Actors;
import cn.cvp.voucher.testing.Fixtures;
import cn.cvp.voucher.testing.Programmes;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static cn.cvp.voucher.testing.Actors.ENTERPRISE_ORG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Capping through the API: a request above what is left of the enterprise's annual cap or of the programme budget
 * gets what is left, says so, and is issued with it; only nothing left is refused.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraResource.class)
class CappingTest {

    private static long programme(String code, String field) {
        return ((Number) Actors.admin().get("/api/programmes/" + code).then().statusCode(200).extract().path(field)).longValue();
    }

    @Test
    void aBeijingContractAboveWhatIsLeftOfTheAnnualCapGetsWhatIsLeft() {
        // Beijing's rules: 20 %, ¥2,000,000 a year; a fresh programme so that the enterprise's year starts empty
        String code = Programmes.open("BJCAP", 100_000_000_000L, Programmes.rules("0.20", 200_000_000L, 1_000_000_000L));
        Fixtures.ensureEnterprise(Actors.enterprise(), ENTERPRISE_ORG, "110108");
        // a first contract of ¥5,000,000: ¥1,000,000 of the cap used
        String first = Fixtures.submitted(Actors.enterprise(), Actors.enterprise(), Programmes.application(code, 500_000_000L));
        Fixtures.issue(first);

        // the second, ¥6,000,000 × 20 % = ¥1,200,000: a ¥1,000,000 voucher, capped by the annual cap
        String id = Actors.enterprise().body(Programmes.application(code, 600_000_000L)).post("/api/applications")
                .then().statusCode(201).body("requestedSubsidyFen", equalTo(120_000_000))
                .body("faceValueFen", nullValue()).body("cappedBy", nullValue()).extract().path("id");
        Actors.enterprise().post("/api/applications/" + id + "/submit").then().statusCode(200)
                .body("status", equalTo("UNDER_REVIEW"))
                .body("requestedSubsidyFen", equalTo(120_000_000))
                .body("faceValueFen", equalTo(100_000_000))
                .body("reservedFen", equalTo(100_000_000))
                .body("cappedBy", equalTo("ANNUAL_CAP"))
                .body("cappedByMessages.en", containsString("annual cap"))
                .body("cappedByMessages.zh", containsString("年度补贴上限"));

        String voucherId = Fixtures.issue(id);
        Actors.enterprise().get("/api/applications/" + id).then().statusCode(200)
                .body("faceValueFen", equalTo(100_000_000)).body("cappedBy", equalTo("ANNUAL_CAP"));
        Actors.enterprise().get("/api/vouchers/" + voucherId).then().statusCode(200)
                .body("faceValueFen", equalTo(100_000_000)).body("balanceFen", equalTo(100_000_000));
        assertThat(programme(code, "budgetCommittedFen")).isEqualTo(200_000_000L);
        assertThat(programme(code, "budgetReservedFen")).isZero();

        // the cap used up: now refused, with the amounts
        String third = Actors.enterprise().body(Programmes.application(code, 1_000_000L)).post("/api/applications")
                .then().statusCode(201).extract().path("id");
        Actors.enterprise().post("/api/applications/" + third + "/submit").then().statusCode(422)
                .body("code", equalTo("ANNUAL_CAP_EXCEEDED"))
                .body("detail", containsString("0.00 yuan is left"));
        Actors.enterprise().get("/api/applications/" + third).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void aRequestAboveWhatIsLeftOfTheBudgetGetsWhatIsLeft() {
        // ¥300,000 of budget; 50 % of ¥2,000,000 = ¥1,000,000 requested
        String code = Programmes.open("BUDCAP", 30_000_000L, Programmes.rules("0.50", 1_000_000_000L, 1_000_000_000L));
        Fixtures.ensureEnterprise(Actors.enterprise(), ENTERPRISE_ORG, "110108");
        String id = Actors.enterprise().body(Programmes.application(code, 200_000_000L)).post("/api/applications")
                .then().statusCode(201).extract().path("id");
        Actors.enterprise().post("/api/applications/" + id + "/submit").then().statusCode(200)
                .body("requestedSubsidyFen", equalTo(100_000_000))
                .body("faceValueFen", equalTo(30_000_000))
                .body("reservedFen", equalTo(30_000_000))
                .body("cappedBy", equalTo("BUDGET"))
                .body("cappedByMessages.en", containsString("programme budget"))
                .body("cappedByMessages.zh", containsString("项目剩余预算"));
        assertThat(programme(code, "budgetReservedFen")).isEqualTo(30_000_000L);

        String voucherId = Fixtures.issue(id);
        Actors.enterprise().get("/api/vouchers/" + voucherId).then().statusCode(200).body("faceValueFen", equalTo(30_000_000));
        Actors.enterprise().get("/api/applications/" + id).then().body("faceValueFen", equalTo(30_000_000))
                .body("cappedBy", equalTo("BUDGET"));
        assertThat(programme(code, "budgetCommittedFen")).isEqualTo(30_000_000L);

        // nothing left: refused, with the amount
        String next = Actors.enterprise().body(Programmes.application(code, 1_000_000L)).post("/api/applications")
                .then().statusCode(201).extract().path("id");
        Actors.enterprise().post("/api/applications/" + next + "/submit").then().statusCode(422)
                .body("code", equalTo("BUDGET_EXHAUSTED"))
                .body("detail", containsString("0.00 yuan of budget left"));
    }

    @Test
    void anUncappedRequestSaysNone() {
        String code = Programmes.open("NOCAP", 100_000_000_000L, Programmes.rules("0.20", 200_000_000L, 1_000_000_000L));
        Fixtures.ensureEnterprise(Actors.enterprise(), ENTERPRISE_ORG, "110108");
        String id = Actors.enterprise().body(Programmes.application(code, 12_000_000L)).post("/api/applications")
                .then().statusCode(201).extract().path("id");
        Actors.enterprise().post("/api/applications/" + id + "/submit").then().statusCode(200)
                .body("requestedSubsidyFen", equalTo(2_400_000)).body("faceValueFen", equalTo(2_400_000))
                .body("cappedBy", equalTo("NONE"))
                .body("cappedByMessages.en", equalTo("Face value 24000.00 yuan: the full subsidy of the eligible amount"));
    }
}
