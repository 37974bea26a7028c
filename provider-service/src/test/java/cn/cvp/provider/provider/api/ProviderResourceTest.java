package cn.cvp.provider.provider.api;

import cn.cvp.kit.testing.LocalInfraResource;
import cn.cvp.provider.support.Db;
import cn.cvp.kit.testing.EventSchemas;
import cn.cvp.provider.support.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.cvp.provider.support.Orgs.BAD_CHECKSUM;
import static cn.cvp.provider.support.Orgs.NEW_1;
import static cn.cvp.provider.support.Orgs.NEW_2;
import static cn.cvp.provider.support.Orgs.NEW_3;
import static cn.cvp.provider.support.Orgs.NEW_4;
import static cn.cvp.provider.support.Orgs.NEW_5;
import static cn.cvp.provider.support.Orgs.NEW_6;
import static cn.cvp.provider.support.Orgs.NEW_7;
import static cn.cvp.provider.support.Orgs.NEW_8;
import static cn.cvp.provider.support.Orgs.PROVIDER_DEMO;
import static cn.cvp.provider.support.Orgs.PROVIDER_OTHER;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(LocalInfraResource.class)
class ProviderResourceTest {

    @Inject
    Db db;
    @Inject
    Fixtures fixtures;

    static Map<String, Object> registration(String creditCode) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "京算智能科技有限公司");
        body.put("creditCode", creditCode);
        body.put("region", "110108");
        body.put("yearsOperating", 4);
        body.put("site", "北京市海淀区中关村大街 1 号");
        body.put("privatelyInvested", true);
        body.put("relatedParties", List.of("91110108MA01ENT1XN"));
        return body;
    }

    @Test
    @TestSecurity(user = "reg-1", roles = "provider")
    @OidcSecurity(claims = @Claim(key = "org_id", value = NEW_1))
    void registersTheCallersOwnOrganisationOnce() {
        String id = given().contentType("application/json").body(registration(NEW_1))
                .when().post("/api/providers")
                .then().statusCode(201)
                .header("Location", containsString("/api/providers/"))
                .body("creditCode", is(NEW_1))
                .body("status", is("REGISTERED"))
                .body("privatelyInvested", is(true))
                .body("relatedParties", contains("91110108MA01ENT1XN"))
                .extract().path("id");

        given().when().get("/api/providers/me").then().statusCode(200).body("id", is(id));

        List<String> events = db.outbox("provider.registered.v1", id);
        assertThat(events).hasSize(1);
        JsonNode event = EventSchemas.assertValidEvent("provider.registered.v1", "/provider-service", events.get(0));
        assertThat(event.at("/data/creditCode").asText()).isEqualTo(NEW_1);
        assertThat(event.at("/data/status").asText()).isEqualTo("REGISTERED");
        assertThat(db.strings("select actor_organisation from audit_log where action = 'PROVIDER_REGISTERED' and target_id = ?", id))
                .containsExactly(NEW_1);

        given().contentType("application/json").body(registration(NEW_1))
                .when().post("/api/providers")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", is("PROVIDER_ALREADY_REGISTERED"));
        assertThat(db.count("select count(*) from provider where credit_code = ?", NEW_1)).isEqualTo(1);
        assertThat(db.outbox("provider.registered.v1", id)).hasSize(1);
    }

    @Test
    @TestSecurity(user = "reg-8", roles = "provider")
    @OidcSecurity(claims = @Claim(key = "org_id", value = NEW_8))
    void concurrentRegistrationsOfTheSameOrganisationRegisterItOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> given().contentType("application/json").body(registration(NEW_8))
                        .when().post("/api/providers").then().extract().statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> a : answers) {
                statuses.add(a.get());
            }
            assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
        } finally {
            pool.shutdownNow();
        }
        assertThat(db.count("select count(*) from provider where credit_code = ?", NEW_8)).isEqualTo(1);
        assertThat(db.count("select count(*) from outbox_event o join provider p on o.message_key = p.id::text "
                + "where p.credit_code = ? and o.event_type = 'provider.registered.v1'", NEW_8)).isEqualTo(1);
    }

    @Test
    @TestSecurity(user = "reg-bad", roles = "provider")
    @OidcSecurity(claims = @Claim(key = "org_id", value = BAD_CHECKSUM))
    void refusesACreditCodeWithABadCheckCharacterAndStoresNothing() {
        given().contentType("application/json").body(registration(BAD_CHECKSUM))
                .header("Accept-Language", "zh-CN")
                .when().post("/api/providers")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", is("VALIDATION_FAILED"))
                .body("errors.field", contains("creditCode"))
                .body("detail", startsWith("请求中以下字段无效"))
                .body("messages.en", containsString("creditCode"));
        assertThat(db.count("select count(*) from provider where credit_code = ?", BAD_CHECKSUM)).isZero();
    }

    @Test
    @TestSecurity(user = "reg-2", roles = "provider")
    @OidcSecurity(claims = @Claim(key = "org_id", value = NEW_2))
    void reportsEveryInvalidFieldAndUnreadableBodies() {
        Map<String, Object> body = registration(NEW_2);
        body.put("region", "11010");
        body.put("yearsOperating", -1);
        body.remove("site");
        given().contentType("application/json").body(body)
                .when().post("/api/providers")
                .then().statusCode(400)
                .body("code", is("VALIDATION_FAILED"))
                .body("errors.field", hasItems("region", "yearsOperating", "site"));

        given().contentType("application/json").body("{\"name\": \"x\", \"creditCode\": ")
                .when().post("/api/providers")
                .then().statusCode(400).body("code", is("MALFORMED_JSON"));
        given().contentType("application/json").body("{\"yearsOperating\": \"many\"}")
                .when().post("/api/providers")
                .then().statusCode(400).body("code", is("INVALID_FORMAT"));
        assertThat(db.count("select count(*) from provider where credit_code = ?", NEW_2)).isZero();
    }

    @Test
    @TestSecurity(user = "reg-3", roles = "provider")
    @OidcSecurity(claims = @Claim(key = "org_id", value = NEW_5))
    void registersOnlyTheOrganisationInTheToken() {
        given().contentType("application/json").body(registration(NEW_7))
                .when().post("/api/providers")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("code", is("ORGANISATION_MISMATCH"));
        assertThat(db.count("select count(*) from provider where credit_code in (?, ?)", NEW_7, NEW_5)).isZero();
    }

    @Test
    void refusesCallsWithoutAToken() {
        given().contentType("application/json").body(registration(NEW_1)).when().post("/api/providers")
                .then().statusCode(401);
        given().when().get("/api/providers/me").then().statusCode(401);
        given().when().get("/api/offerings").then().statusCode(401);
        given().when().get("/api/allocations").then().statusCode(401);
        given().contentType("application/json").body(Map.of("records", List.of())).when().post("/api/usage-reports")
                .then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "ent-1", roles = "enterprise")
    @OidcSecurity(claims = @Claim(key = "org_id", value = NEW_6))
    void refusesCallersWithoutTheRole() {
        given().contentType("application/json").body(registration(NEW_6)).when().post("/api/providers")
                .then().statusCode(403);
        given().when().get("/api/allocations").then().statusCode(403);
        given().contentType("application/json").body(Map.of("programmeMemberships", List.of("BJ-AICV")))
                .when().post("/api/providers/" + UUID.randomUUID() + "/accreditation")
                .then().statusCode(403);
        assertThat(db.count("select count(*) from provider where credit_code = ?", NEW_6)).isZero();
    }

    @Test
    @TestSecurity(user = "prd-demo", roles = "provider")
    @OidcSecurity(claims = @Claim(key = "org_id", value = PROVIDER_DEMO))
    void aProviderSeesOnlyItsOwnProvider() {
        UUID own = fixtures.active(PROVIDER_DEMO);
        UUID other = fixtures.active(PROVIDER_OTHER);
        given().when().get("/api/providers/" + own).then().statusCode(200).body("creditCode", is(PROVIDER_DEMO));
        given().when().get("/api/providers/" + other).then().statusCode(404)
                .contentType("application/problem+json").body("code", is("NOT_FOUND"));
        given().contentType("application/json").body(Map.of("programmeMemberships", List.of("BJ-AICV")))
                .when().post("/api/providers/" + own + "/accreditation")
                .then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "auditor-1", roles = "auditor")
    void anAuditorSeesAnyProvider() {
        UUID other = fixtures.active(PROVIDER_OTHER);
        given().when().get("/api/providers/" + other).then().statusCode(200).body("creditCode", is(PROVIDER_OTHER));
        given().when().get("/api/providers/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "admin-1", roles = "platform-admin")
    void anAdministratorAccreditsAnOnboardingProviderOnce() {
        UUID id = fixtures.registered(NEW_3, 3);

        given().contentType("application/json")
                .body(Map.of("programmeMemberships", List.of("SH-ICV", "BJ-AICV"), "reason", "fast track"))
                .when().post("/api/providers/" + id + "/accreditation")
                .then().statusCode(200)
                .body("status", is("ACTIVE"))
                .body("programmeMemberships", contains("BJ-AICV", "SH-ICV"));

        List<String> events = db.outbox("provider.status-changed.v1", id);
        assertThat(events).hasSize(1);
        JsonNode event = EventSchemas.assertValidEvent("provider.status-changed.v1", "/provider-service", events.get(0));
        assertThat(event.at("/data/previousStatus").asText()).isEqualTo("REGISTERED");
        assertThat(event.at("/data/status").asText()).isEqualTo("ACTIVE");
        assertThat(event.at("/data/reason").asText()).isEqualTo("fast track");
        assertThat(db.strings("select after_state ->> 'status' from audit_log where action = 'PROVIDER_ACCREDITED_SHORTCUT' and target_id = ?",
                id.toString())).containsExactly("ACTIVE");

        given().contentType("application/json").body(Map.of("programmeMemberships", List.of("BJ-AICV")))
                .when().post("/api/providers/" + id + "/accreditation")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", is("ILLEGAL_STATE"))
                .body("currentState", is("ACTIVE"));
        assertThat(db.outbox("provider.status-changed.v1", id)).hasSize(1);
    }

    @Test
    @TestSecurity(user = "admin-2", roles = "platform-admin")
    void accreditationChecksTheCriteriaAndTheRequest() {
        UUID young = fixtures.registered(NEW_4, 1);
        given().contentType("application/json").body(Map.of("programmeMemberships", List.of("SH-ICV")))
                .when().post("/api/providers/" + young + "/accreditation")
                .then().statusCode(422)
                .body("code", is("ACCREDITATION_CRITERIA_NOT_MET"));
        given().contentType("application/json").body(Map.of("programmeMemberships", List.of()))
                .when().post("/api/providers/" + young + "/accreditation")
                .then().statusCode(400).body("code", is("VALIDATION_FAILED"));
        given().contentType("application/json").body(Map.of("programmeMemberships", List.of("bj aicv")))
                .when().post("/api/providers/" + young + "/accreditation")
                .then().statusCode(400).body("code", is("VALIDATION_FAILED"));
        given().contentType("application/json").body(Map.of("programmeMemberships", List.of("BJ-AICV")))
                .when().post("/api/providers/" + UUID.randomUUID() + "/accreditation")
                .then().statusCode(404);
        assertThat(db.strings("select status from provider where id = ?", young)).containsExactly("REGISTERED");
        assertThat(db.outbox("provider.status-changed.v1", young)).isEmpty();
    }
}
