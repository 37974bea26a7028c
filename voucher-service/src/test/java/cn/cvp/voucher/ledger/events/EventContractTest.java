package cn.cvp.voucher.ledger.events;

import cn.cvp.kit.testing.EventSchemas;
import cn.cvp.voucher.settlement.events.SettlementEvents;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The examples voucher-service publishes for its consumers are valid against its own schemas. */
class EventContractTest {

    @Test
    void everyProducedTypeHasASchemaAndAValidExample() {
        assertThat(EventSchemas.types(EventSchemas.OWN)).containsExactlyInAnyOrder(
                VoucherEvents.ISSUED, VoucherEvents.HOLD_PLACED, VoucherEvents.HOLD_REJECTED, VoucherEvents.DEBITED,
                VoucherEvents.FROZEN, VoucherEvents.UNFROZEN, VoucherEvents.REVOKED, VoucherEvents.EXPIRED,
                VoucherEvents.ORDER_PLACED, VoucherEvents.ORDER_CANCELLED, SettlementEvents.PAID);
        for (String type : EventSchemas.types(EventSchemas.OWN)) {
            assertThat(EventSchemas.validate(EventSchemas.OWN, type, EventSchemas.example(EventSchemas.OWN, type))).as(type).isEmpty();
        }
    }

    @Test
    void theSchemasRejectWhatConsumersCouldNotUse() {
        var example = (com.fasterxml.jackson.databind.node.ObjectNode) EventSchemas.example(EventSchemas.OWN, VoucherEvents.ISSUED).deepCopy();
        example.remove("faceValueFen");
        assertThat(EventSchemas.validate(EventSchemas.OWN, VoucherEvents.ISSUED, example)).isNotEmpty();
        example.put("faceValueFen", -1);
        assertThat(EventSchemas.validate(EventSchemas.OWN, VoucherEvents.ISSUED, example)).isNotEmpty();
        example.put("faceValueFen", 1);
        example.put("contractProviderCreditCode", "not-a-credit-code");
        assertThat(EventSchemas.validate(EventSchemas.OWN, VoucherEvents.ISSUED, example)).isNotEmpty();
        example.putNull("contractProviderCreditCode"); // a quota-first voucher is bound to no provider
        assertThat(EventSchemas.validate(EventSchemas.OWN, VoucherEvents.ISSUED, example)).isEmpty();
    }
}
