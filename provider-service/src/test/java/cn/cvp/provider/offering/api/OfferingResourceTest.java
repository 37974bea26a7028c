package cn.cvp.provider.offering.api;

import cn.cvp.kit.testing.LocalInfraResource;
import cn.cvp.provider.support.Db;
import cn.cvp.kit.testing.EventSchemas;
import cn.cvp.provider.support.Fixtures;
import cn.cvp.provider.support.KafkaTopics;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.cvp.provider.support.Orgs.NEW_5;
import static cn.cvp.provider.support.Orgs.PROVIDER_DEMO;
import static cn.cvp.provider.support.Orgs.PROVIDER_OTHER;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(LocalInfraResource.class)
class OfferingResourceTest {

    @Inject
    Db db;
    @Inject
    Fixtures fixtures;

    static Map<String, Object> offering(String resourceClass) {
        OffsetDateTime from = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(1).withNano(0);
        Map<String, Object> body = new HashMap<>();
        body.put("resourceClass", resourceClass);
        body.put("region", "110105");
        body.put("units", 64);
        body.put("unitPriceFen", 1200);
        body.put("availableFrom", from.toString());
        body.put("availableTo", from.plusMonths(12).toString());
        return body;
    }

    @Test
    @TestSecurity(user = "prd-demo", roles = "provider")
    @OidcSecurity(claims = @Claim(key = "org_id", value = PROVIDER_DEMO))
    void publishingAnOfferingSendsItToAllocationService() {
        UUID providerId = fixtures.active(PROVIDER_DEMO);
        String id = given().contentType("application/json").body(offering("NPU_ASCEND_910B"))
                .when().post("/api/offerings")
                .then().statusCode(201)
                .body("status", is("DRAFT"))
                .body("version", is(1))
                .body("category", is("COMPUTE"))
                .body("domesticChip", is(true))
                .body("unit", is("CARD_HOUR"))
                .body("providerId", is(providerId.toString()))
                .extract().path("id");

        given().when().post("/api/offerings/" + id + "/publish")
                .then().statusCode(200).body("status", is("PUBLISHED"));

        List<ConsumerRecord<String, String>> published = KafkaTopics.read("provider.events",
                r -> r.key().equals(id) && r.value().contains("offering.published.v1"), 1,
                Duration.ofSeconds(30), Duration.ofMillis(500));
        assertThat(published).hasSize(1);
        JsonNode event = EventSchemas.assertValidEvent("offering.published.v1", "/provider-service", published.get(0).value());
        assertThat(event.at("/type").asText()).isEqualTo("offering.published.v1");
        assertThat(event.at("/source").asText()).isEqualTo("/provider-service");
        assertThat(event.at("/data/offeringId").asText()).isEqualTo(id);
        assertThat(event.at("/data/providerId").asText()).isEqualTo(providerId.toString());
        assertThat(event.at("/data/resourceClass").asText()).isEqualTo("NPU_ASCEND_910B");
        assertThat(event.at("/data/domesticChip").asBoolean()).isTrue();
        assertThat(event.at("/data/units").asInt()).isEqualTo(64);
        assertThat(event.at("/data/unitPriceFen").asLong()).isEqualTo(1200);
        assertThat(published.get(0).headers().lastHeader("content-type")).isNotNull();

        given().when().post("/api/offerings/" + id + "/publish")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", is("ILLEGAL_STATE"))
                .body("currentState", is("PUBLISHED"));

        given().when().post("/api/offerings/" + id + "/withdraw")
                .then().statusCode(200).body("status", is("WITHDRAWN"));
        List<String> withdrawn = db.outbox("offering.withdrawn.v1", id);
        assertThat(withdrawn).hasSize(1);
        EventSchemas.assertValidEvent("offering.withdrawn.v1", "/provider-service", withdrawn.get(0));
        assertThat(db.outbox("offering.published.v1", id)).hasSize(1);
        assertThat(db.strings("select action from audit_log where target_type = 'Offering' and target_id = ? order by id", id))
                .containsExactly("OFFERING_DRAFTED", "OFFERING_PUBLISHED", "OFFERING_WITHDRAWN");

        given().when().post("/api/offerings/" + id + "/withdraw")
                .then().statusCode(409).body("currentState", is("WITHDRAWN"));
    }

    @Test
    @TestSecurity(user = "prd-demo", roles = "provider")
    @OidcSecurity(claims = @Claim(key = "org_id", value = PROVIDER_DEMO))
    void priceAndCapacityChangesAreNewVersionsThatLeaveAllocationsAlone() {
        UUID providerId = fixtures.active(PROVIDER_DEMO);
        String id = given().contentType("application/json").body(offering("GPU_A800_80G"))
                .when().post("/api/offerings").then().statusCode(201).extract().path("id");
        given().contentType("application/json").body(Map.of("unitPriceFen", 800))
                .when().post("/api/offerings/" + id + "/revisions")
                .then().statusCode(409).body("code", is("ILLEGAL_STATE")).body("currentState", is("DRAFT"));
        given().when().post("/api/offerings/" + id + "/publish").then().statusCode(200).body("version", is(1));
        UUID allocationId = fixtures.heldAllocation(providerId, 1_000);

        given().contentType("application/json").body(Map.of("unitPriceFen", 800, "units", 32))
                .when().post("/api/offerings/" + id + "/revisions")
                .then().statusCode(200).body("version", is(2)).body("unitPriceFen", is(800)).body("units", is(32))
                .body("status", is("PUBLISHED"));
        // nothing changes: no new version
        given().contentType("application/json").body(Map.of("unitPriceFen", 800))
                .when().post("/api/offerings/" + id + "/revisions").then().statusCode(200).body("version", is(2));
        given().contentType("application/json").body(Map.of("unitPriceFen", 0))
                .when().post("/api/offerings/" + id + "/revisions").then().statusCode(400);

        given().when().get("/api/offerings/" + id + "/versions").then().statusCode(200)
                .body("version", contains(1, 2)).body("unitPriceFen", contains(1_200, 800));
        List<String> events = db.outbox("offering.published.v1", id);
        assertThat(events).hasSize(2);
        JsonNode v2 = EventSchemas.assertValidEvent("offering.published.v1", "/provider-service", events.get(1));
        assertThat(v2.at("/data/version").asInt()).isEqualTo(2);
        assertThat(v2.at("/data/unitPriceFen").asLong()).isEqualTo(800);
        assertThat(v2.at("/data/offeringId").asText()).isEqualTo(id);
        List<ConsumerRecord<String, String>> published = KafkaTopics.read("provider.events",
                r -> id.equals(r.key()) && r.value().contains("offering.published.v1"), 2, Duration.ofSeconds(30),
                Duration.ofMillis(300));
        assertThat(published).hasSize(2);

        // the allocation made before keeps its price
        given().when().get("/api/allocations/" + allocationId).then().statusCode(200).body("unitPriceFen", is(1_000));
    }

    @Test
    @TestSecurity(user = "prd-demo", roles = "provider")
    @OidcSecurity(claims = @Claim(key = "org_id", value = PROVIDER_DEMO))
    void storageIsOfferedPerTbMonth() {
        fixtures.active(PROVIDER_DEMO);
        given().contentType("application/json").body(offering("STORAGE_TB_MONTH"))
                .when().post("/api/offerings")
                .then().statusCode(201)
                .body("category", is("STORAGE"))
                .body("unit", is("TB_MONTH"))
                .body("domesticChip", is(false));
    }

    @Test
    @TestSecurity(user = "prd-demo", roles = "provider")
    @OidcSecurity(claims = @Claim(key = "org_id", value = PROVIDER_DEMO))
    void cpuCoresAreOfferedPerCoreHourAndStorageInTbMonthsAndBothPublish() {
        fixtures.active(PROVIDER_DEMO);
        for (String[] c : new String[][] {{"CPU_X86_CORE", "CORE_HOUR", "COMPUTE"}, {"STORAGE_TB_MONTH", "TB_MONTH", "STORAGE"}}) {
            Map<String, Object> body = offering(c[0]);
            body.put("unit", c[1]);
            String id = given().contentType("application/json").body(body).when().post("/api/offerings")
                    .then().statusCode(201).body("unit", is(c[1])).body("category", is(c[2])).extract().path("id");
            given().when().post("/api/offerings/" + id + "/publish").then().statusCode(200).body("status", is("PUBLISHED"));
            List<String> published = db.outbox("offering.published.v1", id);
            assertThat(published).hasSize(1);
            JsonNode event = EventSchemas.assertValidEvent("offering.published.v1", "/provider-service", published.get(0));
            assertThat(event.at("/data/unit").asText()).isEqualTo(c[1]);
            assertThat(event.at("/data/resourceClass").asText()).isEqualTo(c[0]);
        }
    }

    @Test
    @TestSecurity(user = "prd-demo", roles = "provider")
    @OidcSecurity(claims = @Claim(key = "org_id", value = PROVIDER_DEMO))
    void anOfferingInAUnitThatDoesNotFitItsResourceClassIsRefusedAndNothingStored() {
        UUID providerId = fixtures.active(PROVIDER_DEMO);
        long before = db.count("select count(*) from offering where provider_id = ?", providerId);
        Map<String, Object> gpuInTbMonths = offering("GPU_A800_80G");
        gpuInTbMonths.put("unit", "TB_MONTH");
        given().contentType("application/json").body(gpuInTbMonths).when().post("/api/offerings")
                .then().statusCode(422).contentType("application/problem+json")
                .body("code", is("UNIT_DOES_NOT_FIT_RESOURCE_CLASS"));
        Map<String, Object> storageInCoreHours = offering("STORAGE_TB_MONTH");
        storageInCoreHours.put("unit", "CORE_HOUR");
        given().contentType("application/json").body(storageInCoreHours).when().post("/api/offerings")
                .then().statusCode(422).body("code", is("UNIT_DOES_NOT_FIT_RESOURCE_CLASS"));
        assertThat(db.count("select count(*) from offering where provider_id = ?", providerId)).isEqualTo(before);
    }

    @Test
    @TestSecurity(user = "prd-demo", roles = "provider")
    @OidcSecurity(claims = @Claim(key = "org_id", value = PROVIDER_DEMO))
    void refusesInvalidOfferingsAndStoresNothing() {
        UUID providerId = fixtures.active(PROVIDER_DEMO);
        long before = db.count("select count(*) from offering where provider_id = ?", providerId);

        Map<String, Object> noUnits = offering("GPU_A800_80G");
        noUnits.put("units", 0);
        noUnits.put("unitPriceFen", -5);
        given().contentType("application/json").body(noUnits).when().post("/api/offerings")
                .then().statusCode(400).body("code", is("VALIDATION_FAILED"))
                .body("errors.field", hasItem("units")).body("errors.field", hasItem("unitPriceFen"));

        Map<String, Object> backwards = offering("GPU_A800_80G");
        backwards.put("availableTo", OffsetDateTime.now().minusYears(1).toString());
        given().contentType("application/json").body(backwards).when().post("/api/offerings")
                .then().statusCode(400).body("code", is("VALIDATION_FAILED")).body("errors.field", contains("availableTo"));

        Map<String, Object> tooLong = offering("GPU_A800_80G");
        tooLong.put("availableTo", OffsetDateTime.now().plusYears(3).plusDays(5).toString());
        given().contentType("application/json").body(tooLong).when().post("/api/offerings")
                .then().statusCode(400).body("code", is("VALIDATION_FAILED")).body("errors.field", contains("availableTo"));

        Map<String, Object> ended = offering("GPU_A800_80G");
        ended.put("availableFrom", OffsetDateTime.now().minusMonths(3).toString());
        ended.put("availableTo", OffsetDateTime.now().minusMonths(1).toString());
        given().contentType("application/json").body(ended).when().post("/api/offerings")
                .then().statusCode(400).body("code", is("VALIDATION_FAILED")).body("errors.field", contains("availableTo"));

        given().contentType("application/json").body(offering("GPU_RTX_4090")).when().post("/api/offerings")
                .then().statusCode(400).body("code", is("UNKNOWN_ENUM_VALUE"));

        assertThat(db.count("select count(*) from offering where provider_id = ?", providerId)).isEqualTo(before);
    }

    @Test
    @TestSecurity(user = "prd-other", roles = "provider")
    @OidcSecurity(claims = @Claim(key = "org_id", value = PROVIDER_OTHER))
    void anotherProvidersOfferingsAreInvisibleAndUntouchable() {
        UUID demo = fixtures.active(PROVIDER_DEMO);
        fixtures.active(PROVIDER_OTHER);
        String demoOffering = fixtures.draftOffering(demo).toString();

        given().when().get("/api/offerings/" + demoOffering).then().statusCode(404);
        given().when().post("/api/offerings/" + demoOffering + "/publish").then().statusCode(404);
        given().when().post("/api/offerings/" + demoOffering + "/withdraw").then().statusCode(404);
        given().when().get("/api/offerings").then().statusCode(200).body("id", not(hasItem(demoOffering)));
        assertThat(db.strings("select status from offering where id = ?", UUID.fromString(demoOffering)))
                .containsExactly("DRAFT");
    }

    @Test
    @TestSecurity(user = "auditor-1", roles = "auditor")
    void anAuditorSeesEveryProvidersOfferings() {
        UUID demo = fixtures.active(PROVIDER_DEMO);
        String demoOffering = fixtures.draftOffering(demo).toString();
        given().when().get("/api/offerings").then().statusCode(200).body("id", hasItem(demoOffering));
        given().queryParam("status", "DRAFT").when().get("/api/offerings").then().statusCode(200)
                .body("status", not(hasItem("PUBLISHED")));
        given().when().get("/api/offerings/" + demoOffering).then().statusCode(200).body("status", is("DRAFT"));
        given().when().post("/api/offerings/" + demoOffering + "/publish").then().statusCode(403);
        given().queryParam("size", 10_000).when().get("/api/offerings").then().statusCode(400)
                .body("code", is("VALIDATION_FAILED"));
        given().queryParam("status", "LIVE").when().get("/api/offerings").then().statusCode(400)
                .body("code", is("UNKNOWN_ENUM_VALUE"));
    }

    @Test
    @TestSecurity(user = "unregistered", roles = "provider")
    @OidcSecurity(claims = @Claim(key = "org_id", value = NEW_5))
    void anUnregisteredOrganisationCannotOfferCapacity() {
        given().contentType("application/json").body(offering("GPU_A800_80G")).when().post("/api/offerings")
                .then().statusCode(403).body("code", is("PROVIDER_NOT_REGISTERED"));
        given().when().get("/api/offerings").then().statusCode(200).body("size()", is(0));
    }

    @Test
    @TestSecurity(user = "no-org", roles = "provider")
    void aProviderTokenWithoutOrganisationCannotAct() {
        given().contentType("application/json").body(offering("GPU_A800_80G")).when().post("/api/offerings")
                .then().statusCode(403).body("code", is("NO_ORGANISATION"));
    }
}
