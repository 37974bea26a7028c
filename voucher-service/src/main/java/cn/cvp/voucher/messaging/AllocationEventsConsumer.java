package cn.cvp.voucher.messaging;

import cn.cvp.kit.events.EventCodec;
import cn.cvp.kit.events.MalformedEventException;
import cn.cvp.kit.inbox.BatchConsumer;
import cn.cvp.voucher.application.LedgerService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reacts to allocation-service: places holds, releases them, captures accepted usage — a poll at a time in
 * one transaction (usage decisions arrive by the thousand; see the kit's BatchConsumer). A message that
 * cannot be processed after retries goes to {@code voucher-service.dlq} with the reason.
 */
@ApplicationScoped
public class AllocationEventsConsumer {

    static final String DEAD_LETTER_TOPIC = "voucher-service.dlq";

    private final EventCodec codec;
    private final LedgerService ledger;
    private final BatchConsumer batches;

    public AllocationEventsConsumer(EventCodec codec, LedgerService ledger, BatchConsumer batches) {
        this.codec = codec;
        this.ledger = ledger;
        this.batches = batches;
    }

    @Incoming("allocation-events")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        batches.inOneTransaction(records, DEAD_LETTER_TOPIC, payload -> ledger.handle(codec.decode(payload)),
                t -> t instanceof MalformedEventException);
    }
}
