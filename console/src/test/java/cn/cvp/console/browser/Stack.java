package cn.cvp.console.browser;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the browser tests need to exist before a page is opened, made through the services' APIs with real
 * Keycloak tokens (the public password-grant client of the demo realm), as the end-to-end tests do.
 */
final class Stack {
    static final String KEYCLOAK = env("CVP_KEYCLOAK_URL", "http://localhost:8180");
    static final String VOUCHER = env("CVP_VOUCHER_URL", "http://localhost:8081");
    static final String PROVIDER = env("CVP_PROVIDER_URL", "http://localhost:8082");
    static final ZoneOffset CST = ZoneOffset.ofHours(8);
    static final String ENTERPRISE_ORG = "91110108MA01ENT1XN";
    static final String PROVIDER_ORG = "91110105MA03PRD108";
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private Stack() {
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    static String token(String user) {
        return TOKENS.computeIfAbsent(user, u -> RestAssured.given()
                .formParam("grant_type", "password").formParam("client_id", "cvp-cli")
                .formParam("username", u).formParam("password", u)
                .post(KEYCLOAK + "/realms/compute-voucher/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token"));
    }

    static RequestSpecification as(String user, String base) {
        return RestAssured.given().baseUri(base).auth().oauth2(token(user)).contentType(ContentType.JSON);
    }

    static void enterpriseRegistered() {
        int s = as("enterprise-demo", VOUCHER).body(Map.of(
                "name", "北京智算科技有限公司 (demo enterprise)", "creditCode", ENTERPRISE_ORG, "region", "110108",
                "industry", "SOFTWARE_IT_SERVICES", "size", "SMALL", "startup", true, "team", false,
                "ownership", "PRIVATE", "dishonest", false, "relatedParties", List.of())).post("/api/enterprises").statusCode();
        assertThat(s).isIn(201, 409);
    }

    /** provider-demo registered and listed for BJ-AICV (idempotent across runs). */
    static String providerAccredited() {
        Response registered = as("provider-demo", PROVIDER).body(Map.of(
                "name", "京算智能科技有限公司 (demo provider)", "creditCode", PROVIDER_ORG, "region", "110105",
                "yearsOperating", 5, "site", "北京市朝阳区酒仙桥路 10 号", "privatelyInvested", true,
                "relatedParties", List.of())).post("/api/providers");
        assertThat(registered.statusCode()).isIn(201, 409);
        Response me = as("provider-demo", PROVIDER).get("/api/providers/me");
        String id = me.path("id");
        if (!"ACTIVE".equals(me.path("status"))) {
            as("admin-demo", PROVIDER).body(Map.of("programmeMemberships", List.of("BJ-AICV", "SH-ICV")))
                    .post("/api/providers/" + id + "/accreditation").then().statusCode(200);
        }
        return id;
    }

    static final String OTHER_PROVIDER_ORG = "91310104MA04PRD2XL";

    /** provider-other registered and, if it was only registered, self-assessed: in the accreditation queue. Its status. */
    static Map<String, Object> otherProviderOnboarding() {
        int s = as("provider-other", PROVIDER).body(Map.of(
                "name", "沪算云科技有限公司 (other provider)", "creditCode", OTHER_PROVIDER_ORG, "region", "310104",
                "yearsOperating", 4, "site", "上海市徐汇区漕河泾开发区 8 号", "privatelyInvested", true,
                "relatedParties", List.of())).post("/api/providers").statusCode();
        assertThat(s).isIn(201, 409);
        Map<String, Object> me = as("provider-other", PROVIDER).get("/api/providers/me").then().statusCode(200).extract().path("$");
        if ("REGISTERED".equals(me.get("status"))) {
            me = as("provider-other", PROVIDER).body(Map.of("legalEntity", true, "fixedSite", true,
                            "priceListRef", "https://example.cn/prices.pdf", "programmes", List.of("SH-ICV")))
                    .post("/api/providers/" + me.get("id") + "/self-assessment").then().statusCode(200).extract().path("$");
        }
        return me;
    }

    static OffsetDateTime hour() {
        return OffsetDateTime.now(CST).truncatedTo(ChronoUnit.HOURS);
    }

    /** enterprise-demo drafts and submits a BJ-AICV application; the reviewer reviews it. Returns its id. */
    static String reviewedApplication(long amountFen, long cardHours) {
        enterpriseRegistered();
        OffsetDateTime now = hour();
        Map<String, Object> body = Map.of("programmeCode", "BJ-AICV",
                "demand", Map.of("resourceClass", "GPU_A800_80G", "cardHours", cardHours, "regions", List.of("110108"),
                        "windowStart", now.minusHours(13).toString(), "windowEnd", now.plusDays(30).toString()),
                "purpose", "浏览器测试：模型训练 (browser test)", "amountFen", amountFen,
                "contract", Map.of("number", "UI-" + UUID.randomUUID(), "signedOn", now.toLocalDate().minusDays(3).toString(), "months", 3,
                        "providerCreditCode", PROVIDER_ORG));
        String id = as("enterprise-demo", VOUCHER).body(body).post("/api/applications").then().statusCode(201).extract().path("id");
        // Beijing's contract binds the provider: provider-demo must be an active partner, as voucher-service hears it
        providerAccredited();
        java.util.concurrent.atomic.AtomicReference<Response> answer = new java.util.concurrent.atomic.AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            answer.set(as("enterprise-demo", VOUCHER).post("/api/applications/" + id + "/submit"));
            String code = answer.get().statusCode() == 422 ? answer.get().path("code") : null;
            return code == null || !code.startsWith("CONTRACT_PROVIDER_");
        });
        answer.get().then().statusCode(200);
        as("reviewer-demo", VOUCHER).post("/api/applications/" + id + "/review").then().statusCode(200);
        return id;
    }

    static void reject(String applicationId, String reason) {
        as("approver2-demo", VOUCHER).body(Map.of("reason", reason)).post("/api/applications/" + applicationId + "/reject");
    }

    /** A published offering of provider-demo, a voucher issued for its capacity, and the allocation once HELD. */
    static Map<String, Object> heldAllocation() {
        providerAccredited();
        OffsetDateTime now = hour();
        long price = 1_200;
        String offering = as("provider-demo", PROVIDER).body(Map.of("resourceClass", "GPU_A800_80G", "region", "110108",
                        "units", 8, "unitPriceFen", price, "availableFrom", now.minusDays(1).toString(),
                        "availableTo", now.plusDays(60).toString()))
                .post("/api/offerings").then().statusCode(201).extract().path("id");
        as("provider-demo", PROVIDER).post("/api/offerings/" + offering + "/publish").then().statusCode(200);
        String app = reviewedApplication(100 * price, 100);
        String voucher = as("approver-demo", VOUCHER).post("/api/applications/" + app + "/approve").then().statusCode(200)
                .extract().path("voucherId");
        Map<String, Object>[] found = new Map[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<Map<String, Object>> all = as("provider-demo", PROVIDER).get("/api/allocations?size=200").then().statusCode(200)
                    .extract().path("$");
            Map<String, Object> a = all.stream().filter(x -> voucher.equals(x.get("voucherId"))).findFirst().orElse(null);
            assertThat(a).isNotNull();
            assertThat(a.get("status")).isIn("HELD", "ACTIVE");
            found[0] = a;
        });
        return found[0];
    }
}
