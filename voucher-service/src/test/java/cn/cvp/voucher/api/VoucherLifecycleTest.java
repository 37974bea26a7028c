package cn.cvp.voucher.api;

import cn.cvp.kit.testing.EventSchemas;
import cn.cvp.kit.testing.KafkaTestClient;
import cn.cvp.kit.testing.TestClock;
import cn.cvp.kit.testing.LocalInfraResource;
import cn.cvp.voucher.application.VoucherAdminService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(LocalInfraResource.class)
class VoucherLifecycleTest {
    static final Path OWN = Path.of("src/main/resources/events");
    static final Path ALLOCATION = Path.of("../allocation-service/src/main/resources/events");

    @Inject
    TestClock clock;
    @Inject
    VoucherAdminService admin;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String voucher(String programme, long amountFen) {
        Fixtures.ensureEnterprise(Actors.enterprise(), Actors.ENTERPRISE_ORG, "110108");
        return Fixtures.issue(Fixtures.submitted(Actors.enterprise(), Actors.enterprise(), Programmes.application(programme, amountFen)));
    }

    private void allocate(KafkaTestClient kafka, String voucherId, UUID allocationId, long amountFen) {
        ObjectNode data = (ObjectNode) EventSchemas.example(ALLOCATION, "allocation.created.v1").deepCopy();
        data.put("allocationId", allocationId.toString()).put("voucherId", voucherId).put("amountFen", amountFen);
        kafka.publish("allocation.events", allocationId.toString(), "allocation.created.v1", data);
    }

    @Test
    void aFrozenVoucherTakesNoHoldsAndOnlyAdministratorsFreeze() {
        String code = Programmes.open("FZ", 100_000_000L, Programmes.rules("0.50", 1_000_000_000L, 1_000_000_000L));
        String voucherId = voucher(code, 1_000_000);
        Actors.approver().body(Map.of("reason", "x")).post("/api/vouchers/" + voucherId + "/freeze").then().statusCode(403);
        Actors.admin().body(Map.of("reason", "调查中 (under investigation)")).post("/api/vouchers/" + voucherId + "/freeze")
                .then().statusCode(200).body("status", equalTo("FROZEN"));
        Actors.admin().body(Map.of()).post("/api/vouchers/" + voucherId + "/freeze").then().statusCode(409)
                .body("currentState", equalTo("FROZEN"));
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
            UUID allocationId = UUID.randomUUID();
            allocate(kafka, voucherId, allocationId, 100_000);
            List<JsonNode> rejected = kafka.events("voucher.events", "voucher.hold-rejected.v1",
                    d -> d.path("allocationId").asText().equals(allocationId.toString()), 1, Duration.ofSeconds(20));
            assertThat(rejected).hasSize(1);
            assertThat(rejected.get(0).path("data").path("reason").asText()).isEqualTo("VOUCHER_NOT_ACTIVE");
            List<JsonNode> frozen = kafka.events("voucher.events", "voucher.frozen.v1",
                    d -> d.path("voucherId").asText().equals(voucherId), 1, Duration.ofSeconds(20));
            assertThat(EventSchemas.validate(OWN, "voucher.frozen.v1", frozen.get(0).path("data"))).isEmpty();
        }
        Actors.admin().body(Map.of()).post("/api/vouchers/" + voucherId + "/unfreeze").then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void revocationReleasesHoldsAndReturnsTheUnusedMoneyToTheBudget() {
        String code = Programmes.open("RV", 100_000_000L, Programmes.rules("0.50", 1_000_000_000L, 1_000_000_000L));
        String voucherId = voucher(code, 1_000_000); // face 500,000
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
            UUID allocationId = UUID.randomUUID();
            allocate(kafka, voucherId, allocationId, 200_000); // hold 100,000
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    Actors.enterprise().get("/api/vouchers/" + voucherId).then().body("heldFen", equalTo(100_000)));
            Actors.admin().body(Map.of("reason", "")).post("/api/vouchers/" + voucherId + "/revoke").then().statusCode(400)
                    .body("code", equalTo("REASON_REQUIRED"));
            Actors.admin().body(Map.of("reason", "虚假申报 (false declaration)")).post("/api/vouchers/" + voucherId + "/revoke")
                    .then().statusCode(200).body("status", equalTo("REVOKED")).body("heldFen", equalTo(0))
                    .body("returnedFen", equalTo(500_000)).body("balanceFen", equalTo(0));
            Actors.admin().get("/api/programmes/" + code).then().body("budgetCommittedFen", equalTo(0));
            List<JsonNode> revoked = kafka.events("voucher.events", "voucher.revoked.v1",
                    d -> d.path("voucherId").asText().equals(voucherId), 1, Duration.ofSeconds(20));
            assertThat(revoked.get(0).path("data").path("releasedAllocationIds").get(0).asText()).isEqualTo(allocationId.toString());
            assertThat(EventSchemas.validate(OWN, "voucher.revoked.v1", revoked.get(0).path("data"))).isEmpty();
        }
        Actors.enterprise().get("/api/vouchers/" + voucherId + "/ledger").then()
                .body("type", contains("ISSUE", "HOLD", "RELEASE", "REVOCATION"));
    }

    @Test
    void aVoucherExpiresOnItsValidityDateAndItsUnusedMoneyReturns() {
        String code = Programmes.open("EX", 100_000_000L, Programmes.rules("0.50", 1_000_000_000L, 1_000_000_000L));
        String voucherId = voucher(code, 600_000); // face 300,000, valid 12 months
        assertThat(admin.dueForExpiry()).doesNotContain(UUID.fromString(voucherId));
        clock.advance(Duration.ofDays(366));
        assertThat(admin.dueForExpiry()).contains(UUID.fromString(voucherId));
        admin.expire(UUID.fromString(voucherId));
        Actors.enterprise().get("/api/vouchers/" + voucherId).then().body("status", equalTo("EXPIRED"))
                .body("returnedFen", equalTo(300_000)).body("balanceFen", equalTo(0));
        Actors.admin().get("/api/programmes/" + code).then().body("budgetCommittedFen", equalTo(0));
        admin.expire(UUID.fromString(voucherId)); // running the job again changes nothing
        Actors.enterprise().get("/api/vouchers/" + voucherId + "/ledger").then().body("type", contains("ISSUE", "EXPIRY"));
    }
}
