package cn.cvp.kit.time;

import cn.cvp.kit.testing.LocalInfraResource;
import cn.cvp.kit.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * With {@code cvp.test-clock.enabled=true} (what {@code platform test} sets) the services' {@code Clock} is the
 * adjustable one, and a platform administrator moves it forward through the API. The kit's tests' own TestClock is
 * excluded here, so that the Clock under test is the one the running stack gets.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraResource.class)
@TestProfile(TestClockEnabledTest.Enabled.class)
class TestClockEnabledTest {

    public static class Enabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cvp.test-clock.enabled", "true",
                    "quarkus.arc.exclude-types", "cn.cvp.kit.testing.TestClock");
        }
    }

    @Inject
    Clock clock;

    @Test
    void anAdminAdvancesTheServicesClockAndTheAdvanceIsAudited() {
        String admin = TestTokens.token("admin", null, "platform-admin");
        Instant before = Instant.now();
        given().auth().oauth2(admin).get("/api/test-clock").then().statusCode(200).body("offset", equalTo("PT0S"));

        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("by", "P35D"))
                .post("/api/test-clock/advance").then().statusCode(200).body("offset", equalTo("PT840H"));

        assertThat(clock.instant()).isAfterOrEqualTo(before.plus(Duration.ofDays(35)))
                .isBefore(Instant.now().plus(Duration.ofDays(36)));
        given().auth().oauth2(admin).get("/api/audit?action=TEST_CLOCK_ADVANCED").then().statusCode(200)
                .body("[0].after", org.hamcrest.Matchers.containsString("PT840H"));
    }

    @Test
    void onlyAnAdminMovesItAndOnlyForwardByAValidDuration() {
        String admin = TestTokens.token("admin", null, "platform-admin");
        String offset = given().auth().oauth2(admin).get("/api/test-clock").then().extract().path("offset");
        given().contentType(ContentType.JSON).body(Map.of("by", "P1D")).post("/api/test-clock/advance")
                .then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        given().auth().oauth2(TestTokens.token("auditor", null, "auditor")).contentType(ContentType.JSON)
                .body(Map.of("by", "P1D")).post("/api/test-clock/advance").then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        for (String bad : new String[]{"-P1D", "PT0S", "35 days", ""}) {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("by", bad))
                    .post("/api/test-clock/advance").then().statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("TEST_CLOCK_BAD_DURATION"));
        }
        given().auth().oauth2(admin).get("/api/test-clock").then().body("offset", equalTo(offset));
    }
}
