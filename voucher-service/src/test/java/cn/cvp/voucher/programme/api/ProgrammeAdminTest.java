package cn.cvp.voucher.programme.api;

import cn.cvp.kit.testing.LocalInfraResource;
import cn.cvp.voucher.testing.Actors;
import cn.cvp.voucher.testing.Fixtures;
import cn.cvp.voucher.testing.Programmes;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@QuarkusTestResource(LocalInfraResource.class)
class ProgrammeAdminTest {

    @Test
    void aNewCityIsAConfigurationAndAnApplicationKeepsTheRulesVersionItWasFiledUnder() {
        // Shenzhen-like figures: 50 %, startups 60 %, cap ¥10,000,000 (applied to a Beijing enterprise here)
        Map<String, Object> rules = Programmes.rules("0.50", 1_000_000_000L, 1_000_000_000L);
        rules.put("startupSubsidyRatio", "0.60");
        String code = Programmes.open("SZ", 10_000_000_000L, rules);
        Fixtures.ensureEnterprise(Actors.enterprise(), Actors.ENTERPRISE_ORG, "110108");

        String first = Actors.enterprise().body(Programmes.application(code, 1_000_000)).post("/api/applications")
                .then().statusCode(201).body("rulesVersion", equalTo(1)).body("requestedSubsidyFen", equalTo(500_000))
                .extract().path("id");

        Map<String, Object> v2 = Programmes.rules("0.30", 1_000_000_000L, 1_000_000_000L);
        Actors.admin().body(v2).put("/api/programmes/" + code + "/rules").then().statusCode(200)
                .body("rulesVersion", equalTo(2)).body("rules.subsidyRatio", equalTo(0.30f));
        Actors.enterprise().body(Programmes.application(code, 1_000_000)).post("/api/applications")
                .then().statusCode(201).body("rulesVersion", equalTo(2)).body("requestedSubsidyFen", equalTo(300_000));

        // the first application is still judged by version 1
        Actors.enterprise().post("/api/applications/" + first + "/submit").then().statusCode(200)
                .body("reservedFen", equalTo(500_000));
        Actors.admin().get("/api/programmes/" + code + "/rules/1").then().statusCode(200).body("subsidyRatio", equalTo(0.50f));
    }

    @Test
    void onlyAdministratorsConfigureProgrammesAndBadRulesAreRefused() {
        Map<String, Object> rules = Programmes.rules("0.50", 1_000_000L, 0);
        Actors.approver().body(Map.of("code", "XX-TEST", "name", "x", "budgetTotalFen", 1, "rules", rules))
                .post("/api/programmes").then().statusCode(403);
        Map<String, Object> bad = Programmes.rules("1.50", -5, 0);
        Actors.admin().body(Map.of("code", "XX-BAD", "name", "x", "budgetTotalFen", 1, "rules", bad))
                .post("/api/programmes").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("rules.subsidyRatio")).body("errors.field", hasItem("rules.annualCapFen"));
        Actors.admin().get("/api/programmes/XX-BAD").then().statusCode(404).body("code", equalTo("PROGRAMME_NOT_FOUND"));
    }

    @Test
    void closingLapsesUndecidedApplicationsAndReleasesTheirReservations() {
        String code = Programmes.open("CL", 100_000_000L, Programmes.rules("0.50", 1_000_000_000L, 1_000_000_000L));
        Fixtures.ensureEnterprise(Actors.enterprise(), Actors.ENTERPRISE_ORG, "110108");
        String id = Fixtures.submitted(Actors.enterprise(), Actors.enterprise(), Programmes.application(code, 2_000_000));
        Actors.admin().get("/api/programmes/" + code).then().body("budgetReservedFen", equalTo(1_000_000));

        Actors.admin().post("/api/programmes/" + code + "/close").then().statusCode(200).body("status", equalTo("CLOSED"))
                .body("budgetReservedFen", equalTo(0));
        Actors.enterprise().get("/api/applications/" + id).then().body("status", equalTo("LAPSED")).body("reservedFen", equalTo(0));
        Actors.enterprise().body(Programmes.application(code, 2_000_000)).post("/api/applications").then().statusCode(422)
                .body("code", equalTo("PROGRAMME_NOT_OPEN"));
        Actors.admin().post("/api/programmes/" + code + "/archive").then().statusCode(200).body("status", equalTo("ARCHIVED"));
        Actors.admin().post("/api/programmes/" + code + "/open").then().statusCode(409).body("currentState", equalTo("ARCHIVED"));
    }
}
