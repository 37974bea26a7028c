package cn.cvp.voucher.enterprise.api;

import cn.cvp.kit.testing.LocalInfraResource;
import cn.cvp.voucher.testing.Actors;
import cn.cvp.voucher.testing.Fixtures;
import cn.cvp.voucher.testing.Programmes;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Dated dishonesty records (失信记录): the programme office enters them; a record within the programme's look-back
 * bars submission, an older one does not; bad records are refused and nothing is stored.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraResource.class)
class DishonestyRecordTest {
    private static final String RECENT = "9111010856XYJL001C";
    private static final String OLD = "9111010856XYJL002F";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private static RequestSpecification as(String org) {
        return Actors.enterprise("ent-" + org.substring(12), org);
    }

    private static Map<String, Object> record(String reference, LocalDate on) {
        return Map.of("reference", reference, "recordedOn", on.toString(), "authority", "北京市市场监督管理局");
    }

    @Test
    void aRecordWithinTheLookBackBarsSubmissionAndAnOlderOneDoesNot() {
        String code = Programmes.open("XY", 100_000_000_000L, Programmes.rules("0.20", 200_000_000L, 1_000_000_000L));
        Fixtures.ensureEnterprise(as(RECENT), RECENT, "110108");
        Fixtures.ensureEnterprise(as(OLD), OLD, "110108");
        // the programme looks back 3 years
        Actors.admin().body(record("XY-2-YEARS", TODAY.minusYears(2))).post("/api/enterprises/" + RECENT
                + "/dishonesty-records").then().statusCode(201)
                .body("dishonestyRecords", hasSize(1)).body("dishonestyRecords[0].reference", equalTo("XY-2-YEARS"))
                .body("dishonestyRecords[0].enteredBy", equalTo("admin-demo"));
        Actors.admin().body(record("XY-4-YEARS", TODAY.minusYears(4))).post("/api/enterprises/" + OLD
                + "/dishonesty-records").then().statusCode(201);

        String barred = as(RECENT).body(Programmes.application(code, 10_000_000L)).post("/api/applications")
                .then().statusCode(201).extract().path("id");
        as(RECENT).post("/api/applications/" + barred + "/submit").then().statusCode(422)
                .body("code", equalTo("DISHONESTY_RECORD"));
        as(RECENT).get("/api/applications/" + barred).then().body("status", equalTo("DRAFT"));

        Fixtures.submitted(as(OLD), as(OLD), Programmes.application(code, 10_000_000L));
        Actors.reviewer().get("/api/enterprises/" + OLD).then().statusCode(200)
                .body("dishonestyRecords[0].recordedOn", equalTo(TODAY.minusYears(4).toString()));
    }

    @Test
    void badRecordsAreRefusedAndNothingIsStored() {
        Fixtures.ensureEnterprise(as(OLD), OLD, "110108");
        int before = Actors.reviewer().get("/api/enterprises/" + OLD).then().statusCode(200)
                .extract().path("dishonestyRecords.size()");
        Actors.admin().body(record("XY-FUTURE", TODAY.plusDays(1))).post("/api/enterprises/" + OLD
                + "/dishonesty-records").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("RECORD_DATE_IN_FUTURE"));
        Actors.admin().body(Map.of("reference", "XY-NO-AUTHORITY", "recordedOn", TODAY.toString()))
                .post("/api/enterprises/" + OLD + "/dishonesty-records").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
        Actors.admin().body(record("XY-UNKNOWN", TODAY)).post("/api/enterprises/9111010856XYJL003X/dishonesty-records")
                .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        Actors.enterprise().body(record("XY-SELF", TODAY)).post("/api/enterprises/" + OLD + "/dishonesty-records")
                .then().statusCode(403);
        Actors.reviewer().get("/api/enterprises/" + OLD).then().statusCode(200)
                .body("dishonestyRecords", hasSize(before));

        Actors.admin().body(record("XY-TWICE", TODAY.minusYears(10))).post("/api/enterprises/" + OLD
                + "/dishonesty-records").then().statusCode(201);
        Actors.admin().body(record("XY-TWICE", TODAY.minusYears(10))).post("/api/enterprises/" + OLD
                + "/dishonesty-records").then().statusCode(409).body("code", equalTo("DISHONESTY_RECORD_EXISTS"));
    }
}
