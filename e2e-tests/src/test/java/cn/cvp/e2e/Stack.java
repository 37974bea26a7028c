package cn.cvp.e2e;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Where the running local stack is (deploy/local/platform up), and real Keycloak tokens for the demo users. */
final class Stack {
    static final String KEYCLOAK = env("CVP_KEYCLOAK_URL", "http://localhost:8180");
    static final String REALM = "compute-voucher";
    static final String VOUCHER = env("CVP_VOUCHER_URL", "http://localhost:8081");
    static final String PROVIDER = env("CVP_PROVIDER_URL", "http://localhost:8082");
    static final String ALLOCATION = env("CVP_ALLOCATION_URL", "http://localhost:8083");
    static final String KAFKA = env("CVP_KAFKA", "localhost:9092");

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private Stack() {
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** A password-grant token from Keycloak for a demo user (password = user name, demo realm only). */
    static String token(String user) {
        return TOKENS.computeIfAbsent(user, u -> RestAssured.given()
                .formParam("grant_type", "password").formParam("client_id", "cvp-cli")
                .formParam("username", u).formParam("password", u)
                .post(KEYCLOAK + "/realms/" + REALM + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token"));
    }

    static RequestSpecification as(String user, String baseUri) {
        return RestAssured.given().baseUri(baseUri).auth().oauth2(token(user)).contentType(ContentType.JSON);
    }

    static RequestSpecification anonymous(String baseUri) {
        return RestAssured.given().baseUri(baseUri).contentType(ContentType.JSON);
    }
}
