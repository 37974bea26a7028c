package cn.cvp.voucher.settlement.api;

import cn.cvp.kit.testing.EventSchemas;
import cn.cvp.kit.testing.KafkaTestClient;
import cn.cvp.kit.testing.LocalInfraResource;
import cn.cvp.kit.testing.TestClock;
import cn.cvp.kit.testing.TestTokens;
import cn.cvp.voucher.settlement.application.OpenDueSettlementBatches;
import cn.cvp.voucher.settlement.domain.SettlementBatch;
import cn.cvp.voucher.testing.Actors;
import cn.cvp.voucher.testing.Programmes;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

/**
 * Redemption (兑付) end to end in voucher-service: batches opened by the settlement job at the end of each period,
 * Beijing's enterprise submitting with its invoice and delivery certificate as documents, Shanghai's provider
 * submitting quarterly, approval and payment by two staff members, settlement.paid.v1, the payment file reconciled to
 * the ledger, cancellation, and the enterprise's own statement.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraResource.class)
class RedemptionFlowTest {
    @Inject
    TestClock clock;
    @Inject
    OpenDueSettlementBatches job;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String beijingProgramme(String prefix) {
        return Programmes.open(prefix, 1_000_000_000L, Programmes.rules("0.50", 1_000_000_000L, 1_000_000_000L));
    }

    private static String shanghaiProgramme(String prefix) {
        Map<String, Object> rules = Programmes.rules("0.50", 1_000_000_000L, 1_000_000_000L);
        rules.put("redemptionSubmitter", "PROVIDER");
        rules.put("settlementCycle", "QUARTERLY");
        return Programmes.open(prefix, 1_000_000_000L, rules);
    }

    private static UUID programmeId(String code) {
        return UUID.fromString(Actors.admin().get("/api/programmes/" + code).then().statusCode(200).extract().path("id"));
    }

    private List<SettlementBatch> openDue(UUID programmeId) {
        return job.openDue().stream().filter(b -> b.programmeId().equals(programmeId)).toList();
    }

    private static RequestSpecification enterprise(String firm) {
        return Actors.enterprise("e-" + firm, firm);
    }

    private static RequestSpecification staff(String user, String... roles) {
        return Actors.as(TestTokens.token(user, Actors.OFFICE, roles));
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    @Test
    void beijingBatchesOpenThemselvesAtTheMonthEndOnePerEnterpriseAndOnlyOnce() {
        String code = beijingProgramme("RA");
        UUID programmeId = programmeId(code);
        String a = Redemptions.beijingCreditCode("RDA001");
        String b = Redemptions.beijingCreditCode("RDB001");
        UUID provider = UUID.randomUUID();
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
            Redemptions.voucherWithUsage(kafka, code, a, provider, 100_000, 50_000);
            Redemptions.voucherWithUsage(kafka, code, a, provider, 33_333, 16_666);
            Redemptions.voucherWithUsage(kafka, code, b, provider, 20_000, 10_000);
        }
        String month = YearMonth.now(clock).toString();
        assertThat(openDue(programmeId)).as("the month has not ended yet").isEmpty();

        clock.advance(Duration.ofDays(32));
        List<SettlementBatch> opened = openDue(programmeId);
        assertThat(opened).extracting(SettlementBatch::submitterCreditCode).containsExactlyInAnyOrder(a, b);
        SettlementBatch ofA = opened.stream().filter(x -> x.submitterCreditCode().equals(a)).findFirst().orElseThrow();
        assertThat(ofA.subsidyFen()).isEqualTo(66_666);
        assertThat(ofA.usageAmountFen()).isEqualTo(133_333);
        assertThat(ofA.lineCount()).isEqualTo(2);
        assertThat(ofA.period().label()).isEqualTo(month);
        assertThat(opened).allSatisfy(x -> {
            assertThat(x.openedBySchedule()).isTrue();
            assertThat(x.status()).isEqualTo(SettlementBatch.Status.OPEN);
        });
        assertThat(openDue(programmeId)).as("running the job again opens nothing new").isEmpty();

        // each enterprise sees its own batch, opened by the job
        enterprise(a).get("/api/settlement/batches").then().statusCode(200)
                .body("findAll { it.programmeId == '" + programmeId + "' }", hasSize(1))
                .body("find { it.programmeId == '" + programmeId + "' }.openedBySchedule", equalTo(true))
                .body("find { it.programmeId == '" + programmeId + "' }.createdBy", equalTo("voucher-service:settlement"))
                .body("find { it.programmeId == '" + programmeId + "' }.period", equalTo(month));
        // nothing is left to open by hand
        enterprise(b).body(Map.of("programmeCode", code, "period", month)).post("/api/settlement/batches").then()
                .statusCode(422).body("code", equalTo("NOTHING_TO_SETTLE"));
        Actors.auditor().queryParam("targetType", "SettlementBatch").queryParam("targetId", ofA.id().toString())
                .get("/api/audit").then().statusCode(200).body("[0].action", equalTo("SETTLEMENT_BATCH_OPENED"))
                .body("[0].actorSubject", equalTo("system:voucher-service:settlement"));
    }

    @Test
    void aBeijingEnterpriseUploadsBothDocumentsSubmitsAndTwoStaffMembersApproveAndPay() throws Exception {
        String code = beijingProgramme("RB");
        UUID programmeId = programmeId(code);
        String firm = Redemptions.beijingCreditCode("RDC001");
        UUID provider = UUID.randomUUID();
        List<String> vouchers = new ArrayList<>();
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
            vouchers.add(Redemptions.voucherWithUsage(kafka, code, firm, provider, 250_001, 125_000));
            vouchers.add(Redemptions.voucherWithUsage(kafka, code, firm, provider, 99_999, 49_999));
        }
        clock.advance(Duration.ofDays(32));
        SettlementBatch opened = openDue(programmeId).get(0);
        String batch = opened.id().toString();
        String today = LocalDate.now(clock).toString();

        // submission needs both documents
        enterprise(firm).body(Map.of("invoiceNumber", "INV-BJ-1", "coPaymentPaidOn", today))
                .post("/api/settlement/batches/" + batch + "/submit").then().statusCode(422)
                .body("code", equalTo("DOCUMENTS_REQUIRED"))
                .body("errors.code", contains("INVOICE_DOCUMENT_REQUIRED",
                        "DELIVERY_CERTIFICATE_DOCUMENT_REQUIRED"));
        String invoiceId = Redemptions.upload(enterprise(firm), "application/pdf", Redemptions.PDF)
                .queryParam("fileName", "发票-INV-BJ-1.pdf")
                .put("/api/settlement/batches/" + batch + "/documents/invoice").then().statusCode(201)
                .body("kind", equalTo("INVOICE")).body("version", equalTo(1))
                .body("contentType", equalTo("application/pdf")).body("sizeBytes", equalTo(Redemptions.PDF.length))
                .body("sha256", equalTo(sha256(Redemptions.PDF))).extract().path("id");
        String certificateId = Redemptions.upload(enterprise(firm), "image/png", Redemptions.PNG)
                .put("/api/settlement/batches/" + batch + "/documents/delivery-certificate").then().statusCode(201)
                .body("kind", equalTo("DELIVERY_CERTIFICATE")).body("sha256", equalTo(sha256(Redemptions.PNG)))
                .extract().path("id");
        // … and the co-payment paid first
        enterprise(firm).body(Map.of("invoiceNumber", "INV-BJ-1")).post("/api/settlement/batches/" + batch + "/submit")
                .then().statusCode(400).body("code", equalTo("CO_PAYMENT_NOT_DECLARED"));
        enterprise(firm).body(Map.of("invoiceNumber", "INV-BJ-1", "coPaymentPaidOn", today))
                .post("/api/settlement/batches/" + batch + "/submit").then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("invoiceDocumentId", equalTo(invoiceId))
                .body("deliveryCertificateDocumentId", equalTo(certificateId)).body("coPaymentPaidOn", equalTo(today));

        // staff read the documents back, byte for byte; another enterprise cannot
        Response download = Actors.approver().accept("*/*")
                .get("/api/settlement/batches/" + batch + "/documents/" + invoiceId);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.contentType()).startsWith("application/pdf");
        assertThat(download.asByteArray()).isEqualTo(Redemptions.PDF);
        assertThat(download.header("X-Content-SHA256")).isEqualTo(sha256(Redemptions.PDF));
        assertThat(Actors.auditor().accept("*/*").get("/api/settlement/batches/" + batch + "/documents/" + certificateId)
                .asByteArray()).isEqualTo(Redemptions.PNG);
        Actors.otherEnterprise().accept("*/*").get("/api/settlement/batches/" + batch + "/documents/" + invoiceId)
                .then().statusCode(404);
        Actors.auditor().get("/api/settlement/batches/" + batch + "/documents").then().statusCode(200)
                .body("kind", containsInAnyOrder("INVOICE", "DELIVERY_CERTIFICATE"));

        // approved by one staff member, paid by another: the approver cannot also pay
        RequestSpecification financeA = staff("finance-a", "approver", "platform-admin");
        financeA.post("/api/settlement/batches/" + batch + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("approvedBy", equalTo("finance-a"));
        staff("finance-a", "approver", "platform-admin").body(Map.of("paymentReference", "BOC-0001"))
                .post("/api/settlement/batches/" + batch + "/paid").then().statusCode(403)
                .body("code", equalTo("TWO_PERSON_RULE"));
        Actors.auditor().get("/api/settlement/batches/" + batch).then().body("status", equalTo("APPROVED"));
        staff("finance-b", "platform-admin").body(Map.of("paymentReference", "BOC-0001"))
                .post("/api/settlement/batches/" + batch + "/paid").then().statusCode(200)
                .body("status", equalTo("PAID")).body("paidBy", equalTo("finance-b"));

        // settlement.paid.v1, once, with the batch's figures
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
            List<JsonNode> paid = kafka.events("voucher.events", "settlement.paid.v1",
                    d -> d.path("batchId").asText().equals(batch), 1, Duration.ofSeconds(20));
            assertThat(paid).hasSize(1);
            JsonNode event = EventSchemas.assertValidEvent("settlement.paid.v1", "/voucher-service", paid.get(0).toString());
            assertThat(event.path("subject").asText()).isEqualTo(batch);
            JsonNode data = event.path("data");
            assertThat(data.path("programmeCode").asText()).isEqualTo(code);
            assertThat(data.path("period").asText()).isEqualTo(opened.period().label());
            assertThat(data.path("submitterType").asText()).isEqualTo("ENTERPRISE");
            assertThat(data.path("submitterCreditCode").asText()).isEqualTo(firm);
            assertThat(data.path("lineCount").asInt()).isEqualTo(2);
            assertThat(data.path("subsidyFen").asLong()).isEqualTo(174_999);
            assertThat(data.path("usageAmountFen").asLong()).isEqualTo(350_000);
            assertThat(data.path("coPaymentFen").asLong()).isEqualTo(175_001);
            assertThat(data.path("paidBy").asText()).isEqualTo("finance-b");
            assertThat(data.path("approvedBy").asText()).isEqualTo("finance-a");
            assertThat(OffsetDateTime.parse(data.path("paidAt").asText())).isNotNull();
        }

        // the payment file pays the enterprise the batch's lines, which are the ledger's captures, to the fen
        List<Map<String, Object>> lines = Actors.auditor().get("/api/settlement/batches/" + batch + "/lines").then()
                .statusCode(200).extract().path("");
        long linesFen = lines.stream().mapToLong(l -> ((Number) l.get("subsidyFen")).longValue()).sum();
        Set<Long> redeemed = lines.stream().map(l -> ((Number) l.get("ledgerEntryId")).longValue()).collect(Collectors.toSet());
        long capturedFen = 0;
        for (String voucher : vouchers) {
            List<Map<String, Object>> ledger = Actors.auditor().get("/api/vouchers/" + voucher + "/ledger").then()
                    .statusCode(200).extract().path("");
            for (Map<String, Object> entry : ledger) {
                if ("CAPTURE".equals(entry.get("type"))) {
                    assertThat(redeemed).contains(((Number) entry.get("id")).longValue());
                    capturedFen += ((Number) entry.get("amountFen")).longValue();
                }
            }
        }
        assertThat(linesFen).isEqualTo(capturedFen).isEqualTo(174_999);
        String file = Actors.auditor().accept("text/plain").get("/api/settlement/batches/" + batch + "/payment-file")
                .then().statusCode(200).extract().asString();
        String[] rows = file.split("\r\n");
        assertThat(rows).hasSize(3);
        assertThat(rows[0]).startsWith("H," + code + "," + opened.period().label() + "," + batch + ",PAID,BOC-0001");
        assertThat(rows[1]).startsWith("P,1," + firm + ",北京智算科技有限公司,2,174999,1749.99,");
        assertThat(rows[2]).isEqualTo("T,1,2," + capturedFen + ",1749.99");
        enterprise(firm).accept("text/plain").get("/api/settlement/batches/" + batch + "/payment-file").then().statusCode(403);

        // every step is audited
        List<String> actions = Actors.auditor().queryParam("targetType", "SettlementBatch").queryParam("targetId", batch)
                .get("/api/audit").then().statusCode(200).extract().path("action");
        assertThat(actions).contains("SETTLEMENT_BATCH_OPENED", "SETTLEMENT_DOCUMENT_UPLOADED",
                "SETTLEMENT_BATCH_SUBMITTED", "SETTLEMENT_DOCUMENT_DOWNLOADED", "SETTLEMENT_BATCH_APPROVED",
                "SETTLEMENT_BATCH_PAID");
        assertThat(actions.stream().filter("SETTLEMENT_DOCUMENT_UPLOADED"::equals)).hasSize(2);
    }

    @Test
    void documentsOfAnotherTypeWithForeignBytesOrTooLargeAreRefusedAndNothingIsStored() throws Exception {
        String code = beijingProgramme("RC");
        String firm = Redemptions.beijingCreditCode("RDD001");
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
            Redemptions.voucherWithUsage(kafka, code, firm, UUID.randomUUID(), 10_000, 5_000);
        }
        String month = YearMonth.now(clock).toString();
        clock.advance(Duration.ofDays(32));
        String batch = enterprise(firm).body(Map.of("programmeCode", code, "period", month))
                .post("/api/settlement/batches").then().statusCode(201).extract().path("id");
        String invoice = "/api/settlement/batches/" + batch + "/documents/invoice";

        Redemptions.upload(enterprise(firm), "text/plain", "just text".getBytes()).put(invoice).then()
                .statusCode(415).body("code", equalTo("DOCUMENT_TYPE_NOT_ALLOWED"));
        Redemptions.upload(enterprise(firm), "application/pdf", Redemptions.EXE).put(invoice).then()
                .statusCode(422).body("code", equalTo("DOCUMENT_CONTENT_MISMATCH"));
        Redemptions.upload(enterprise(firm), "image/png", Redemptions.PDF).put(invoice).then()
                .statusCode(422).body("code", equalTo("DOCUMENT_CONTENT_MISMATCH"));
        Redemptions.upload(enterprise(firm), "application/pdf", Redemptions.pdfOfSize(64 * 1024 + 1)).put(invoice).then()
                .statusCode(413).body("code", equalTo("DOCUMENT_TOO_LARGE"));
        Redemptions.upload(enterprise(firm), "application/pdf", new byte[0]).put(invoice).then()
                .statusCode(400).body("code", equalTo("DOCUMENT_EMPTY"));
        Redemptions.upload(enterprise(firm), "application/pdf", Redemptions.PDF)
                .put("/api/settlement/batches/" + batch + "/documents/receipt").then().statusCode(404);
        Redemptions.upload(Actors.otherEnterprise(), "application/pdf", Redemptions.PDF).put(invoice).then().statusCode(404);
        Actors.auditor().get("/api/settlement/batches/" + batch + "/documents").then().statusCode(200).body("", hasSize(0));
        List<String> actions = Actors.auditor().queryParam("targetType", "SettlementBatch").queryParam("targetId", batch)
                .get("/api/audit").then().statusCode(200).extract().path("action");
        assertThat(actions).doesNotContain("SETTLEMENT_DOCUMENT_UPLOADED");

        // exactly at the limit is taken; a second upload is a new version, and the batch is submitted with the newest
        byte[] atLimit = Redemptions.pdfOfSize(64 * 1024);
        Redemptions.upload(enterprise(firm), "application/pdf", Redemptions.PDF).put(invoice).then().statusCode(201)
                .body("version", equalTo(1));
        String newest = Redemptions.upload(enterprise(firm), "application/pdf", atLimit).put(invoice).then()
                .statusCode(201).body("version", equalTo(2)).body("sha256", equalTo(sha256(atLimit))).extract().path("id");
        Redemptions.upload(enterprise(firm), "image/jpeg",
                        new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'})
                .put("/api/settlement/batches/" + batch + "/documents/delivery-certificate").then().statusCode(201);
        enterprise(firm).body(Map.of("invoiceNumber", "INV-2", "coPaymentPaidOn", LocalDate.now(clock).toString()))
                .post("/api/settlement/batches/" + batch + "/submit").then().statusCode(200)
                .body("invoiceDocumentId", equalTo(newest));
        // once submitted, the documents are what was submitted
        Redemptions.upload(enterprise(firm), "application/pdf", Redemptions.PDF).put(invoice).then()
                .statusCode(409).body("currentState", equalTo("SUBMITTED"));
        Actors.auditor().get("/api/settlement/batches/" + batch + "/documents").then().body("", hasSize(3));
    }

    @Test
    void shanghaiProvidersBatchesOpenAtTheQuarterEndAndTheProviderSubmitsThem() {
        String code = shanghaiProgramme("RD");
        UUID programmeId = programmeId(code);
        UUID p1 = UUID.randomUUID();
        UUID p2 = UUID.randomUUID();
        String p1Org = "91310104MA04PRD3XL";
        String p2Org = "91310104MA04PRD4XL";
        String firm = Redemptions.beijingCreditCode("RDE001");
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
            Redemptions.registerProvider(kafka, p1, p1Org, "上海算力一号");
            Redemptions.registerProvider(kafka, p2, p2Org, "上海算力二号");
            Redemptions.voucherWithUsage(kafka, code, firm, p1, 300_000, 150_000);
            Redemptions.voucherWithUsage(kafka, code, firm, p1, 1_001, 500);
            Redemptions.voucherWithUsage(kafka, code, firm, p2, 80_000, 40_000);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        String quarter = now.getYear() + "-Q" + ((now.getMonthValue() - 1) / 3 + 1);
        assertThat(openDue(programmeId)).as("the quarter has not ended yet").isEmpty();

        clock.advance(Duration.ofDays(100));
        List<SettlementBatch> opened = new ArrayList<>();
        // the provider directory is filled from provider.events: a provider's captures wait until it is known
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            opened.addAll(openDue(programmeId));
            assertThat(opened).extracting(SettlementBatch::submitterCreditCode).containsExactlyInAnyOrder(p1Org, p2Org);
        });
        assertThat(openDue(programmeId)).isEmpty();
        SettlementBatch ofP1 = opened.stream().filter(b -> b.submitterCreditCode().equals(p1Org)).findFirst().orElseThrow();
        assertThat(ofP1.subsidyFen()).isEqualTo(150_500);
        assertThat(ofP1.lineCount()).isEqualTo(2);
        assertThat(ofP1.period().label()).isEqualTo(quarter);
        assertThat(ofP1.submitterType().name()).isEqualTo("PROVIDER");

        RequestSpecification provider = Actors.as(TestTokens.token("provider-1", p1Org, "provider"));
        provider.get("/api/settlement/batches").then().statusCode(200)
                .body("findAll { it.programmeId == '" + programmeId + "' }.submitterCreditCode", contains(p1Org));
        Actors.as(TestTokens.token("provider-2", p2Org, "provider")).get("/api/settlement/batches/" + ofP1.id())
                .then().statusCode(404);
        // the enterprise does not submit in Shanghai, and the provider submits with its invoice number alone
        enterprise(firm).body(Map.of("invoiceNumber", "X")).post("/api/settlement/batches/" + ofP1.id() + "/submit")
                .then().statusCode(404);
        Actors.as(TestTokens.token("provider-1", p1Org, "provider")).body(Map.of("invoiceNumber", "SH-INV-7"))
                .post("/api/settlement/batches/" + ofP1.id() + "/submit").then().statusCode(200)
                .body("status", equalTo("SUBMITTED"));
        Actors.approver().post("/api/settlement/batches/" + ofP1.id() + "/approve").then().statusCode(200);
        Actors.admin().body(Map.of("paymentReference", "ICBC-SH-1")).post("/api/settlement/batches/" + ofP1.id() + "/paid")
                .then().statusCode(200).body("status", equalTo("PAID"));
        String file = Actors.admin().accept("text/plain").get("/api/settlement/batches/" + ofP1.id() + "/payment-file")
                .then().statusCode(200).extract().asString();
        assertThat(file).contains("P,1," + p1Org + ",上海算力一号,2,150500,1505.00,").endsWith("T,1,2,150500,1505.00\r\n");
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
            List<JsonNode> paid = kafka.events("voucher.events", "settlement.paid.v1",
                    d -> d.path("batchId").asText().equals(ofP1.id().toString()), 1, Duration.ofSeconds(20));
            assertThat(paid).hasSize(1);
            assertThat(paid.get(0).path("data").path("submitterType").asText()).isEqualTo("PROVIDER");
            assertThat(paid.get(0).path("data").path("period").asText()).isEqualTo(quarter);
            assertThat(paid.get(0).path("data").path("subsidyFen").asLong()).isEqualTo(150_500);
        }
    }

    @Test
    void aCancelledBatchGivesItsCapturesBackAndEachCaptureIsRedeemedOnlyOnce() {
        String code = beijingProgramme("RE");
        UUID programmeId = programmeId(code);
        String firm = Redemptions.beijingCreditCode("RDF001");
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
            Redemptions.voucherWithUsage(kafka, code, firm, UUID.randomUUID(), 40_000, 20_000);
            Redemptions.voucherWithUsage(kafka, code, firm, UUID.randomUUID(), 30_000, 15_000);
        }
        String month = YearMonth.now(clock).toString();
        clock.advance(Duration.ofDays(32));
        String first = openDue(programmeId).get(0).id().toString();
        List<Integer> firstEntries = Actors.auditor().get("/api/settlement/batches/" + first + "/lines").then()
                .extract().path("ledgerEntryId");

        Actors.otherEnterprise().body(Map.of("reason", "x")).post("/api/settlement/batches/" + first + "/cancel")
                .then().statusCode(404);
        enterprise(firm).body(Map.of("reason", " ")).post("/api/settlement/batches/" + first + "/cancel").then()
                .statusCode(400).body("code", equalTo("REASON_REQUIRED"));
        enterprise(firm).body(Map.of("reason", "合同金额有误，重新核对 (wrong contract amount)"))
                .post("/api/settlement/batches/" + first + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancelledBy", equalTo("e-" + firm));
        Actors.auditor().get("/api/settlement/batches/" + first + "/lines").then().body("active", everyItem(equalTo(false)));
        enterprise(firm).body(Map.of("reason", "again")).post("/api/settlement/batches/" + first + "/cancel").then()
                .statusCode(409).body("currentState", equalTo("CANCELLED"));
        // the job does not reopen a period that was cancelled: staff or the submitter reopen it by hand
        assertThat(openDue(programmeId)).isEmpty();
        Actors.admin().body(Map.of("programmeCode", code, "period", month)).post("/api/settlement/batches").then()
                .statusCode(400).body("code", equalTo("SUBMITTER_REQUIRED"));
        String second = Actors.admin().body(Map.of("programmeCode", code, "period", month, "submitterCreditCode", firm))
                .post("/api/settlement/batches").then().statusCode(201).body("status", equalTo("OPEN"))
                .body("subsidyFen", equalTo(35_000)).body("submitterCreditCode", equalTo(firm))
                .body("openedBySchedule", equalTo(false)).extract().path("id");
        List<Integer> secondEntries = Actors.auditor().get("/api/settlement/batches/" + second + "/lines").then()
                .body("active", everyItem(equalTo(true))).extract().path("ledgerEntryId");
        assertThat(secondEntries).containsExactlyInAnyOrderElementsOf(firstEntries).hasSize(2);
        // redeemed once: nothing is left for a third batch
        enterprise(firm).body(Map.of("programmeCode", code, "period", month)).post("/api/settlement/batches").then()
                .statusCode(422).body("code", equalTo("NOTHING_TO_SETTLE"));
        assertThat(openDue(programmeId)).isEmpty();
    }

    @Test
    void anEnterpriseReadsItsOwnStatementAsJsonOrCsvAndNoOtherEnterprises() {
        String code = beijingProgramme("RF");
        String own = Redemptions.beijingCreditCode("RDG001");
        String other = Redemptions.beijingCreditCode("RDH001");
        UUID p1 = UUID.randomUUID();
        UUID p2 = UUID.randomUUID();
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
            Redemptions.voucherWithUsage(kafka, code, own, p1, 100_000, 50_000);
            Redemptions.voucherWithUsage(kafka, code, own, p2, 20_001, 10_000);
            Redemptions.voucherWithUsage(kafka, code, other, p1, 7_000, 3_500);
        }
        String month = YearMonth.now(clock).toString();
        String path = "/api/settlement/statements/enterprises/" + own;

        enterprise(own).queryParam("programme", code).queryParam("period", month).get(path).then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("programmeCode", equalTo(code)).body("subsidyFen", equalTo(60_000))
                .body("usageAmountFen", equalTo(120_001)).body("enterprises", hasSize(1))
                .body("enterprises[0].party", equalTo(own)).body("enterprises[0].captures", equalTo(2))
                .body("enterprises[0].coPaymentFen", equalTo(60_001)).body("providers", hasSize(2));
        String csv = enterprise(own).accept("text/csv").queryParam("programme", code).queryParam("period", month)
                .get(path).then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        assertThat(csv.split("\r\n")).hasSize(1 + 2 + 1 + 1);
        assertThat(csv).contains(",ENTERPRISE," + own + ",").endsWith(",TOTAL,,,2,1200.01,600.00,600.01\r\n")
                .doesNotContain(other);
        assertThat(enterprise(own).queryParam("programme", code).queryParam("period", month).queryParam("format", "csv")
                .get(path).then().statusCode(200).extract().asString()).isEqualTo(csv);

        // another enterprise's statement does not exist for it; staff read any
        enterprise(other).queryParam("programme", code).queryParam("period", month).get(path).then().statusCode(404);
        Actors.auditor().queryParam("programme", code).queryParam("period", month).get(path).then().statusCode(200)
                .body("subsidyFen", equalTo(60_000));
        enterprise(own).queryParam("programme", code).queryParam("period", "2026-Q1").get(path).then()
                .statusCode(400).body("code", equalTo("PERIOD_NOT_IN_CYCLE"));
        // the programme's statement, for staff, as CSV too
        String all = Actors.auditor().queryParam("programme", code).queryParam("period", month).queryParam("format", "csv")
                .get("/api/settlement/statements").then().statusCode(200).extract().asString();
        assertThat(all).contains(own, other).endsWith(",TOTAL,,,3,1270.01,635.00,635.01\r\n");
        enterprise(own).queryParam("programme", code).queryParam("period", month).get("/api/settlement/statements")
                .then().statusCode(403);
        assertThat(RestAssured.given().get(path).statusCode()).isEqualTo(401);
    }
}
