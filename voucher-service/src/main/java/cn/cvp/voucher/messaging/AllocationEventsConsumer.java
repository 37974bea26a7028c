package cn.cvp.voucher.messaging;

import cn.cvp.kit.events.EventCodec;
import cn.cvp.kit.events.MalformedEventException;
import cn.cvp.kit.inbox.BatchConsumer;
import cn.cvp.kit.inbox.Runs;
import cn.cvp.voucher.application.LedgerService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

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
        batches.inOneTransaction(records, DEAD_LETTER_TOPIC, this::apply, t -> t instanceof MalformedEventException);
    }

    /** In order; each run of usage.accepted.v1 is captured set-wise, every other event on its own. */
    void apply(List<String> payloads) {
        Runs.apply(payloads.stream().map(codec::decode).toList(),
                e -> AllocationEvents.USAGE_ACCEPTED.equals(e.type()),
                run -> ledger.captureAll(run.stream().map(e -> new LedgerService.Accepted(e.id(),
                        codec.data(e, AllocationEvents.UsageAccepted.class))).toList()),
                ledger::handle);
    }
}
