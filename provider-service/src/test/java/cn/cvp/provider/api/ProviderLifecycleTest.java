package cn.cvp.provider.api;

import cn.cvp.kit.testing.LocalInfraResource;
import cn.cvp.provider.application.ProviderService;
import cn.cvp.provider.support.Db;
import cn.cvp.provider.support.EventContracts;
import cn.cvp.provider.support.Fixtures;
import cn.cvp.kit.testing.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.cvp.provider.support.Orgs.LIFECYCLE_1;
import static cn.cvp.provider.support.Orgs.LIFECYCLE_2;
import static cn.cvp.provider.support.Orgs.LIFECYCLE_3;
import static cn.cvp.provider.support.Orgs.LIFECYCLE_4;
import static cn.cvp.provider.support.Orgs.LIFECYCLE_5;
import static cn.cvp.provider.support.Orgs.LIFECYCLE_6;
import static cn.cvp.provider.support.Orgs.LIFECYCLE_7;
import static cn.cvp.provider.support.Orgs.LIFECYCLE_8;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * The accreditation lifecycle: self-assessment, verification, public notice (公示) on the service's clock,
 * objections, listing, suspension and reinstatement, removal, exit and programme standing.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraResource.class)
class ProviderLifecycleTest {
    @Inject
    Fixtures fixtures;
    @Inject
    Db db;
    @Inject
    TestClock clock;
    @Inject
    ProviderService providers;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static Map<String, Object> selfAssessment() {
        return Map.of("legalEntity", true, "fixedSite", true, "priceListRef", "https://example.cn/prices.pdf",
                "statement", "成立 5 年，固定机房", "programmes", List.of("SH-ICV", "BJ-AICV"));
    }

    private List<String> statuses(UUID providerId) {
        return db.outbox("provider.status-changed.v1", providerId).stream()
                .map(e -> EventContracts.assertValid("provider.status-changed.v1", e))
                .map(e -> e.at("/data/previousStatus").asText() + "→" + e.at("/data/status").asText()).toList();
    }

    @Test
    @TestSecurity(user = "prov-lc1", roles = "provider")
    @OidcSecurity(claims = @Claim(key = "org_id", value = LIFECYCLE_1))
    void aProviderSubmitsItsOwnSelfAssessment() {
        UUID own = fixtures.registered(LIFECYCLE_1, 5);
        UUID young = fixtures.registered(LIFECYCLE_2, 1);

        given().contentType("application/json").body(selfAssessment())
                .when().post("/api/providers/" + own + "/self-assessment")
                .then().statusCode(200)
                .body("status", is("SELF_ASSESSED"))
                .body("requestedProgrammes", contains("BJ-AICV", "SH-ICV"))
                .body("selfAssessment.priceListRef", is("https://example.cn/prices.pdf"));
        assertThat(statuses(own)).containsExactly("REGISTERED→SELF_ASSESSED");

        // another provider's: as if it did not exist
        given().contentType("application/json").body(selfAssessment())
                .when().post("/api/providers/" + young + "/self-assessment")
                .then().statusCode(404);
        // no programmes, no price list
        given().contentType("application/json").body(Map.of("legalEntity", true, "fixedSite", true))
                .when().post("/api/providers/" + own + "/self-assessment")
                .then().statusCode(400).body("code", is("VALIDATION_FAILED"));
        // an administrator's step is not the provider's
        given().contentType("application/json").when().post("/api/providers/" + own + "/verification")
                .then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "admin-lc", roles = "platform-admin")
    void verificationPublicNoticeAndListingOnTheClock() {
        UUID id = fixtures.selfAssessed(LIFECYCLE_3);

        given().contentType("application/json").when().post("/api/providers/" + id + "/public-notice")
                .then().statusCode(409).body("code", is("ILLEGAL_STATE")).body("currentState", is("SELF_ASSESSED"));
        given().contentType("application/json").when().post("/api/providers/" + id + "/verification")
                .then().statusCode(200).body("status", is("VERIFYING"));
        given().contentType("application/json").body(Map.of("reason", "核验通过"))
                .when().post("/api/providers/" + id + "/public-notice")
                .then().statusCode(200)
                .body("status", is("PUBLIC_NOTICE"))
                .body("approvedProgrammes", contains("BJ-AICV", "SH-ICV"))
                .body("programmeMemberships", empty())
                .body("noticeEndsAt", notNullValue());
        given().when().get("/api/public-notices").then().statusCode(200).body("providerId", hasItem(id.toString()));

        // before the seventh day: listing refused, the job leaves it alone
        clock.advance(Duration.ofDays(7).minusMinutes(1));
        given().contentType("application/json").when().post("/api/providers/" + id + "/listing")
                .then().statusCode(409).body("code", is("NOTICE_PERIOD_NOT_OVER")).body("noticeEndsAt", notNullValue());
        providers.concludeEndedNotices();
        given().when().get("/api/providers/" + id).then().body("status", is("PUBLIC_NOTICE"));

        // the notice ends without objection: the scheduled job lists it
        clock.advance(Duration.ofMinutes(2));
        assertThat(providers.concludeEndedNotices()).isGreaterThanOrEqualTo(1);
        given().when().get("/api/providers/" + id).then()
                .body("status", is("ACTIVE"))
                .body("programmeMemberships", contains("BJ-AICV", "SH-ICV"));
        given().when().get("/api/public-notices").then().body("providerId", not(hasItem(id.toString())));
        given().contentType("application/json").when().post("/api/providers/" + id + "/listing")
                .then().statusCode(409).body("currentState", is("ACTIVE"));

        assertThat(statuses(id)).containsExactly("REGISTERED→SELF_ASSESSED", "SELF_ASSESSED→VERIFYING",
                "VERIFYING→PUBLIC_NOTICE", "PUBLIC_NOTICE→ACTIVE");
        JsonNode listed = EventContracts.assertValid("provider.status-changed.v1",
                db.outbox("provider.status-changed.v1", id).get(3));
        assertThat(listed.at("/data/programmeMemberships").toString()).isEqualTo("[\"BJ-AICV\",\"SH-ICV\"]");
        assertThat(db.strings("select action from audit_log where target_id = ? order by id", id.toString()))
                .containsSubsequence("PROVIDER_SELF_ASSESSED", "PROVIDER_VERIFICATION_STARTED",
                        "PROVIDER_PUBLIC_NOTICE_STARTED", "PROVIDER_LISTED");
    }

    @Test
    @TestSecurity(user = "admin-lc2", roles = "platform-admin")
    void anAdministratorListsOnceTheNoticeHasEnded() {
        UUID id = fixtures.onNotice(LIFECYCLE_4);
        clock.advance(Duration.ofDays(8));
        given().contentType("application/json").when().post("/api/providers/" + id + "/listing")
                .then().statusCode(200).body("status", is("ACTIVE"));
    }

    @Test
    @TestSecurity(user = "ent-objector", roles = "enterprise")
    @OidcSecurity(claims = @Claim(key = "org_id", value = "91110108MA01ENT1XN"))
    void anyoneAuthenticatedMayObjectDuringTheNoticeWhichSendsItBackToVerification() {
        UUID id = fixtures.onNotice(LIFECYCLE_5);
        given().when().get("/api/public-notices").then().statusCode(200).body("providerId", hasItem(id.toString()));

        given().contentType("application/json").body(Map.of()).when().post("/api/public-notices/" + id + "/objections")
                .then().statusCode(400).body("code", is("VALIDATION_FAILED"));
        given().contentType("application/json").body(Map.of("reason", "机房与申报地址不符"))
                .when().post("/api/public-notices/" + id + "/objections")
                .then().statusCode(201).body("providerId", is(id.toString()));

        assertThat(db.strings("select status from provider where id = ?", id)).containsExactly("VERIFYING");
        assertThat(db.count("select count(*) from provider_objection where provider_id = ?", id)).isEqualTo(1);
        assertThat(statuses(id)).endsWith("PUBLIC_NOTICE→VERIFYING");
        JsonNode objected = EventContracts.assertValid("provider.status-changed.v1",
                db.outbox("provider.status-changed.v1", id).get(3));
        assertThat(objected.at("/data/reason").asText()).startsWith("OBJECTION: ");

        // no longer on notice: a second objection is refused
        given().contentType("application/json").body(Map.of("reason", "again"))
                .when().post("/api/public-notices/" + id + "/objections")
                .then().statusCode(409).body("code", is("NOTICE_NOT_OPEN"));
    }

    @Test
    @TestSecurity(user = "ent-late", roles = "enterprise")
    void anObjectionAfterTheNoticeEndedIsRefused() {
        UUID id = fixtures.onNotice(LIFECYCLE_6);
        clock.advance(Duration.ofDays(7).plusSeconds(1));
        given().contentType("application/json").body(Map.of("reason", "late"))
                .when().post("/api/public-notices/" + id + "/objections")
                .then().statusCode(409).body("code", is("NOTICE_NOT_OPEN"));
        given().when().post("/api/providers/" + id + "/listing").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "admin-lc3", roles = "platform-admin")
    void suspensionReinstatementProgrammeStandingAndRemoval() {
        UUID id = fixtures.onNotice(LIFECYCLE_7);
        clock.advance(Duration.ofDays(7));
        providers.concludeEndedNotices();

        given().contentType("application/json").body(Map.of())
                .when().post("/api/providers/" + id + "/suspension")
                .then().statusCode(400);
        given().contentType("application/json").body(Map.of("reason", "交付凭证造假嫌疑"))
                .when().post("/api/providers/" + id + "/suspension")
                .then().statusCode(200).body("status", is("SUSPENDED")).body("statusReason", is("交付凭证造假嫌疑"));
        given().contentType("application/json").body(Map.of("reason", "x"))
                .when().post("/api/providers/" + id + "/suspension")
                .then().statusCode(409).body("currentState", is("SUSPENDED"));
        given().contentType("application/json").when().post("/api/providers/" + id + "/reinstatement")
                .then().statusCode(200).body("status", is("ACTIVE"));

        given().when().delete("/api/providers/" + id + "/programmes/SH-ICV?reason=不再民间投资")
                .then().statusCode(200).body("programmeMemberships", contains("BJ-AICV"));
        given().when().put("/api/providers/" + id + "/programmes/SZ-CV")
                .then().statusCode(200).body("programmeMemberships", contains("BJ-AICV", "SZ-CV"));
        given().when().put("/api/providers/" + id + "/programmes/SZ-CV").then().statusCode(200);

        given().contentType("application/json").body(Map.of("reason", "严重违规"))
                .when().post("/api/providers/" + id + "/removal")
                .then().statusCode(200).body("status", is("REMOVED")).body("programmeMemberships", empty());
        given().contentType("application/json").when().post("/api/providers/" + id + "/reinstatement")
                .then().statusCode(409).body("currentState", is("REMOVED"));
        given().when().put("/api/providers/" + id + "/programmes/BJ-AICV")
                .then().statusCode(409).body("currentState", is("REMOVED"));

        List<String> statuses = statuses(id);
        assertThat(statuses).endsWith("PUBLIC_NOTICE→ACTIVE", "ACTIVE→SUSPENDED", "SUSPENDED→ACTIVE",
                "ACTIVE→ACTIVE", "ACTIVE→ACTIVE", "ACTIVE→REMOVED");
        List<String> memberships = db.outbox("provider.status-changed.v1", id).stream()
                .map(e -> EventContracts.assertValid("provider.status-changed.v1", e))
                .map(e -> e.at("/data/programmeMemberships").toString()).toList();
        assertThat(memberships).endsWith("[\"BJ-AICV\"]", "[\"BJ-AICV\",\"SZ-CV\"]", "[]");
        given().when().get("/api/providers?status=REMOVED").then().statusCode(200).body("id", hasItem(id.toString()));
    }

    @Test
    @TestSecurity(user = "prov-lc8", roles = "provider")
    @OidcSecurity(claims = @Claim(key = "org_id", value = LIFECYCLE_8))
    void aProviderMayExitButOnlyItself() {
        UUID own = fixtures.selfAssessed(LIFECYCLE_8);
        UUID other = fixtures.registered(LIFECYCLE_2, 1);
        given().contentType("application/json").when().post("/api/providers/" + other + "/exit")
                .then().statusCode(404);
        given().contentType("application/json").body(Map.of("reason", "业务调整"))
                .when().post("/api/providers/" + own + "/exit")
                .then().statusCode(200).body("status", is("EXITED"));
        given().contentType("application/json").when().post("/api/providers/" + own + "/exit")
                .then().statusCode(409).body("code", is("ILLEGAL_STATE")).body("currentState", is("EXITED"));
        given().when().get("/api/providers").then().statusCode(403);
        assertThat(statuses(own)).endsWith("SELF_ASSESSED→EXITED");
        assertThat(db.count("select count(*) from audit_log where action = 'PROVIDER_EXITED' and target_id = ?",
                own.toString())).isEqualTo(1);
    }
}
