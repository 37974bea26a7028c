package cn.cvp.voucher.settlement.api;

import cn.cvp.kit.creditcode.CreditCode;
import cn.cvp.kit.testing.EventSchemas;
import cn.cvp.kit.testing.KafkaTestClient;
import cn.cvp.voucher.testing.Actors;
import cn.cvp.voucher.testing.Fixtures;
import cn.cvp.voucher.testing.Programmes;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.specification.RequestSpecification;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

/** What the redemption tests share: vouchers with captured usage (through allocation-service's events), documents. */
final class Redemptions {
    static final Path ALLOCATION = Path.of("../allocation-service/src/main/resources/events");
    static final Path PROVIDER = Path.of("../provider-service/src/main/resources/events");
    static final byte[] PDF = "%PDF-1.7\n% invoice 发票\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
            .getBytes(StandardCharsets.UTF_8);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0};

    private Redemptions() {
    }

    /** A valid 统一社会信用代码 of a Beijing (110108) enterprise, the 9-character organisation code ending in {@code tail}. */
    static String beijingCreditCode(String tail) {
        String base = "91110108" + "MA0" + tail;
        for (char c : "0123456789ABCDEFGHJKLMNPQRTUWXY".toCharArray()) {
            if (CreditCode.isValid(base + c)) {
                return base + c;
            }
        }
        throw new IllegalStateException("no check character for " + base);
    }

    /**
     * Registers the enterprise, issues it a voucher of the programme, holds for an allocation of the provider and
     * captures one accepted usage of {@code usageFen} with {@code subsidyFen}; returns the voucher id.
     */
    static String voucherWithUsage(KafkaTestClient kafka, String programme, String org, UUID providerId, long usageFen,
                                   long subsidyFen) {
        Fixtures.ensureEnterprise(Actors.enterprise("e-" + org, org), org, "110108");
        String voucherId = Fixtures.issue(Fixtures.submitted(Actors.enterprise("e-" + org, org),
                Actors.enterprise("e-" + org, org), Programmes.application(programme, 10_000_000)));
        UUID allocationId = UUID.randomUUID();
        ObjectNode created = (ObjectNode) EventSchemas.example(ALLOCATION, "allocation.created.v1").deepCopy();
        created.put("allocationId", allocationId.toString()).put("voucherId", voucherId)
                .put("providerId", providerId.toString()).put("amountFen", 5_000_000).put("enterpriseCreditCode", org);
        kafka.publish("allocation.events", allocationId.toString(), "allocation.created.v1", created);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                Actors.enterprise("e-" + org, org).get("/api/vouchers/" + voucherId).then().body("heldFen", greaterThan(0)));
        ObjectNode usage = (ObjectNode) EventSchemas.example(ALLOCATION, "usage.accepted.v1").deepCopy();
        usage.put("usageReportId", UUID.randomUUID().toString()).put("allocationId", allocationId.toString())
                .put("voucherId", voucherId).put("providerId", providerId.toString())
                .put("amountFen", usageFen).put("subsidyFen", subsidyFen);
        kafka.publish("allocation.events", allocationId.toString(), "usage.accepted.v1", usage);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                Actors.enterprise("e-" + org, org).get("/api/vouchers/" + voucherId).then()
                        .body("consumedFen", equalTo((int) subsidyFen)));
        return voucherId;
    }

    /** Makes the provider known to voucher-service as provider-service announces it (provider.registered.v1). */
    static void registerProvider(KafkaTestClient kafka, UUID providerId, String creditCode, String name) {
        ObjectNode registered = (ObjectNode) EventSchemas.example(PROVIDER, "provider.registered.v1").deepCopy();
        registered.put("providerId", providerId.toString()).put("creditCode", creditCode).put("name", name);
        kafka.publish("provider.events", providerId.toString(), "provider.registered.v1", registered);
    }

    /** The raw upload of a document: the file as the body with its content type. */
    static RequestSpecification upload(RequestSpecification as, String contentType, byte[] content) {
        return as.contentType(contentType).body(content);
    }

    static byte[] pdfOfSize(int size) {
        byte[] b = Arrays.copyOf(PDF, size);
        Arrays.fill(b, PDF.length, size, (byte) ' ');
        return b;
    }
}
