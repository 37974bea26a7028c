package cn.cvp.provider.allocation.messaging;

import cn.cvp.kit.testing.LocalInfraResource;
import cn.cvp.provider.support.AllocationEventJson;
import cn.cvp.provider.support.Db;
import cn.cvp.provider.support.Fixtures;
import cn.cvp.provider.support.KafkaTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.cvp.provider.support.Orgs.PROVIDER_DEMO;
import static cn.cvp.provider.support.Orgs.PROVIDER_OTHER;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** allocation.events arrive through the real broker and the service's own consumer. */
@QuarkusTest
@QuarkusTestResource(LocalInfraResource.class)
class AllocationEventsConsumerTest {
    private static final String TOPIC = "allocation.events";

    @Inject
    Db db;
    @Inject
    Fixtures fixtures;

    private String status(UUID allocationId) {
        List<String> found = db.strings("select status from provider_allocation where allocation_id = ?", allocationId);
        return found.isEmpty() ? null : found.get(0);
    }

    @Test
    @TestSecurity(user = "prd-demo", roles = "provider")
    @OidcSecurity(claims = @Claim(key = "org_id", value = PROVIDER_DEMO))
    void keepsTheProvidersViewOfItsAllocations() {
        UUID providerId = fixtures.active(PROVIDER_DEMO);
        UUID allocationId = UUID.randomUUID();
        KafkaTopics.send(TOPIC, allocationId.toString(),
                AllocationEventJson.created(allocationId, providerId, 8, 2_880, 1_200));
        await().atMost(Duration.ofSeconds(30)).until(() -> "PROPOSED".equals(status(allocationId)));

        KafkaTopics.send(TOPIC, allocationId.toString(),
                AllocationEventJson.held(UUID.randomUUID().toString(), allocationId, providerId, 691_200));
        await().atMost(Duration.ofSeconds(30)).until(() -> "HELD".equals(status(allocationId)));

        given().when().get("/api/allocations/" + allocationId)
                .then().statusCode(200)
                .body("status", is("HELD"))
                .body("providerId", is(providerId.toString()))
                .body("units", is(8))
                .body("cardHours", is(2_880))
                .body("unitPriceFen", is(1_200))
                .body("amountFen", is(3_456_000))
                .body("holdFen", is(691_200))
                .body("usageReports", is(0))
                .body("reportedAmountFen", is(0))
                .body("acceptedAmountFen", is(0));
        given().when().get("/api/allocations").then().statusCode(200)
                .body("allocationId", hasItem(allocationId.toString()));

        KafkaTopics.send(TOPIC, allocationId.toString(),
                AllocationEventJson.cancelled(allocationId, providerId, "VOUCHER_REVOKED"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "CANCELLED".equals(status(allocationId)));
        given().when().get("/api/allocations/" + allocationId)
                .then().statusCode(200).body("status", is("CANCELLED")).body("cancelReason", is("VOUCHER_REVOKED"));
        assertThat(db.strings("select action from audit_log where target_type = 'Allocation' and target_id = ? order by id",
                allocationId.toString())).containsExactly("ALLOCATION_PROPOSED", "ALLOCATION_HELD", "ALLOCATION_CANCELLED");
    }

    @Test
    @TestSecurity(user = "prd-demo", roles = "provider")
    @OidcSecurity(claims = @Claim(key = "org_id", value = PROVIDER_DEMO))
    void aTbMonthAllocationIsKeptInItsUnitAndTakesUsageInTbMonths() {
        UUID providerId = fixtures.active(PROVIDER_DEMO);
        UUID allocationId = UUID.randomUUID();
        // 10 TB for 90 days: 30 TB-months at 8,000 fen
        KafkaTopics.send(TOPIC, allocationId.toString(), AllocationEventJson.createdIn("TB_MONTH", "STORAGE_TB_MONTH",
                allocationId, providerId, 10, 30, 8_000));
        await().atMost(Duration.ofSeconds(30)).until(() -> "PROPOSED".equals(status(allocationId)));
        KafkaTopics.send(TOPIC, allocationId.toString(),
                AllocationEventJson.held(UUID.randomUUID().toString(), allocationId, providerId, 48_000));
        await().atMost(Duration.ofSeconds(30)).until(() -> "HELD".equals(status(allocationId)));
        given().when().get("/api/allocations/" + allocationId).then().statusCode(200)
                .body("unit", is("TB_MONTH")).body("quantity", is(30)).body("cardHours", nullValue())
                .body("units", is(10)).body("amountFen", is(240_000));

        OffsetDateTime end = OffsetDateTime.now().minusHours(2).withNano(0);
        Map<String, Object> record = new HashMap<>();
        record.put("recordId", "tb-" + allocationId);
        record.put("allocationId", allocationId.toString());
        record.put("periodStart", end.minusDays(7).toString());
        record.put("periodEnd", end.toString());
        record.put("units", new BigDecimal("2.25"));
        record.put("unitPriceFen", 8_000);
        record.put("amountFen", 18_000);
        record.put("deliveryCertificateRef", "DC-TB-1");
        given().contentType("application/json").body(Map.of("records", List.of(record)))
                .when().post("/api/usage-reports")
                .then().statusCode(200).body("acceptedForProcessing", is(1));
        given().when().get("/api/allocations/" + allocationId).then().statusCode(200)
                .body("usageReports", is(1)).body("reportedAmountFen", is(18_000));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        UUID providerId = fixtures.active(PROVIDER_DEMO);
        UUID allocationId = UUID.randomUUID();
        String heldEventId = UUID.randomUUID().toString();
        KafkaTopics.send(TOPIC, allocationId.toString(),
                AllocationEventJson.created(allocationId, providerId, 8, 2_880, 1_200));
        String held = AllocationEventJson.held(heldEventId, allocationId, providerId, 100);
        KafkaTopics.send(TOPIC, allocationId.toString(), held);
        KafkaTopics.send(TOPIC, allocationId.toString(), held);
        // a marker after the redelivery on the same partition: once it is processed, so is everything before it
        KafkaTopics.send(TOPIC, allocationId.toString(),
                AllocationEventJson.cancelled(allocationId, providerId, "MARKER"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "CANCELLED".equals(status(allocationId)));

        assertThat(db.count("select count(*) from processed_event where event_id = ?", heldEventId)).isEqualTo(1);
        assertThat(db.count("select count(*) from audit_log where action = 'ALLOCATION_HELD' and target_id = ?",
                allocationId.toString())).isEqualTo(1);
    }

    @Test
    void anUnreadableMessageGoesToTheDeadLetterTopicAndThePartitionMovesOn() {
        UUID providerId = fixtures.active(PROVIDER_DEMO);
        UUID allocationId = UUID.randomUUID();
        String garbage = "{\"this is\": \"not a CloudEvent\", \"marker\": \"" + allocationId + "\"}";
        String noAllocationId = AllocationEventJson.envelope(UUID.randomUUID().toString(), "allocation.held.v1",
                allocationId, Map.of("holdFen", 5, "marker", allocationId.toString()));
        KafkaTopics.send(TOPIC, allocationId.toString(), garbage);
        KafkaTopics.send(TOPIC, allocationId.toString(), noAllocationId);
        KafkaTopics.send(TOPIC, allocationId.toString(),
                AllocationEventJson.created(allocationId, providerId, 1, 10, 100));

        await().atMost(Duration.ofSeconds(30)).until(() -> "PROPOSED".equals(status(allocationId)));
        List<ConsumerRecord<String, String>> dead = KafkaTopics.read("provider-service.dlq",
                r -> r.value() != null && r.value().contains(allocationId.toString()), 2,
                Duration.ofSeconds(30), Duration.ofMillis(500));
        assertThat(dead).hasSize(2);
        assertThat(dead).allSatisfy(r -> {
            assertThat(r.headers().lastHeader("dead-letter-reason")).isNotNull();
            assertThat(new String(r.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                    .isNotBlank();
        });
        assertThat(dead).anySatisfy(r -> assertThat(new String(
                r.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8)).contains("allocationId"));
    }

    @Test
    @TestSecurity(user = "admin-1", roles = "platform-admin")
    void keepsAllocationsOfProvidersItDoesNotKnowAndIgnoresOtherTypes() {
        UUID unknownProvider = UUID.randomUUID();
        UUID allocationId = UUID.randomUUID();
        String waitlistedId = UUID.randomUUID().toString();
        KafkaTopics.send(TOPIC, allocationId.toString(), AllocationEventJson.envelope(waitlistedId,
                "allocation.waitlisted.v1", UUID.randomUUID(),
                Map.of("voucherId", UUID.randomUUID().toString(), "resourceClass", "GPU_A800_80G", "cardHours", 10,
                        "reason", "NO_CAPACITY")));
        KafkaTopics.send(TOPIC, allocationId.toString(),
                AllocationEventJson.created(allocationId, unknownProvider, 2, 100, 800));
        await().atMost(Duration.ofSeconds(30)).until(() -> "PROPOSED".equals(status(allocationId)));

        assertThat(db.count("select count(*) from processed_event where event_id = ?", waitlistedId)).isEqualTo(1);
        given().when().get("/api/allocations/" + allocationId).then().statusCode(200)
                .body("providerId", is(unknownProvider.toString()));
    }

    @Test
    @TestSecurity(user = "prd-other", roles = "provider")
    @OidcSecurity(claims = @Claim(key = "org_id", value = PROVIDER_OTHER))
    void anotherProvidersAllocationIsNotFound() {
        UUID demo = fixtures.active(PROVIDER_DEMO);
        fixtures.active(PROVIDER_OTHER);
        UUID allocationId = fixtures.heldAllocation(demo, 1_000);
        given().when().get("/api/allocations/" + allocationId).then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/api/allocations").then().statusCode(200)
                .body("allocationId", not(hasItem(allocationId.toString())));
    }
}
