package cn.cvp.provider.messaging;

import cn.cvp.kit.events.EventCodec;
import cn.cvp.kit.events.MalformedEventException;
import cn.cvp.kit.inbox.BatchConsumer;
import cn.cvp.kit.inbox.Runs;
import cn.cvp.kit.problem.ProblemException;
import cn.cvp.provider.application.AllocationEventHandler;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/**
 * Keeps the provider's view of allocations and usage decisions from {@code allocation.events}, a poll at a
 * time in one transaction (decisions on usage arrive by the thousand; see the kit's BatchConsumer). A
 * message that cannot be read, or cannot be applied after retries, goes to {@code provider-service.dlq}
 * with the reason; the partition moves on.
 */
@ApplicationScoped
public class AllocationEventsConsumer {

    static final String DEAD_LETTER_TOPIC = "provider-service.dlq";

    private final EventCodec codec;
    private final AllocationEventHandler handler;
    private final BatchConsumer batches;

    public AllocationEventsConsumer(EventCodec codec, AllocationEventHandler handler, BatchConsumer batches) {
        this.codec = codec;
        this.handler = handler;
        this.batches = batches;
    }

    @Incoming("allocation-events")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        batches.inOneTransaction(records, DEAD_LETTER_TOPIC, this::apply,
                t -> t instanceof MalformedEventException || t instanceof ProblemException);
    }

    /** In order; each run of usage decisions is applied set-wise, every other event on its own. */
    void apply(List<String> payloads) {
        Runs.apply(payloads.stream().map(codec::decode).toList(), AllocationEventHandler::isUsageDecision,
                handler::usageDecided, handler::handle);
    }
}
