package cn.cvp.provider.provider.api;

import cn.cvp.kit.security.Actor;
import cn.cvp.kit.testing.LocalInfraResource;
import cn.cvp.provider.provider.application.ProviderRegistration;
import cn.cvp.provider.provider.application.RegisterProvider;
import cn.cvp.provider.provider.domain.Provider;
import cn.cvp.provider.support.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.cvp.provider.support.Orgs.CRITERIA_1;
import static cn.cvp.provider.support.Orgs.CRITERIA_2;
import static cn.cvp.provider.support.Orgs.CRITERIA_3;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/**
 * Per-programme criteria (issue 12 item 8): the public notice runs for the longest notice period of the programmes
 * approved, and a provider is listed for a programme only if it meets that programme's years operating and private
 * investment. A new city's programme sets its own through the API.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraResource.class)
class ProgrammeCriteriaTest {

    @Inject
    Fixtures fixtures;
    @Inject
    ProviderRegistration registration;

    private static Map<String, Object> criteria(int days, int years, boolean privatelyInvested) {
        return Map.of("publicNoticeDays", days, "minYearsOperating", years, "privatelyInvestedRequired",
                privatelyInvested);
    }

    @ActivateRequestContext
    UUID registeredStateOwned(String creditCode) {
        return registration.register(new Actor("t", "t", creditCode), new RegisterProvider(new Provider.Registration(
                creditCode, "国有算力 " + creditCode, "110108", 10, "北京市海淀区 2 号", false, List.of()))).id();
    }

    @Test
    @TestSecurity(user = "admin-crit", roles = "platform-admin")
    void theSeededProgrammesAndANewCitysOwnCriteria() {
        given().get("/api/programme-criteria/SH-ICV").then().statusCode(200)
                .body("publicNoticeDays", is(7)).body("minYearsOperating", is(2))
                .body("privatelyInvestedRequired", is(true));
        given().get("/api/programme-criteria/BJ-AICV").then().statusCode(200)
                .body("privatelyInvestedRequired", is(false));
        // a programme that set nothing gets the defaults
        given().get("/api/programme-criteria/QY-CV").then().statusCode(200)
                .body("publicNoticeDays", is(7)).body("updatedBy", is("default"));

        given().contentType("application/json").body(criteria(10, 3, false))
                .put("/api/programme-criteria/SZ-CV").then().statusCode(200)
                .body("publicNoticeDays", is(10)).body("updatedBy", is("admin-crit"));
        given().get("/api/programme-criteria").then().statusCode(200)
                .body("find { it.programmeCode == 'SZ-CV' }.minYearsOperating", is(3));
    }

    @Test
    @TestSecurity(user = "admin-crit", roles = "platform-admin")
    void theNoticeRunsForTheLongestNoticeOfTheProgrammesApproved() {
        given().contentType("application/json").body(criteria(15, 2, false))
                .put("/api/programme-criteria/HZ-LONG").then().statusCode(200);
        UUID id = fixtures.selfAssessed(CRITERIA_1);
        given().contentType("application/json").post("/api/providers/" + id + "/verification").then().statusCode(200);
        var view = given().contentType("application/json")
                .body(Map.of("programmeMemberships", List.of("BJ-AICV", "HZ-LONG"), "reason", "核验通过"))
                .post("/api/providers/" + id + "/public-notice").then().statusCode(200)
                .body("status", is("PUBLIC_NOTICE")).extract().jsonPath();
        OffsetDateTime start = OffsetDateTime.parse(view.getString("noticeStartedAt"));
        OffsetDateTime end = OffsetDateTime.parse(view.getString("noticeEndsAt"));
        assertThat(Duration.between(start, end)).isEqualTo(Duration.ofDays(15));
    }

    @Test
    @TestSecurity(user = "admin-crit", roles = "platform-admin")
    void aProviderIsListedOnlyForProgrammesWhoseCriteriaItMeets() {
        given().contentType("application/json").body(criteria(7, 8, false))
                .put("/api/programme-criteria/SZ-OLD").then().statusCode(200);
        // five years operating: too young for SZ-OLD (8 years), fine for Beijing
        UUID young = fixtures.registered(CRITERIA_2, 5);
        given().contentType("application/json").body(Map.of("programmeMemberships", List.of("BJ-AICV", "SZ-OLD"),
                        "reason", "纸质流程已认定"))
                .post("/api/providers/" + young + "/accreditation").then().statusCode(422)
                .body("code", is("ACCREDITATION_CRITERIA_NOT_MET"))
                .body("detail", containsString("SZ-OLD: operating for at least 8 years (declared 5)"));
        given().get("/api/providers/" + young).then().body("status", is("REGISTERED"));

        // state-owned: Shanghai requires private investment, Beijing does not
        UUID stateOwned = registeredStateOwned(CRITERIA_3);
        given().contentType("application/json").body(Map.of("programmeMemberships", List.of("SH-ICV"), "reason", "x"))
                .post("/api/providers/" + stateOwned + "/accreditation").then().statusCode(422)
                .body("code", is("ACCREDITATION_CRITERIA_NOT_MET"))
                .body("detail", containsString("SH-ICV: privately invested"));
        given().contentType("application/json").body(Map.of("programmeMemberships", List.of("BJ-AICV"), "reason", "x"))
                .post("/api/providers/" + stateOwned + "/accreditation").then().statusCode(200)
                .body("status", is("ACTIVE"));
        // and granting Shanghai later is refused too
        given().contentType("application/json")
                .put("/api/providers/" + stateOwned + "/programmes/SH-ICV").then().statusCode(422)
                .body("code", is("ACCREDITATION_CRITERIA_NOT_MET"));
    }

    @Test
    @TestSecurity(user = "admin-crit", roles = "platform-admin")
    void badCriteriaAreRefused() {
        given().contentType("application/json").body(criteria(0, 2, false))
                .put("/api/programme-criteria/SZ-BAD").then().statusCode(400).body("code", is("VALIDATION_FAILED"));
        given().contentType("application/json").body(Map.of("publicNoticeDays", 7))
                .put("/api/programme-criteria/SZ-BAD").then().statusCode(400).body("code", is("VALIDATION_FAILED"));
        given().contentType("application/json").body(criteria(7, 2, false))
                .put("/api/programme-criteria/not a code").then().statusCode(400);
        given().get("/api/programme-criteria/SZ-BAD").then().body("updatedBy", is("default"));
    }

    @Test
    @TestSecurity(user = "prov-crit", roles = "provider")
    void onlyAnAdministratorSetsThem() {
        given().contentType("application/json").body(criteria(7, 2, false))
                .put("/api/programme-criteria/BJ-AICV").then().statusCode(403);
        given().get("/api/programme-criteria/BJ-AICV").then().statusCode(200);
    }
}
