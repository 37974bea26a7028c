package cn.cvp.provider;

import cn.cvp.kit.testing.LocalInfraResource;
import cn.cvp.provider.support.Db;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Issue 14 item 2 in provider-service: unknown fields, repeated keys and refusals of the caller are problem+json. */
@QuarkusTest
@QuarkusTestResource(LocalInfraResource.class)
class StrictInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Fresh organisations (valid check characters), used by no other test. */
    private static final String UNKNOWN_FIELD_ORG = "91110108MA05TRX01W";
    private static final String DUPLICATE_ORG = "91110108MA05TRX020";

    @Inject
    Db db;

    /** The caller is set by {@code @TestSecurity} / {@code @OidcSecurity}, as in the service's other tests. */
    private static RequestSpecification provider(String org) {
        return RestAssured.given().contentType(ContentType.JSON);
    }

    private static Map<String, Object> registration(String creditCode) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "京算智能科技有限公司");
        body.put("creditCode", creditCode);
        body.put("region", "110108");
        body.put("yearsOperating", 4);
        body.put("site", "北京市海淀区中关村大街 1 号");
        body.put("privatelyInvested", true);
        body.put("relatedParties", List.of());
        return body;
    }

    @Test
    @TestSecurity(user = "strict-1", roles = "provider")
    @OidcSecurity(claims = @Claim(key = "org_id", value = UNKNOWN_FIELD_ORG))
    void anUnknownFieldIs400UnknownFieldAndNothingIsStored() throws Exception {
        Map<String, Object> body = registration(UNKNOWN_FIELD_ORG);
        body.put("accredited", true);
        provider(UNKNOWN_FIELD_ORG).body(JSON.writeValueAsString(body)).post("/api/providers").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("UNKNOWN_FIELD"))
                .body("messages.en", containsString("accredited"))
                .body("errors[0].field", equalTo("accredited"));
        assertThat(db.count("select count(*) from provider where credit_code = ?", UNKNOWN_FIELD_ORG)).isZero();
    }

    @Test
    @TestSecurity(user = "strict-2", roles = "provider")
    @OidcSecurity(claims = @Claim(key = "org_id", value = DUPLICATE_ORG))
    void aRepeatedKeyIs400DuplicateFieldAndNothingIsStored() throws Exception {
        String json = JSON.writeValueAsString(registration(DUPLICATE_ORG));
        for (String body : new String[] {json.substring(0, json.length() - 1) + ",\"yearsOperating\":40}",
                "{\"name\":\"x\"," + json.substring(1)}) {
            provider(DUPLICATE_ORG).body(body).post("/api/providers").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("DUPLICATE_FIELD")).body("messages.zh", notNullValue());
        }
        assertThat(db.count("select count(*) from provider where credit_code = ?", DUPLICATE_ORG)).isZero();
    }

    @Test
    void withoutATokenTheAnswerIs401ProblemJson() {
        RestAssured.given().get("/api/providers/me").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"))
                .body("messages.zh", notNullValue());
    }

    @Test
    @TestSecurity(user = "strict-3", roles = "enterprise")
    @OidcSecurity(claims = @Claim(key = "org_id", value = "91110108MA01ENT1XN"))
    void theWrongRoleIs403ProblemJson() {
        RestAssured.given().contentType(ContentType.JSON).body(registration("91110108MA01ENT1XN"))
                .post("/api/providers").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("FORBIDDEN"))
                .body("messages.zh", notNullValue());
    }
}
