package cn.cvp.voucher.settlement.api;

import cn.cvp.kit.testing.EventSchemas;
import cn.cvp.kit.testing.KafkaTestClient;
import cn.cvp.kit.testing.LocalInfraResource;
import cn.cvp.kit.testing.TestClock;
import cn.cvp.kit.testing.TestTokens;
import cn.cvp.voucher.testing.Actors;
import cn.cvp.voucher.testing.Fixtures;
import cn.cvp.voucher.testing.Programmes;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(LocalInfraResource.class)
class SettlementTest {
    static final Path ALLOCATION = Path.of("../allocation-service/src/main/resources/events");
    static final Path PROVIDER = Path.of("../provider-service/src/main/resources/events");

    @Inject
    TestClock clock;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Issues a voucher, holds for an allocation of the provider and captures one accepted usage; returns the voucher id. */
    private String voucherWithUsage(KafkaTestClient kafka, String programme, UUID providerId, long usageFen, long subsidyFen) {
        Fixtures.ensureEnterprise(Actors.enterprise(), Actors.ENTERPRISE_ORG, "110108");
        String voucherId = Fixtures.issue(Fixtures.submitted(Actors.enterprise(), Actors.enterprise(),
                Programmes.application(programme, 10_000_000)));
        UUID allocationId = UUID.randomUUID();
        ObjectNode created = (ObjectNode) EventSchemas.example(ALLOCATION, "allocation.created.v1").deepCopy();
        created.put("allocationId", allocationId.toString()).put("voucherId", voucherId)
                .put("providerId", providerId.toString()).put("amountFen", 5_000_000);
        kafka.publish("allocation.events", allocationId.toString(), "allocation.created.v1", created);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                Actors.enterprise().get("/api/vouchers/" + voucherId).then().body("heldFen", org.hamcrest.Matchers.greaterThan(0)));
        ObjectNode usage = (ObjectNode) EventSchemas.example(ALLOCATION, "usage.accepted.v1").deepCopy();
        usage.put("usageReportId", UUID.randomUUID().toString()).put("allocationId", allocationId.toString())
                .put("voucherId", voucherId).put("providerId", providerId.toString())
                .put("amountFen", usageFen).put("subsidyFen", subsidyFen);
        kafka.publish("allocation.events", allocationId.toString(), "usage.accepted.v1", usage);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                Actors.enterprise().get("/api/vouchers/" + voucherId).then().body("consumedFen", equalTo((int) subsidyFen)));
        return voucherId;
    }

    @Test
    void anEnterpriseRedeemsAFinishedMonthAndTheBatchReconcilesToTheLedger() {
        String code = Programmes.open("ST", 1_000_000_000L, Programmes.rules("0.50", 1_000_000_000L, 1_000_000_000L));
        UUID providerId = UUID.randomUUID();
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
            voucherWithUsage(kafka, code, providerId, 100_000, 50_000);
            voucherWithUsage(kafka, code, providerId, 33_333, 16_666);
        }
        String period = YearMonth.now(clock).toString();
        RequestSpecification enterprise = Actors.enterprise();
        enterprise.body(Map.of("programmeCode", code, "period", period)).post("/api/settlement/batches").then()
                .statusCode(422).body("code", equalTo("PERIOD_NOT_ENDED"));
        Actors.enterprise().body(Map.of("programmeCode", code, "period", "2026-Q4")).post("/api/settlement/batches").then()
                .statusCode(400).body("code", equalTo("PERIOD_NOT_IN_CYCLE"));

        clock.advance(Duration.ofDays(32));
        Actors.admin().queryParam("programme", code).queryParam("period", period).get("/api/settlement/statements").then()
                .statusCode(200).body("subsidyFen", equalTo(66_666)).body("usageAmountFen", equalTo(133_333))
                .body("providers[0].party", equalTo(providerId.toString()))
                .body("enterprises[0].party", equalTo(Actors.ENTERPRISE_ORG))
                .body("enterprises[0].coPaymentFen", equalTo(66_667));

        String batchId = Actors.enterprise().body(Map.of("programmeCode", code, "period", period)).post("/api/settlement/batches")
                .then().statusCode(201).body("status", equalTo("OPEN")).body("subsidyFen", equalTo(66_666))
                .body("lineCount", equalTo(2)).extract().path("id");
        // the same captures cannot be redeemed twice
        Actors.enterprise().body(Map.of("programmeCode", code, "period", period)).post("/api/settlement/batches").then()
                .statusCode(422).body("code", equalTo("NOTHING_TO_SETTLE"));
        Actors.otherEnterprise().get("/api/settlement/batches/" + batchId).then().statusCode(404);

        String paidOn = java.time.LocalDate.now(clock).toString();
        Actors.enterprise().body(Map.of("invoiceNumber", "INV-1")).post("/api/settlement/batches/" + batchId + "/submit").then()
                .statusCode(400).body("code", equalTo("CO_PAYMENT_NOT_DECLARED"));
        Actors.enterprise().body(Map.of("invoiceNumber", "INV-1", "deliveryCertificateRef", "DC-1", "coPaymentPaidOn", paidOn))
                .post("/api/settlement/batches/" + batchId + "/submit").then().statusCode(422)
                .body("code", equalTo("DOCUMENTS_REQUIRED"));
        for (String kind : List.of("invoice", "delivery-certificate")) {
            Redemptions.upload(Actors.enterprise(), "application/pdf", Redemptions.PDF)
                    .put("/api/settlement/batches/" + batchId + "/documents/" + kind).then().statusCode(201);
        }
        Actors.enterprise().body(Map.of("invoiceNumber", "INV-1", "deliveryCertificateRef", "DC-1", "coPaymentPaidOn", paidOn))
                .post("/api/settlement/batches/" + batchId + "/submit").then().statusCode(200).body("status", equalTo("SUBMITTED"));
        Actors.approver().body(Map.of("reason", "发票抬头有误 (wrong invoice title)"))
                .post("/api/settlement/batches/" + batchId + "/return").then().statusCode(200).body("status", equalTo("RETURNED"));
        Actors.enterprise().body(Map.of("invoiceNumber", "INV-2", "deliveryCertificateRef", "DC-1", "coPaymentPaidOn", paidOn))
                .post("/api/settlement/batches/" + batchId + "/submit").then().statusCode(200).body("status", equalTo("SUBMITTED"));
        Actors.admin().body(Map.of("paymentReference", "PAY-1")).post("/api/settlement/batches/" + batchId + "/paid").then()
                .statusCode(409).body("currentState", equalTo("SUBMITTED"));
        Actors.approver().post("/api/settlement/batches/" + batchId + "/approve").then().statusCode(200).body("status", equalTo("APPROVED"));
        Actors.admin().body(Map.of("paymentReference", "PAY-1")).post("/api/settlement/batches/" + batchId + "/paid").then()
                .statusCode(200).body("status", equalTo("PAID"));

        List<Integer> subsidies = Actors.auditor().get("/api/settlement/batches/" + batchId + "/lines").then().extract().path("subsidyFen");
        assertThat(subsidies.stream().mapToInt(Integer::intValue).sum()).isEqualTo(66_666);
        String csv = Actors.enterprise().get("/api/settlement/batches/" + batchId + "/export.csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertThat(csv.split("\r\n")).hasSize(4);
        assertThat(csv).contains(",TOTAL,2,", ",1333.33,666.66,666.67");
    }

    @Test
    void inAProviderSubmittedProgrammeTheProviderRedeemsItsOwnLines() {
        Map<String, Object> rules = Programmes.rules("0.50", 1_000_000_000L, 1_000_000_000L);
        rules.put("redemptionSubmitter", "PROVIDER");
        rules.put("settlementCycle", "QUARTERLY");
        String code = Programmes.open("SP", 1_000_000_000L, rules);
        UUID providerId = UUID.randomUUID();
        String providerOrg = "91310104MA04PRD2XL";
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
            ObjectNode registered = (ObjectNode) EventSchemas.example(PROVIDER, "provider.registered.v1").deepCopy();
            registered.put("providerId", providerId.toString()).put("creditCode", providerOrg);
            kafka.publish("provider.events", providerId.toString(), "provider.registered.v1", registered);
            voucherWithUsage(kafka, code, providerId, 200_000, 100_000);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        String quarter = now.getYear() + "-Q" + ((now.getMonthValue() - 1) / 3 + 1);
        clock.advance(Duration.ofDays(100));
        Actors.enterprise().body(Map.of("programmeCode", code, "period", quarter)).post("/api/settlement/batches").then()
                .statusCode(403).body("code", equalTo("WRONG_SUBMITTER"));
        RequestSpecification provider = Actors.as(TestTokens.token("provider-other", providerOrg, "provider"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                Actors.as(TestTokens.token("provider-other", providerOrg, "provider"))
                        .body(Map.of("programmeCode", code, "period", quarter)).post("/api/settlement/batches").then()
                        .statusCode(201).body("subsidyFen", equalTo(100_000)).body("submitterType", equalTo("PROVIDER")));
        assertThat(provider).isNotNull();
    }
}
