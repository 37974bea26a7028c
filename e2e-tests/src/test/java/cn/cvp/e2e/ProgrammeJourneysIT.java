package cn.cvp.e2e;

import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

/**
 * The two programmes' journeys from application to payment (issue 12, "done when"), on the running stack with real
 * Keycloak tokens: Beijing's contract-first voucher bound to the contracted partner, used, captured and redeemed by
 * the enterprise after the month; Shanghai's quota with two orders, one cancelled, the other used and redeemed by the
 * provider after the quarter. Every figure is checked to the fen against the ledger.
 *
 * <p>A month or a quarter cannot pass during a test: `platform test` starts the services with the adjustable test
 * clock (platform-kit {@code cn.cvp.kit.time}, {@code POST /api/test-clock/advance}), and each journey moves all three
 * services' clocks forward by the same amount at its end, after its captures. Hazard: the clocks never move back
 * while the stack runs, so this class runs after every other end-to-end class ({@code junit-platform.properties}),
 * and each journey reads the services' time instead of the machine's for everything it dates.
 */
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProgrammeJourneysIT {
    static final ZoneId PROGRAMME_ZONE = ZoneId.of("Asia/Shanghai");
    static final String BJ_ENTERPRISE = VoucherJourneyIT.ENTERPRISE_ORG;
    static final String BJ_PROVIDER = VoucherJourneyIT.PROVIDER_ORG;
    static final String SH_ENTERPRISE = "91310115MA02ENT29X"; // enterprise-other
    static final String SH_PROVIDER = "91310104MA04PRD2XL";   // provider-other
    static final List<String> SERVICES = List.of(Stack.VOUCHER, Stack.PROVIDER, Stack.ALLOCATION);
    /** A minimal PDF: voucher-service checks a document's first bytes against its declared type. */
    static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            + "2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

    @BeforeAll
    static void theStackRunsWithTheTestClock() {
        List<String> offsets = new ArrayList<>();
        for (String service : SERVICES) {
            Response r = Stack.as("admin-demo", service).get("/api/test-clock");
            assertThat(r.statusCode()).as("%s has no test clock: these journeys run on the stack that "
                    + "`deploy/local/platform test` starts (CVP_TEST_CLOCK_ENABLED=true)", service).isEqualTo(200);
            offsets.add(r.path("offset"));
        }
        assertThat(new HashSet<>(offsets)).as("the three services' clocks agree (restart the stack if not): %s", offsets)
                .hasSize(1);
    }

    // ------------------------------------------------------------------------------------------------ Beijing

    @Test
    @Order(1)
    void beijingContractFirstFromApplicationToPayment() {
        OffsetDateTime now = serviceTime(Stack.VOUCHER).truncatedTo(ChronoUnit.HOURS);
        String region = "110108";
        long priceFen = 1_500 + (System.currentTimeMillis() % 100);

        // the contracted partner and a cheaper other provider both offer the card in the region
        VoucherJourneyIT.provider();
        String partnerOffering = offering("provider-demo", "GPU_A800_80G", region, priceFen, now);
        shanghaiProvider();
        String cheaperOffering = offering("provider-other", "GPU_A800_80G", region, priceFen - 500, now);
        // the matcher must know both providers and offerings before the voucher arrives (else the cheaper one is
        // simply not yet a candidate, and the test would prove nothing about the contract)
        Topics.awaitConsumed("allocation-service", "provider.events", Duration.ofSeconds(60));

        // the enterprise's contract names the partner; the voucher is 20 % of the contract
        enterprise("enterprise-demo", "北京智算科技有限公司 (demo enterprise)", BJ_ENTERPRISE, "110108");
        long contractFen = 100 * priceFen;
        Map<String, Object> application = Map.of("programmeCode", "BJ-AICV",
                "demand", Map.of("resourceClass", "GPU_A800_80G", "cardHours", 100, "regions", List.of(region),
                        "windowStart", now.minusHours(12).toString(), "windowEnd", now.plusDays(30).toString()),
                "purpose", "端到端旅程：北京合同先行 (end-to-end journey: Beijing contract first)",
                "amountFen", contractFen,
                "contract", Map.of("number", "E2E-BJ-" + UUID.randomUUID(), "signedOn",
                        now.toLocalDate().minusDays(2).toString(), "months", 3, "providerCreditCode", BJ_PROVIDER));
        String applicationId = Stack.as("enterprise-demo", Stack.VOUCHER).body(application).post("/api/applications")
                .then().statusCode(201).extract().path("id");
        VoucherJourneyIT.submitOnceThePartnerIsKnown(applicationId).then().statusCode(200)
                .body("status", equalTo("UNDER_REVIEW"));
        Stack.as("reviewer-demo", Stack.VOUCHER).post("/api/applications/" + applicationId + "/review")
                .then().statusCode(200);
        String voucherId = approved(applicationId);
        long face = voucherField("enterprise-demo", voucherId, "faceValueFen");
        assertThat(face).as("20 %% of the contract amount").isEqualTo(contractFen / 5);
        assertThat(Topics.find("voucher.events", "voucher.issued.v1",
                d -> d.path("voucherId").asText().equals(voucherId), 1, Duration.ofSeconds(30)).get(0).json()
                .path("data").path("contractProviderCreditCode").asText()).isEqualTo(BJ_PROVIDER);

        // allocation-service allocates the partner's offering, not the cheaper one
        Topics.Event created = Topics.find("allocation.events", "allocation.created.v1",
                d -> d.path("voucherId").asText().equals(voucherId), 1, Duration.ofSeconds(60)).get(0);
        String allocationId = created.json().path("data").path("allocationId").asText();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                Stack.as("provider-demo", Stack.PROVIDER).get("/api/allocations/" + allocationId).then()
                        .statusCode(200).body("status", equalTo("HELD")));
        // (the partner may have cheaper offerings of its own from earlier runs: any of the partner's is right); the
        // matching engine's explanation shows the other provider's cheaper offerings excluded for the contract
        Response allocation = Stack.as("provider-demo", Stack.PROVIDER).get("/api/allocations/" + allocationId);
        assertThat(allocation.<String>path("offeringId")).isNotEqualTo(cheaperOffering);
        long unitPrice = allocation.<Number>path("unitPriceFen").longValue();
        Stack.as("provider-other", Stack.PROVIDER).get("/api/allocations/" + allocationId).then().statusCode(404);
        assertThat(partnerOffering).isNotBlank();
        Response explained = Stack.as("admin-demo", Stack.ALLOCATION).get("/api/allocations/" + allocationId);
        assertThat(explained.<String>path("explanation.contractedProviderCreditCode")).isEqualTo(BJ_PROVIDER);
        List<Map<String, Object>> candidates = explained.path("explanation.candidates");
        String partnerId = explained.path("providerId");
        assertThat(candidates).filteredOn(c -> "SELECTED".equals(c.get("outcome")))
                .allSatisfy(c -> assertThat(c.get("providerId")).isEqualTo(partnerId)).isNotEmpty();
        assertThat(candidates).as("another provider's cheaper offering, excluded: not the contracted provider")
                .anySatisfy(c -> {
                    assertThat(c.get("outcome")).isEqualTo("EXCLUDED");
                    assertThat(String.valueOf(c.get("reasons"))).contains("NOT_CONTRACTED_PROVIDER");
                    assertThat(c.get("providerId")).isNotEqualTo(partnerId);
                    assertThat(((Number) c.get("unitPriceFen")).longValue()).isLessThan(unitPrice);
                });
        long held = voucherField("enterprise-demo", voucherId, "heldFen");
        assertThat(held).isEqualTo(Math.min(face, 100 * unitPrice / 5));

        // usage: 3 card-hours; the voucher pays 20 % of it, the enterprise the rest
        long usageFen = 3 * unitPrice;
        String usageReportId = report("provider-demo", allocationId, now, 3, unitPrice);
        long subsidy = usageFen / 5;
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                voucherField("enterprise-demo", voucherId, "consumedFen")).isEqualTo(subsidy));
        List<Map<String, Object>> captures = captures("enterprise-demo", voucherId);
        assertThat(captures).hasSize(1);
        assertThat(((Number) captures.get(0).get("amountFen")).longValue()).isEqualTo(subsidy);
        assertThat(((Number) captures.get(0).get("usageAmountFen")).longValue()).isEqualTo(usageFen);
        assertThat(captures.get(0).get("usageReportId")).isEqualTo(usageReportId);
        String month = YearMonth.from(OffsetDateTime.parse((String) captures.get(0).get("occurredAt"))
                .atZoneSameInstant(PROGRAMME_ZONE)).toString();

        // the month ends (35 days on every service's clock); the enterprise's batch of the month is opened
        advanceAll(Duration.ofDays(35));
        String batch = batchOf("enterprise-demo", "BJ-AICV", month);
        List<Map<String, Object>> lines = Stack.as("enterprise-demo", Stack.VOUCHER)
                .get("/api/settlement/batches/" + batch + "/lines").then().statusCode(200).extract().path("");
        assertThat(lines).anySatisfy(l -> assertThat(((Number) l.get("ledgerEntryId")).longValue())
                .isEqualTo(((Number) captures.get(0).get("id")).longValue()));
        assertThat(lines).allSatisfy(l -> assertThat(l.get("enterpriseCreditCode")).isEqualTo(BJ_ENTERPRISE));

        // both documents and the co-payment, then submission
        LocalDate today = serviceTime(Stack.VOUCHER).toLocalDate();
        upload("enterprise-demo", batch, "invoice");
        upload("enterprise-demo", batch, "delivery-certificate");
        Stack.as("enterprise-demo", Stack.VOUCHER)
                .body(Map.of("invoiceNumber", "E2E-INV-BJ-" + UUID.randomUUID(), "coPaymentPaidOn", today.toString()))
                .post("/api/settlement/batches/" + batch + "/submit").then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("coPaymentPaidOn", equalTo(today.toString()));

        // approved by one staff member, paid by another (the approver may not pay)
        Stack.as("approver-demo", Stack.VOUCHER).post("/api/settlement/batches/" + batch + "/approve").then()
                .statusCode(200).body("status", equalTo("APPROVED")).body("approvedBy", equalTo("approver-demo"));
        String reference = "E2E-BOC-" + UUID.randomUUID();
        Stack.as("admin-demo", Stack.VOUCHER).body(Map.of("paymentReference", reference))
                .post("/api/settlement/batches/" + batch + "/paid").then().statusCode(200)
                .body("status", equalTo("PAID")).body("paidBy", equalTo("admin-demo"));

        reconcile(batch, "enterprise-demo", BJ_ENTERPRISE, "ENTERPRISE", month);
    }

    // ----------------------------------------------------------------------------------------------- Shanghai

    @Test
    @Order(2)
    void shanghaiQuotaFirstFromQuotaToPayment() {
        OffsetDateTime now = serviceTime(Stack.VOUCHER).truncatedTo(ChronoUnit.HOURS);
        String region = "310115";
        long priceFen = 900 + (System.currentTimeMillis() % 100);
        shanghaiProvider();
        String offeringId = offering("provider-other", "GPU_A800_80G", region, priceFen, now);
        Topics.awaitConsumed("allocation-service", "provider.events", Duration.ofSeconds(60));
        enterprise("enterprise-other", "上海智算科技有限公司 (demo enterprise)", SH_ENTERPRISE, "310115");

        // the quota (额度): applied for once a year (a run on a stack that kept its data uses this year's)
        String quotaId = quota(now, region);
        long availableBefore = quotaField(quotaId, "availableFen");
        long consumedBefore = quotaField(quotaId, "consumedFen");

        // two orders; the first (a card no one offers here) is cancelled and returns exactly what it held
        String first = order(quotaId, "GPU_H800_80G", region, 40, 2_000, now);
        long firstHold = orderField(first, "holdFen");
        assertThat(firstHold).isEqualTo(40 * 2_000 / 2);
        assertThat(quotaField(quotaId, "availableFen")).isEqualTo(availableBefore - firstHold);
        Stack.as("enterprise-other", Stack.VOUCHER).post("/api/orders/" + first + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("returnedFen", equalTo((int) firstHold));
        assertThat(quotaField(quotaId, "availableFen")).isEqualTo(availableBefore);

        String second = order(quotaId, "GPU_A800_80G", region, 50, priceFen, now);
        long secondHold = orderField(second, "holdFen");
        assertThat(secondHold).isEqualTo(50 * priceFen / 2);

        // allocation-service matches the order on the provider's offering; voucher-service holds within the order
        Topics.Event created = Topics.find("allocation.events", "allocation.created.v1",
                d -> d.path("orderId").asText().equals(second), 1, Duration.ofSeconds(60)).get(0);
        assertThat(created.json().path("data").path("voucherId").asText()).isEqualTo(quotaId);
        String allocationId = created.json().path("data").path("allocationId").asText();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                Stack.as("provider-other", Stack.PROVIDER).get("/api/allocations/" + allocationId).then()
                        .statusCode(200).body("status", equalTo("HELD")));
        // on the provider's offering there: this one, or one of its own from an earlier run on a stack that kept data
        Response allocation = Stack.as("provider-other", Stack.PROVIDER).get("/api/allocations/" + allocationId);
        allocation.then().statusCode(200).body("region", equalTo(region));
        long unitPrice = allocation.<Number>path("unitPriceFen").longValue();
        Stack.as("provider-demo", Stack.PROVIDER).get("/api/allocations/" + allocationId).then().statusCode(404);
        assertThat(offeringId).isNotBlank();

        // usage 4 card-hours: half of it is the subsidy, captured on the quota
        long usageFen = 4 * unitPrice;
        String usageReportId = report("provider-other", allocationId, now, 4, unitPrice);
        long subsidy = usageFen / 2;
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(quotaField(quotaId, "consumedFen")).isEqualTo(consumedBefore + subsidy));
        Map<String, Object> capture = captures("enterprise-other", quotaId).stream()
                .filter(c -> usageReportId.equals(c.get("usageReportId"))).findFirst().orElseThrow();
        assertThat(((Number) capture.get("amountFen")).longValue()).isEqualTo(subsidy);
        OffsetDateTime capturedAt = OffsetDateTime.parse((String) capture.get("occurredAt")).atZoneSameInstant(PROGRAMME_ZONE)
                .toOffsetDateTime();
        String quarter = capturedAt.getYear() + "-Q" + ((capturedAt.getMonthValue() - 1) / 3 + 1);

        // the quarter ends (100 days on every clock); the provider's batch of the quarter, submitted by the provider
        advanceAll(Duration.ofDays(100));
        String batch = batchOf("provider-other", "SH-ICV", quarter);
        List<Map<String, Object>> lines = Stack.as("provider-other", Stack.VOUCHER)
                .get("/api/settlement/batches/" + batch + "/lines").then().statusCode(200).extract().path("");
        assertThat(lines).anySatisfy(l -> assertThat(((Number) l.get("ledgerEntryId")).longValue())
                .isEqualTo(((Number) capture.get("id")).longValue()));
        Stack.as("provider-other", Stack.VOUCHER).body(Map.of("invoiceNumber", "E2E-INV-SH-" + UUID.randomUUID()))
                .post("/api/settlement/batches/" + batch + "/submit").then().statusCode(200)
                .body("status", equalTo("SUBMITTED"));
        Stack.as("approver2-demo", Stack.VOUCHER).post("/api/settlement/batches/" + batch + "/approve").then()
                .statusCode(200).body("status", equalTo("APPROVED"));
        Stack.as("admin-demo", Stack.VOUCHER).body(Map.of("paymentReference", "E2E-ICBC-" + UUID.randomUUID()))
                .post("/api/settlement/batches/" + batch + "/paid").then().statusCode(200)
                .body("status", equalTo("PAID"));

        reconcile(batch, "provider-other", SH_PROVIDER, "PROVIDER", quarter);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /**
     * The batch's subsidy = Σ its lines = Σ the ledger's CAPTURE entries they redeem (read from each voucher's own
     * ledger) = the payment file's control total = settlement.paid.v1's subsidyFen, to the fen.
     */
    private static void reconcile(String batch, String submitterUser, String submitter, String submitterType,
                                  String period) {
        Response view = Stack.as(submitterUser, Stack.VOUCHER).get("/api/settlement/batches/" + batch);
        view.then().statusCode(200).body("status", equalTo("PAID")).body("period", equalTo(period))
                .body("submitterCreditCode", equalTo(submitter));
        long batchSubsidy = view.<Number>path("subsidyFen").longValue();
        List<Map<String, Object>> lines = Stack.as("auditor-demo", Stack.VOUCHER)
                .get("/api/settlement/batches/" + batch + "/lines").then().statusCode(200).extract().path("");
        long linesFen = 0;
        Set<String> vouchers = new HashSet<>();
        Map<Long, Long> lineByEntry = new java.util.HashMap<>();
        for (Map<String, Object> l : lines) {
            linesFen += ((Number) l.get("subsidyFen")).longValue();
            vouchers.add((String) l.get("voucherId"));
            lineByEntry.put(((Number) l.get("ledgerEntryId")).longValue(), ((Number) l.get("subsidyFen")).longValue());
        }
        long ledgerFen = 0;
        for (String voucher : vouchers) {
            List<Map<String, Object>> ledger = Stack.as("auditor-demo", Stack.VOUCHER).get("/api/vouchers/" + voucher + "/ledger")
                    .then().statusCode(200).extract().path("");
            for (Map<String, Object> e : ledger) {
                Long line = lineByEntry.get(((Number) e.get("id")).longValue());
                if (line != null) {
                    assertThat(e.get("type")).isEqualTo("CAPTURE");
                    assertThat(((Number) e.get("amountFen")).longValue()).isEqualTo(line);
                    ledgerFen += line;
                }
            }
        }
        assertThat(linesFen).isEqualTo(batchSubsidy);
        assertThat(ledgerFen).as("every line is a capture on the ledger").isEqualTo(batchSubsidy);

        String file = Stack.as("auditor-demo", Stack.VOUCHER).accept("text/plain")
                .get("/api/settlement/batches/" + batch + "/payment-file").then().statusCode(200).extract().asString();
        String[] rows = file.split("\r\n");
        String total = rows[rows.length - 1];
        assertThat(total).startsWith("T,");
        assertThat(Long.parseLong(total.split(",")[3])).as("payment file control total").isEqualTo(batchSubsidy);
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("P,1," + submitter + ","));

        List<Topics.Event> paid = Topics.find("voucher.events", "settlement.paid.v1",
                d -> d.path("batchId").asText().equals(batch), 1, Duration.ofSeconds(30));
        assertThat(paid).hasSize(1);
        var data = paid.get(0).json().path("data");
        assertThat(data.path("subsidyFen").asLong()).isEqualTo(batchSubsidy);
        assertThat(data.path("lineCount").asInt()).isEqualTo(lines.size());
        assertThat(data.path("submitterType").asText()).isEqualTo(submitterType);
        assertThat(data.path("submitterCreditCode").asText()).isEqualTo(submitter);
        assertThat(data.path("period").asText()).isEqualTo(period);
        assertThat(data.path("approvedBy").asText()).isNotEqualTo(data.path("paidBy").asText());
    }

    /** The service's own time (the test clock), in the programmes' zone. */
    private static OffsetDateTime serviceTime(String service) {
        String instant = Stack.as("admin-demo", service).get("/api/test-clock").then().statusCode(200).extract()
                .path("instant");
        return Instant.parse(instant).atZone(PROGRAMME_ZONE).toOffsetDateTime();
    }

    private static void advanceAll(Duration by) {
        for (String service : SERVICES) {
            Stack.as("admin-demo", service).body(Map.of("by", by.toString())).post("/api/test-clock/advance").then()
                    .statusCode(200);
        }
    }

    /** The submitter's OPEN batch of the period: the settlement job's, or opened by hand if the job has not run. */
    private static String batchOf(String user, String programme, String period) {
        String programmeId = Stack.as("admin-demo", Stack.VOUCHER).get("/api/programmes/" + programme).then()
                .statusCode(200).extract().path("id");
        Optional<String> open = openBatch(user, programmeId, period);
        if (open.isPresent()) {
            return open.get();
        }
        Response opened = Stack.as(user, Stack.VOUCHER).body(Map.of("programmeCode", programme, "period", period))
                .post("/api/settlement/batches");
        if (opened.statusCode() == 201) {
            return opened.path("id");
        }
        // the job opened it meanwhile
        return openBatch(user, programmeId, period).orElseThrow(() -> new AssertionError(
                "no batch of " + period + " could be opened: " + opened.statusCode() + " " + opened.asString()));
    }

    private static Optional<String> openBatch(String user, String programmeId, String period) {
        List<Map<String, Object>> batches = Stack.as(user, Stack.VOUCHER).get("/api/settlement/batches").then()
                .statusCode(200).extract().path("");
        return batches.stream().filter(b -> programmeId.equals(b.get("programmeId")) && period.equals(b.get("period"))
                && "OPEN".equals(b.get("status"))).map(b -> (String) b.get("id")).findFirst();
    }

    private static void upload(String user, String batch, String kind) {
        Stack.as(user, Stack.VOUCHER).contentType("application/pdf").body(PDF)
                .queryParam("fileName", kind + ".pdf")
                .put("/api/settlement/batches/" + batch + "/documents/" + kind).then().statusCode(201)
                .body("contentType", equalTo("application/pdf")).body("sizeBytes", equalTo(PDF.length));
    }

    /** A published offering of 8 cards from now for 60 days; its id. */
    private static String offering(String user, String resourceClass, String region, long priceFen, OffsetDateTime now) {
        String id = Stack.as(user, Stack.PROVIDER).body(Map.of("resourceClass", resourceClass, "region", region,
                        "units", 8, "unitPriceFen", priceFen, "availableFrom", now.minusDays(1).toString(),
                        "availableTo", now.plusDays(60).toString()))
                .post("/api/offerings").then().statusCode(201).extract().path("id");
        Stack.as(user, Stack.PROVIDER).post("/api/offerings/" + id + "/publish").then().statusCode(200)
                .body("status", equalTo("PUBLISHED"));
        return id;
    }

    /** Reports {@code cardHours} card-hours in the last hours of the allocation; waits until accepted; its id. */
    private static String report(String user, String allocationId, OffsetDateTime now, int cardHours, long unitPrice) {
        String recordId = "e2e-" + UUID.randomUUID();
        Response reported = Stack.as(user, Stack.PROVIDER).body(Map.of("records", List.of(Map.of(
                "allocationId", allocationId, "recordId", recordId,
                "periodStart", now.minusHours(cardHours + 1).toString(), "periodEnd", now.minusHours(1).toString(),
                "units", String.valueOf(cardHours), "unitPriceFen", unitPrice, "amountFen", cardHours * unitPrice,
                "deliveryCertificateRef", "DC-" + recordId)))).post("/api/usage-reports");
        reported.then().statusCode(200).body("results[0].status", equalTo("ACCEPTED_FOR_PROCESSING"));
        String id = reported.path("results[0].usageReportId");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                Stack.as(user, Stack.PROVIDER).get("/api/usage-reports/" + id).then().statusCode(200)
                        .body("status", equalTo("ACCEPTED")));
        return id;
    }

    private static String approved(String applicationId) {
        Response first = Stack.as("approver-demo", Stack.VOUCHER).post("/api/applications/" + applicationId + "/approve");
        first.then().statusCode(200);
        if ("ISSUED".equals(first.path("status"))) {
            return first.path("voucherId");
        }
        // above the programme's second-approver threshold: a second approver
        return Stack.as("approver2-demo", Stack.VOUCHER).post("/api/applications/" + applicationId + "/approve").then()
                .statusCode(200).body("status", equalTo("ISSUED")).extract().path("voucherId");
    }

    private static long voucherField(String user, String voucherId, String field) {
        return Stack.as(user, Stack.VOUCHER).get("/api/vouchers/" + voucherId).then().statusCode(200).extract()
                .<Number>path(field).longValue();
    }

    private static List<Map<String, Object>> captures(String user, String voucherId) {
        List<Map<String, Object>> ledger = Stack.as(user, Stack.VOUCHER).get("/api/vouchers/" + voucherId + "/ledger")
                .then().statusCode(200).extract().path("");
        return ledger.stream().filter(e -> "CAPTURE".equals(e.get("type"))).toList();
    }

    private static void enterprise(String user, String name, String creditCode, String region) {
        Stack.as(user, Stack.VOUCHER).body(Map.of("name", name, "creditCode", creditCode, "region", region,
                        "industry", "SOFTWARE_IT_SERVICES", "size", "SMALL", "startup", true, "team", false,
                        "ownership", "PRIVATE", "dishonest", false, "relatedParties", List.of()))
                .post("/api/enterprises").then().statusCode(anyOf(is(201), is(409)));
    }

    /** provider-other: a Shanghai provider, privately invested, accredited for SH-ICV and BJ-AICV (idempotent). */
    private static void shanghaiProvider() {
        Response registered = Stack.as("provider-other", Stack.PROVIDER).body(Map.of(
                "name", "沪算云服务有限公司 (demo provider)", "creditCode", SH_PROVIDER, "region", "310104",
                "yearsOperating", 6, "site", "上海市徐汇区漕溪北路 88 号", "privatelyInvested", true,
                "relatedParties", List.of())).post("/api/providers");
        assertThat(registered.statusCode()).isIn(201, 409);
        Response me = Stack.as("provider-other", Stack.PROVIDER).get("/api/providers/me");
        if (!"ACTIVE".equals(me.path("status"))) {
            Stack.as("admin-demo", Stack.PROVIDER).body(Map.of("programmeMemberships", List.of("BJ-AICV", "SH-ICV")))
                    .post("/api/providers/" + me.path("id") + "/accreditation").then().statusCode(200)
                    .body("status", equalTo("ACTIVE"));
        }
    }

    /** enterprise-other's SH-ICV quota: this year's active one, or applied for, reviewed and approved now. */
    private static String quota(OffsetDateTime now, String region) {
        String programmeId = Stack.as("admin-demo", Stack.VOUCHER).get("/api/programmes/SH-ICV").then()
                .statusCode(200).extract().path("id");
        Map<String, Object> application = Map.of("programmeCode", "SH-ICV", "quota", true,
                "demand", Map.of("resourceClass", "GPU_A800_80G", "cardHours", 2000, "regions", List.of(region),
                        "windowStart", now.toString(), "windowEnd", now.plusDays(300).toString()),
                "purpose", "端到端旅程：上海额度先行 (end-to-end journey: Shanghai quota first)", "amountFen", 60_000_000L);
        Response drafted = Stack.as("enterprise-other", Stack.VOUCHER).body(application).post("/api/applications");
        Response submitted = drafted.statusCode() == 201
                ? Stack.as("enterprise-other", Stack.VOUCHER).post("/api/applications/" + drafted.path("id") + "/submit")
                : drafted;
        if (submitted.statusCode() == 409 && "QUOTA_ALREADY_GRANTED".equals(submitted.path("code"))) {
            List<Map<String, Object>> quotas = Stack.as("enterprise-other", Stack.VOUCHER).get("/api/quotas").then()
                    .statusCode(200).extract().path("");
            return quotas.stream().filter(q -> programmeId.equals(q.get("programmeId")) && "ACTIVE".equals(q.get("status"))
                            && ((Number) q.get("availableFen")).longValue() >= 1_000_000)
                    .map(q -> (String) q.get("id")).findFirst()
                    .orElseThrow(() -> new AssertionError("this year's quota is used up or inactive: reset the stack"));
        }
        drafted.then().statusCode(201).body("kind", equalTo("QUOTA"));
        String applicationId = drafted.path("id");
        submitted.then().statusCode(200).body("status", equalTo("UNDER_REVIEW"));
        Stack.as("reviewer-demo", Stack.VOUCHER).post("/api/applications/" + applicationId + "/review").then()
                .statusCode(200);
        String quotaId = approved(applicationId);
        Stack.as("enterprise-other", Stack.VOUCHER).get("/api/quotas/" + quotaId).then().statusCode(200)
                .body("quotaFen", equalTo(30_000_000)).body("availableFen", equalTo(30_000_000));
        return quotaId;
    }

    private static String order(String quotaId, String resourceClass, String region, int cardHours, long priceFen,
                                OffsetDateTime now) {
        return Stack.as("enterprise-other", Stack.VOUCHER).body(Map.of("quotaId", quotaId,
                        "amountFen", cardHours * priceFen,
                        "demand", Map.of("resourceClass", resourceClass, "cardHours", cardHours, "regions", List.of(region),
                                "windowStart", now.minusHours(12).toString(), "windowEnd", now.plusDays(30).toString(),
                                "providerCreditCode", SH_PROVIDER)))
                .post("/api/orders").then().statusCode(201).extract().path("id");
    }

    private static long quotaField(String quotaId, String field) {
        return Stack.as("enterprise-other", Stack.VOUCHER).get("/api/quotas/" + quotaId).then().statusCode(200)
                .extract().<Number>path(field).longValue();
    }

    private static long orderField(String orderId, String field) {
        return Stack.as("enterprise-other", Stack.VOUCHER).get("/api/orders/" + orderId).then().statusCode(200)
                .extract().<Number>path(field).longValue();
    }
}
