package cn.cvp.allocation.component;

import cn.cvp.allocation.testing.ComponentTest;
import cn.cvp.allocation.testing.Flow;
import cn.cvp.allocation.testing.TestEvents;
import cn.cvp.kit.testing.LocalInfraResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Beijing's contract binds the provider, through Kafka against a real broker and PostgreSQL: a voucher.issued.v1 with
 * {@code contractProviderCreditCode} is matched with that provider's offerings only, and waits when it has none.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraResource.class)
class ContractedProviderFlowTest extends ComponentTest {

    private String issueContracted(UUID voucherId, String rc, long cardHours, String contractedProvider) {
        ObjectNode data = TestEvents.voucherIssued(voucherId, TestEvents.creditCode(), rc, cardHours,
                TestEvents.JAN_1.minusDays(20));
        data.put("contractProviderCreditCode", contractedProvider);
        return flow.voucher("voucher.issued.v1", voucherId.toString(), data);
    }

    @Test
    void aContractFirstVoucherIsAllocatedToItsContractedProviderNotToACheaperOne() {
        String rc = TestEvents.uniqueResourceClass();
        String contractedCode = TestEvents.creditCode();
        UUID contracted = activeProvider(contractedCode, "签约机构", List.of(), List.of(TestEvents.BJ));
        UUID other = activeBeijingPartner();
        UUID cheaper = offering(other, rc, 8, 900);
        UUID ofTheContracted = offering(contracted, rc, 8, 1800);
        UUID voucher = UUID.randomUUID();

        issueContracted(voucher, rc, 100, contractedCode);

        JsonNode created = flow.awaitEvent("allocation.created.v1",
                d -> d.path("voucherId").asText().equals(voucher.toString()));
        assertThat(created.path("offeringId").asText()).isEqualTo(ofTheContracted.toString());
        assertThat(created.path("providerId").asText()).isEqualTo(contracted.toString());
        assertThat(created.path("unitPriceFen").asLong()).isEqualTo(1800);
        assertThat(reserved(ofTheContracted)).isEqualTo(100);
        assertThat(reserved(cheaper)).isZero();
        JsonNode e = Flow.read((String) single("select explanation::text from allocation where allocation_id = ?1",
                UUID.fromString(created.path("allocationId").asText())));
        assertThat(e.path("contractedProviderCreditCode").asText()).isEqualTo(contractedCode);
        assertThat(e.path("exclusionCounts").path("NOT_CONTRACTED_PROVIDER").asInt()).isEqualTo(1);
        assertThat(single("select contract_provider_credit_code from voucher where voucher_id = ?1", voucher))
                .isEqualTo(contractedCode);
    }

    @Test
    void aContractedProviderWithoutAnOfferingOfTheClassLeavesTheVoucherWaitlisted() {
        String rc = TestEvents.uniqueResourceClass();
        String contractedCode = TestEvents.creditCode();
        activeProvider(contractedCode, "签约机构", List.of(), List.of(TestEvents.BJ));
        UUID otherOffering = offering(activeBeijingPartner(), rc, 8, 900);
        UUID voucher = UUID.randomUUID();

        issueContracted(voucher, rc, 100, contractedCode);

        JsonNode waitlisted = flow.awaitEvent("allocation.waitlisted.v1",
                d -> d.path("voucherId").asText().equals(voucher.toString()));
        assertThat(waitlisted.path("reason").asText()).isEqualTo("NO_OFFERING_OF_CONTRACTED_PROVIDER");
        assertThat(waitlisted.path("cardHours").asLong()).isEqualTo(100);
        assertThat(reserved(otherOffering)).isZero();
        JsonNode e = Flow.read((String) single("select explanation::text from allocation where voucher_id = ?1"
                + " and status = 'WAITLISTED'", voucher));
        assertThat(e.path("contractedProviderCreditCode").asText()).isEqualTo(contractedCode);
        assertThat(flow.events("allocation.created.v1", d -> d.path("voucherId").asText().equals(voucher.toString())))
                .isEmpty();
    }
}
