package cn.cvp.allocation.component;

import cn.cvp.allocation.catalogue.domain.OfferingTerms;
import cn.cvp.allocation.catalogue.events.OfferingPublishedV1;
import cn.cvp.allocation.catalogue.events.OfferingWithdrawnV1;
import cn.cvp.allocation.catalogue.events.ProviderRegisteredV1;
import cn.cvp.allocation.catalogue.events.ProviderStatusChangedV1;
import cn.cvp.allocation.catalogue.messaging.ProviderEventsConsumer;
import cn.cvp.allocation.matching.domain.Voucher;
import cn.cvp.allocation.matching.domain.QuotaOrder;
import cn.cvp.allocation.matching.events.OrderCancelledV1;
import cn.cvp.allocation.matching.events.OrderPlacedV1;
import cn.cvp.allocation.matching.events.VoucherHoldPlacedV1;
import cn.cvp.allocation.matching.events.VoucherHoldRejectedV1;
import cn.cvp.allocation.matching.events.VoucherIssuedV1;
import cn.cvp.allocation.matching.events.VoucherStatusChangedV1;
import cn.cvp.allocation.matching.messaging.VoucherEventsConsumer;
import cn.cvp.allocation.support.EventReader;
import cn.cvp.allocation.testing.ComponentTest;
import cn.cvp.allocation.testing.Flow;
import cn.cvp.allocation.testing.ProducerExamples;
import cn.cvp.allocation.usage.domain.UsageReport;
import cn.cvp.allocation.usage.events.UsageReportedV1;
import cn.cvp.allocation.usage.messaging.UsageEventsConsumer;
import cn.cvp.kit.events.EventEnvelope;
import cn.cvp.kit.testing.EventSchemas;
import cn.cvp.kit.testing.LocalInfraResource;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Consumer-side contract tests: the producers' own example files (voucher-service, provider-service) are read
 * the way allocation-service reads their events, and the ones with a visible effect are sent through Kafka.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraResource.class)
class ProducerExamplesContractTest extends ComponentTest {

    private static final Path VOUCHER_EVENTS = ProducerExamples.VOUCHER_EVENTS;
    private static final Path PROVIDER_EVENTS = ProducerExamples.PROVIDER_EVENTS;

    @Inject
    EventReader reader;

    private <T> T read(Path dir, String type, Class<T> record) {
        String payload = codec.encode(UUID.randomUUID().toString(), "/example", type, "example", OffsetDateTime.now(),
                ProducerExamples.data(dir, type).toString());
        EventEnvelope envelope = reader.envelope(payload);
        return reader.data(envelope, record);
    }

    @Test
    void theExamplesWeReadConformToTheirProducersSchemas() {
        for (String type : new String[] {VoucherIssuedV1.TYPE, VoucherHoldPlacedV1.TYPE, VoucherHoldRejectedV1.TYPE,
                VoucherStatusChangedV1.FROZEN, VoucherStatusChangedV1.UNFROZEN, VoucherStatusChangedV1.REVOKED,
                VoucherStatusChangedV1.EXPIRED, OrderPlacedV1.TYPE, OrderCancelledV1.TYPE}) {
            assertThat(EventSchemas.validate(VOUCHER_EVENTS, type, ProducerExamples.data(VOUCHER_EVENTS, type)))
                    .as(type).isEmpty();
        }
        for (String type : new String[] {ProviderRegisteredV1.TYPE, ProviderStatusChangedV1.TYPE,
                OfferingPublishedV1.TYPE, OfferingWithdrawnV1.TYPE, UsageReportedV1.TYPE}) {
            assertThat(EventSchemas.validate(PROVIDER_EVENTS, type, ProducerExamples.data(PROVIDER_EVENTS, type)))
                    .as(type).isEmpty();
        }
    }

    @Test
    void voucherIssuedExampleIsReadableAndComplete() {
        VoucherIssuedV1 e = read(VOUCHER_EVENTS, VoucherIssuedV1.TYPE, VoucherIssuedV1.class);
        Voucher.Issued issued = VoucherEventsConsumer.issuedOf(e);
        assertThat(issued.voucherId()).isNotNull();
        assertThat(issued.programmeCode()).isNotBlank();
        assertThat(issued.enterpriseCreditCode()).hasSize(18);
        assertThat(issued.subsidyRatio()).isBetween(java.math.BigDecimal.ZERO, java.math.BigDecimal.ONE);
        assertThat(issued.resourceClass()).isNotBlank();
        assertThat(issued.cardHours()).isPositive();
        assertThat(issued.windowEnd()).isAfter(issued.windowStart());
        assertThat(issued.approvedAt()).isNotNull();
        // the example is a Beijing (contract-first) voucher: bound to the provider its contract names
        assertThat(issued.contractProviderCreditCode()).hasSize(18);
    }

    @Test
    void orderExamplesAreReadable() {
        QuotaOrder.Placed placed = VoucherEventsConsumer.placedOf(read(VOUCHER_EVENTS, OrderPlacedV1.TYPE, OrderPlacedV1.class));
        assertThat(placed.orderId()).isNotNull();
        assertThat(placed.voucherId()).isNotNull();
        assertThat(placed.cardHours()).isPositive();
        assertThat(placed.holdFen()).isPositive();
        assertThat(placed.subsidyRatio()).isBetween(java.math.BigDecimal.ZERO, java.math.BigDecimal.ONE);
        assertThat(placed.windowEnd()).isAfter(placed.windowStart());
        OrderCancelledV1 cancelled = read(VOUCHER_EVENTS, OrderCancelledV1.TYPE, OrderCancelledV1.class);
        assertThat(cancelled.orderId()).isNotNull();
    }

    @Test
    void voucherHoldExamplesAreReadable() {
        VoucherHoldPlacedV1 placed = read(VOUCHER_EVENTS, VoucherHoldPlacedV1.TYPE, VoucherHoldPlacedV1.class);
        assertThat(placed.allocationId()).isNotNull();
        assertThat(placed.holdFen()).isNotNegative();
        VoucherHoldRejectedV1 rejected = read(VOUCHER_EVENTS, VoucherHoldRejectedV1.TYPE, VoucherHoldRejectedV1.class);
        assertThat(rejected.allocationId()).isNotNull();
        assertThat(rejected.reason()).isNotBlank();
    }

    @Test
    void voucherStatusExamplesAreReadable() {
        for (String type : new String[] {VoucherStatusChangedV1.FROZEN, VoucherStatusChangedV1.UNFROZEN,
                VoucherStatusChangedV1.REVOKED, VoucherStatusChangedV1.EXPIRED}) {
            VoucherStatusChangedV1 e = read(VOUCHER_EVENTS, type, VoucherStatusChangedV1.class);
            assertThat(e.voucherId()).as(type).isNotNull();
            assertThat(e.status()).as(type).isIn("FROZEN", "ACTIVE", "REVOKED", "EXPIRED");
            assertThat(e.releasedAllocationIds()).as(type).isNotNull();
        }
    }

    @Test
    void providerExamplesAreReadable() {
        ProviderRegisteredV1 registered = read(PROVIDER_EVENTS, ProviderRegisteredV1.TYPE, ProviderRegisteredV1.class);
        assertThat(registered.creditCode()).hasSize(18);
        ProviderStatusChangedV1 changed = read(PROVIDER_EVENTS, ProviderStatusChangedV1.TYPE, ProviderStatusChangedV1.class);
        assertThat(changed.status()).isNotBlank();
        assertThat(changed.programmeMemberships()).as("programmeMemberships (needed for partner/listed rules)").isNotNull();
        OfferingTerms terms = ProviderEventsConsumer.termsOf(read(PROVIDER_EVENTS, OfferingPublishedV1.TYPE, OfferingPublishedV1.class));
        assertThat(terms.units()).isPositive();
        assertThat(terms.availableTo()).isAfter(terms.availableFrom());
        assertThat(terms.unit()).isIn("CARD_HOUR", "TB_MONTH");
        OfferingWithdrawnV1 withdrawn = read(PROVIDER_EVENTS, OfferingWithdrawnV1.TYPE, OfferingWithdrawnV1.class);
        assertThat(withdrawn.version()).isPositive();
    }

    @Test
    void usageReportedExampleIsReadable() {
        UsageReport report = UsageEventsConsumer.reportOf(read(PROVIDER_EVENTS, UsageReportedV1.TYPE, UsageReportedV1.class));
        assertThat(report.units()).isPositive();
        assertThat(report.periodEnd()).isAfter(report.periodStart());
        assertThat(report.allocationId()).isNotNull();
    }

    @Test
    void theExamplesSentThroughKafkaAreApplied() {
        ObjectNode provider = ProducerExamples.data(PROVIDER_EVENTS, ProviderRegisteredV1.TYPE);
        ObjectNode offering = ProducerExamples.data(PROVIDER_EVENTS, OfferingPublishedV1.TYPE);
        ObjectNode voucher = ProducerExamples.data(VOUCHER_EVENTS, VoucherIssuedV1.TYPE);
        ObjectNode usage = ProducerExamples.data(PROVIDER_EVENTS, UsageReportedV1.TYPE);
        flow.provider(ProviderRegisteredV1.TYPE, provider.path("providerId").asText(), provider);
        flow.provider(OfferingPublishedV1.TYPE, offering.path("offeringId").asText(), offering);
        flow.voucher(VoucherIssuedV1.TYPE, voucher.path("voucherId").asText(), voucher);
        flow.usage(UsageReportedV1.TYPE, usage.path("allocationId").asText(), usage);

        await().atMost(Flow.PATIENCE).untilAsserted(() -> {
            assertThat(count("select count(*) from provider_standing where provider_id = ?1",
                    UUID.fromString(provider.path("providerId").asText()))).isOne();
            assertThat(count("select count(*) from offering where offering_id = ?1",
                    UUID.fromString(offering.path("offeringId").asText()))).isOne();
            assertThat(count("select count(*) from allocation where voucher_id = ?1",
                    UUID.fromString(voucher.path("voucherId").asText()))).isPositive();
            assertThat(count("select count(*) from usage_decision where usage_report_id = ?1",
                    UUID.fromString(usage.path("usageReportId").asText()))).isOne();
        });
        String[] ids = {provider.path("providerId").asText(), offering.path("offeringId").asText(),
                voucher.path("voucherId").asText(), usage.path("usageReportId").asText()};
        for (String id : ids) {
            assertThat(flow.deadLetters(v -> v.contains(id))).as("dead letters about %s", id).isEmpty();
        }
    }
}
