package cn.cvp.kit.time;

import cn.cvp.kit.testing.LocalInfraResource;
import cn.cvp.kit.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** With the default configuration (every real deployment) the test clock does not exist: 404, even for an admin. */
@QuarkusTest
@QuarkusTestResource(LocalInfraResource.class)
class TestClockDisabledTest {

    @Test
    void theTestClockIsNotFoundWithTheDefaultConfiguration() {
        String admin = TestTokens.token("admin", null, "platform-admin");
        given().auth().oauth2(admin).get("/api/test-clock").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("by", "P35D"))
                .post("/api/test-clock/advance").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        // exactly like a route that does not exist, with or without a token
        given().contentType(ContentType.JSON).body(Map.of("by", "P35D"))
                .post("/api/test-clock/advance").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        given().get("/api/test-clock").then().statusCode(404);
        given().get("/api/no-such-route").then().statusCode(404);
        given().auth().oauth2(admin).get("/api/no-such-route").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
    }
}
