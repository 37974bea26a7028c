package cn.cvp.voucher.review.api;

import cn.cvp.kit.testing.EventSchemas;
import cn.cvp.kit.testing.KafkaTestClient;
import cn.cvp.kit.testing.LocalInfraResource;
import cn.cvp.voucher.ledger.events.VoucherEvents;
import cn.cvp.voucher.testing.Actors;
import cn.cvp.voucher.testing.Fixtures;
import cn.cvp.voucher.testing.Partners;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static cn.cvp.voucher.testing.Actors.ENTERPRISE_ORG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Beijing's contract binds the provider, through REST against real PostgreSQL and Kafka: the provider's standing
 * arrives as provider-service announces it on provider.events, a submission whose contract names no partner is
 * refused with nothing reserved, and the voucher of one that passes carries the contracted provider.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraResource.class)
class ContractProviderFlowTest {
    static final Path PROVIDER = Path.of("../provider-service/src/main/resources/events");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(bootstrap);
        Fixtures.ensureEnterprise(Actors.enterprise(), ENTERPRISE_ORG, "110108");
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    private static String randomCreditCode() {
        String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder b = new StringBuilder("91110105MA0");
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 6; i++) {
            b.append(chars.charAt(r.nextInt(chars.length())));
        }
        return Partners.creditCode(b.toString());
    }

    private static Map<String, Object> applicationWith(String providerCreditCode) {
        Map<String, Object> body = new HashMap<>(Fixtures.beijingApplication(1_000_000));
        Map<String, Object> contract = new HashMap<>(Map.of("number", "HT-" + UUID.randomUUID(), "signedOn",
                "2026-10-15", "months", 6));
        if (providerCreditCode != null) {
            contract.put("providerCreditCode", providerCreditCode);
        }
        body.put("contract", contract);
        return body;
    }

    private static String draft(RequestSpecification as, Map<String, Object> body) {
        return as.body(body).post("/api/applications").then().statusCode(201).extract().path("id");
    }

    private static long reserved() {
        return ((Number) Actors.auditor().get("/api/programmes/BJ-AICV").then().statusCode(200).extract()
                .path("budgetReservedFen")).longValue();
    }

    private static void refusedWith(String id, String code, String detail) {
        Actors.enterprise().post("/api/applications/" + id + "/submit").then().statusCode(422)
                .body("code", equalTo(code)).body("detail", containsString(detail));
    }

    private void statusChanged(UUID providerId, String creditCode, String status, List<String> programmes,
                               List<String> relatedParties) {
        ObjectNode changed = (ObjectNode) EventSchemas.example(PROVIDER, "provider.status-changed.v1").deepCopy();
        changed.put("providerId", providerId.toString()).put("creditCode", creditCode).put("status", status);
        changed.putArray("programmeMemberships").addAll(programmes.stream()
                .map(com.fasterxml.jackson.databind.node.TextNode::valueOf).toList());
        changed.putArray("relatedParties").addAll(relatedParties.stream()
                .map(com.fasterxml.jackson.databind.node.TextNode::valueOf).toList());
        kafka.publish("provider.events", providerId.toString(), "provider.status-changed.v1", changed);
    }

    @Test
    void theContractedProviderMustBeAnActiveUnrelatedPartnerAsProviderEventsTellIt() {
        UUID providerId = UUID.randomUUID();
        String creditCode = randomCreditCode();
        String id = draft(Actors.enterprise(), applicationWith(creditCode));
        long reservedBefore = reserved();

        refusedWith(id, "CONTRACT_PROVIDER_UNKNOWN", creditCode);
        Actors.enterprise().header("Accept-Language", "zh-CN").post("/api/applications/" + id + "/submit").then()
                .statusCode(422).body("detail", containsString("未找到统一社会信用代码为 " + creditCode));

        // registered, not yet accredited
        ObjectNode registered = (ObjectNode) EventSchemas.example(PROVIDER, "provider.registered.v1").deepCopy();
        registered.put("providerId", providerId.toString()).put("creditCode", creditCode).put("name", "京测新机构有限公司");
        registered.putArray("relatedParties");
        kafka.publish("provider.events", providerId.toString(), "provider.registered.v1", registered);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                refusedWith(id, "CONTRACT_PROVIDER_NOT_PARTNER", "(status REGISTERED)"));

        // accredited, but a partner of another programme only
        statusChanged(providerId, creditCode, "ACTIVE", List.of("SH-ICV"), List.of());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                refusedWith(id, "CONTRACT_PROVIDER_NOT_PARTNER", "(status ACTIVE)"));

        // a partner of Beijing's programme that declares the enterprise a related party
        statusChanged(providerId, creditCode, "ACTIVE", List.of("BJ-AICV"), List.of(ENTERPRISE_ORG));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                refusedWith(id, "CONTRACT_PROVIDER_RELATED", creditCode));

        // nothing was reserved or changed by any of the refusals
        assertThat(reserved()).isEqualTo(reservedBefore);
        Actors.enterprise().get("/api/applications/" + id).then().body("status", equalTo("DRAFT"))
                .body("reservedFen", equalTo(0));

        // the related-party declaration withdrawn: the contract is accepted, and the voucher bound to the provider
        statusChanged(providerId, creditCode, "ACTIVE", List.of("BJ-AICV"), List.of());
        // retried while the event is on its way (a refusal changes nothing); the first answer that is no refusal counts
        AtomicReference<Response> accepted = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            accepted.set(Actors.enterprise().post("/api/applications/" + id + "/submit"));
            return accepted.get().statusCode() != 422;
        });
        accepted.get().then().statusCode(200).body("status", equalTo("UNDER_REVIEW"));
        String voucherId = Fixtures.issue(id);
        List<JsonNode> issued = kafka.events("voucher.events", VoucherEvents.ISSUED,
                d -> d.path("voucherId").asText().equals(voucherId), 1, Duration.ofSeconds(20));
        assertThat(issued.get(0).path("data").path("contractProviderCreditCode").asText()).isEqualTo(creditCode);

        // suspended later: a new contract with it is refused again
        statusChanged(providerId, creditCode, "SUSPENDED", List.of("BJ-AICV"), List.of());
        String next = draft(Actors.enterprise(), applicationWith(creditCode));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                refusedWith(next, "CONTRACT_PROVIDER_NOT_PARTNER", "(status SUSPENDED)"));
    }

    @Test
    void aContractThatNamesNoProviderIsRefused() {
        String id = draft(Actors.enterprise(), applicationWith(null));
        refusedWith(id, "CONTRACT_PROVIDER_REQUIRED", "must name the provider");
        Actors.enterprise().get("/api/applications/" + id).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void anEnterpriseThatListsTheProviderAsARelatedPartyCannotContractWithIt() {
        String org = Partners.creditCode("91110108MA0RELAT0");
        Map<String, Object> enterprise = new HashMap<>(Fixtures.enterprise(org, "110108"));
        enterprise.put("relatedParties", List.of(Partners.NAME));
        RequestSpecification as = Actors.enterprise("e-related", org);
        as.body(enterprise).post("/api/enterprises").then().statusCode(anyOf(equalTo(201), equalTo(409)));
        Partners.admitToBeijing();
        String id = draft(Actors.enterprise("e-related", org), Fixtures.beijingApplication(1_000_000));
        Actors.enterprise("e-related", org).post("/api/applications/" + id + "/submit").then().statusCode(422)
                .body("code", equalTo("CONTRACT_PROVIDER_RELATED"));
    }
}
