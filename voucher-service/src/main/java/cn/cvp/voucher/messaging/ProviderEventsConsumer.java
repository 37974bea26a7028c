package cn.cvp.voucher.messaging;

import cn.cvp.kit.events.EventCodec;
import cn.cvp.kit.events.EventEnvelope;
import cn.cvp.kit.events.MalformedEventException;
import cn.cvp.voucher.application.SettlementService;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import cn.cvp.kit.inbox.BatchConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.UUID;

/** Keeps the provider directory (who may redeem which captures) from provider.events. */
@ApplicationScoped
public class ProviderEventsConsumer {

    static final String DEAD_LETTER_TOPIC = "voucher-service.dlq";
    static final String CONSUMER = "voucher-service:providers";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProviderRegistered(UUID providerId, String creditCode, String name) {
    }

    private final EventCodec codec;
    private final SettlementService settlement;
    private final BatchConsumer batches;

    public ProviderEventsConsumer(EventCodec codec, SettlementService settlement, BatchConsumer batches) {
        this.batches = batches;
        this.codec = codec;
        this.settlement = settlement;
    }

    @Incoming("provider-events")
    @Blocking
    public void onBatch(ConsumerRecords<String, String> records) {
        batches.eachInItsOwnTransaction(records, DEAD_LETTER_TOPIC, this::apply,
                t -> t instanceof MalformedEventException);
    }

    void apply(String payload) {
        EventEnvelope event = codec.decode(payload);
        if ("provider.registered.v1".equals(event.type()) || "provider.status-changed.v1".equals(event.type())) {
            ProviderRegistered p = codec.data(event, ProviderRegistered.class);
            if (p.providerId() == null || p.creditCode() == null) {
                throw new MalformedEventException(event.type() + " without providerId or creditCode");
            }
            settlement.knowProvider(CONSUMER, event.id(), p.providerId(), p.creditCode(), p.name());
        }
    }
}
