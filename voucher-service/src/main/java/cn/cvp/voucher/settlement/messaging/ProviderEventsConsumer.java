package cn.cvp.voucher.settlement.messaging;

import cn.cvp.kit.events.EventCodec;
import cn.cvp.kit.events.EventEnvelope;
import cn.cvp.kit.events.MalformedEventException;
import cn.cvp.kit.inbox.BatchConsumer;
import cn.cvp.voucher.settlement.application.RecordProvider;
import cn.cvp.voucher.settlement.events.ProviderEvents;
import cn.cvp.voucher.support.Service;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the provider directory (who may redeem which captures; whose contracts a contract-first programme accepts) from
 * provider.events. Other types are ignored.
 */
@ApplicationScoped
public class ProviderEventsConsumer {

    static final String DEAD_LETTER_TOPIC = Service.DEAD_LETTER_TOPIC;

    private final EventCodec codec;
    private final RecordProvider recordProvider;
    private final BatchConsumer batches;

    public ProviderEventsConsumer(EventCodec codec, RecordProvider recordProvider, BatchConsumer batches) {
        this.codec = codec;
        this.recordProvider = recordProvider;
        this.batches = batches;
    }

    @Incoming("provider-events")
    @Blocking
    public void onBatch(ConsumerRecords<String, String> records) {
        batches.eachInItsOwnTransaction(records, DEAD_LETTER_TOPIC, this::apply,
                t -> t instanceof MalformedEventException);
    }

    void apply(String payload) {
        EventEnvelope event = codec.decode(payload);
        if (ProviderEvents.REGISTERED.equals(event.type()) || ProviderEvents.STATUS_CHANGED.equals(event.type())) {
            ProviderEvents.ProviderRegistered p = codec.data(event, ProviderEvents.ProviderRegistered.class);
            if (p.providerId() == null || p.creditCode() == null) {
                throw new MalformedEventException(event.type() + " without providerId or creditCode");
            }
            recordProvider.record(new RecordProvider.Command(event.id(), p.providerId(), p.creditCode(), p.name(),
                    p.status(), p.programmeMemberships(), p.relatedParties()));
        }
    }
}
